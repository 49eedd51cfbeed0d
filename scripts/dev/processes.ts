import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import readline from 'node:readline';
import { sleep } from './net';

const COLORS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m', '\x1b[34m'];
const RESET = '\x1b[0m';
const ANSI_ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]/g;
const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
let nextColor = 0;

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Resolves when the process itself has exited (its group may still have members). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Writes every line of the process's output to ours, prefixed with its name. */
function pipeWithPrefix(name: string, child: ChildProcess, width: number) {
  const color = useColor ? (COLORS[nextColor++ % COLORS.length] ?? '') : '';
  const prefix = `${color}${name.padEnd(width)} |${useColor ? RESET : ''} `;
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    if (!stream) continue;
    readline.createInterface({ input: stream }).on('line', (line) => {
      // Blank lines and bare terminal controls (cursor show/hide) only add noise once prefixed.
      if (line.replace(ANSI_ESCAPE, '').trim() === '') return;
      out.write(prefix + line + '\n');
    });
  }
}

/**
 * Starts a command in its own process group (`detached`), so that we alone decide when and
 * how it stops, and can signal everything it started at once (`kill -- -pgid`).
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { prefixWidth?: number } = {},
): ManagedProcess {
  const { prefixWidth = 7, ...spawnOptions } = options;
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...spawnOptions,
    detached: true,
  });
  pipeWithPrefix(name, child, prefixWidth);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      process.stderr.write(`${name}: could not start ${command}: ${error.message}\n`);
      resolve({ code: 127, signal: null });
    });
  });
  trackedGroups.add(child);
  void exited.then(() => {
    // The leader is gone; forget the group only once nothing in it remains.
    if (!groupAlive(child)) trackedGroups.delete(child);
  });
  return { name, child, exited };
}

function groupAlive(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** SIGTERM to the whole group, then SIGKILL whatever is left after `graceMs`. */
export async function stopProcess(proc: ManagedProcess, graceMs = 10_000): Promise<void> {
  signalGroup(proc.child, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(proc.child) && Date.now() < deadline) await sleep(100);
  if (groupAlive(proc.child)) {
    process.stderr.write(`${proc.name} did not stop within ${graceMs / 1000} s; killing it\n`);
    signalGroup(proc.child, 'SIGKILL');
    while (groupAlive(proc.child)) await sleep(50);
  }
  trackedGroups.delete(proc.child);
}

const trackedGroups = new Set<ChildProcess>();

// Last resort if this process dies on an error: leave no detached group behind.
process.on('exit', () => {
  for (const child of trackedGroups) signalGroup(child, 'SIGKILL');
});
