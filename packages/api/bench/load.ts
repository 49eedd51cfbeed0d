import { readFileSync } from 'node:fs';

/**
 * What one iteration of a client's loop ended with: the latency of the call measured, or a
 * refusal.
 */
export type Outcome =
  | { ok: true; latencyMs: number }
  | { ok: false; refusal: 'conflict' }
  | { ok: false; refusal: 'error'; message: string };

export interface LoopResult {
  /** Successful iterations per second inside the measured window. */
  perSecond: number;
  ok: number;
  conflicts: number;
  errors: number;
  firstError: string | null;
  latency: Percentiles;
  cpu: CpuShare;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/**
 * `clients` closed loops (each starts its next iteration when the last one ends) for
 * `warmupMs + durationMs`; only iterations that end inside the measured window count.
 */
export async function closedLoop(options: {
  clients: number;
  warmupMs: number;
  durationMs: number;
  serverPid?: number;
  iteration: (client: number) => Promise<Outcome>;
}): Promise<LoopResult> {
  const started = performance.now();
  const windowStart = started + options.warmupMs;
  const windowEnd = windowStart + options.durationMs;
  const latencies: number[] = [];
  let conflicts = 0;
  let errors = 0;
  let firstError: string | null = null;
  let cpu: CpuSampler | undefined;
  const startCpu = setTimeout(() => (cpu = sampleCpu(options.serverPid)), options.warmupMs);

  async function loop(client: number) {
    while (performance.now() < windowEnd) {
      const outcome = await options.iteration(client);
      const now = performance.now();
      if (now < windowStart || now > windowEnd) continue;
      if (outcome.ok) latencies.push(outcome.latencyMs);
      else if (outcome.refusal === 'conflict') conflicts += 1;
      else {
        errors += 1;
        firstError ??= outcome.message;
      }
    }
  }
  await Promise.all(Array.from({ length: options.clients }, (_, client) => loop(client)));
  clearTimeout(startCpu);
  return {
    perSecond: latencies.length / (options.durationMs / 1000),
    ok: latencies.length,
    conflicts,
    errors,
    firstError,
    latency: percentiles(latencies),
    cpu: cpu?.stop() ?? { machine: Number.NaN, bench: Number.NaN, server: Number.NaN },
  };
}

/** `count` calls one after another, after `warmup` unmeasured ones. */
export async function sequential(
  count: number,
  warmup: number,
  call: () => Promise<void>,
): Promise<Percentiles> {
  for (let i = 0; i < warmup; i += 1) await call();
  const latencies: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await call();
    latencies.push(performance.now() - started);
  }
  return percentiles(latencies);
}

/**
 * Where the CPU went during a phase, in cores (2.0 = two cores busy): the whole machine,
 * this process (the load generator) and the API server process. The rest of the machine's
 * busy time is PostgreSQL (and whatever else runs here).
 */
export interface CpuShare {
  machine: number;
  bench: number;
  server: number;
}

interface CpuSampler {
  stop(): CpuShare;
}

const CLOCK_TICKS_PER_SECOND = 100;

function machineTicks(): { busy: number; total: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

function processTicks(pid: number | 'self'): number {
  // Fields after the command name: state is field 3, utime and stime are fields 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function sampleCpu(serverPid: number | undefined): CpuSampler {
  try {
    const started = performance.now();
    const machine = machineTicks();
    const bench = processTicks('self');
    const server = serverPid ? processTicks(serverPid) : 0;
    return {
      stop() {
        const seconds = (performance.now() - started) / 1000;
        const perSecond = (ticks: number) => ticks / CLOCK_TICKS_PER_SECOND / seconds;
        return {
          machine: perSecond(machineTicks().busy - machine.busy),
          bench: perSecond(processTicks('self') - bench),
          server: serverPid ? perSecond(processTicks(serverPid) - server) : Number.NaN,
        };
      },
    };
  } catch {
    // Not Linux: no /proc, no CPU figures.
    return { stop: () => ({ machine: Number.NaN, bench: Number.NaN, server: Number.NaN }) };
  }
}
