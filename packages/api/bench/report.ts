import type { CpuShare, LoopResult, Percentiles } from './load';
import type { ReadMeasure, ReleaseResult } from './phases';

const int = (value: number) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
const ms = (value: number) =>
  Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : 'n/a';
const cores = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');

export const latencyLine = (p: Percentiles) =>
  `p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}`;

export const cpuLine = (cpu: CpuShare) =>
  `CPU in cores: machine ${cores(cpu.machine)}, load generator ${cores(cpu.bench)}, API server ${cores(cpu.server)}, ` +
  `rest (PostgreSQL, Redis, others) ${cores(cpu.machine - cpu.bench - (Number.isFinite(cpu.server) ? cpu.server : 0))}`;

/** One phase's figures as printed when the phase ends. */
export function loopLines(label: string, unit: string, result: LoopResult): string[] {
  const lines = [
    `${label}: ${int(result.perSecond)} ${unit}/s (${int(result.ok)} in the window, ${int(result.conflicts)} conflicts, ${int(result.errors)} errors)`,
    `  latency ${latencyLine(result.latency)}`,
    `  ${cpuLine(result.cpu)}`,
  ];
  if (result.firstError) lines.push(`  first error: ${result.firstError}`);
  return lines;
}

/** The release phase: every hold (2) and (3) left, released by 64 clients. */
export function releaseLines(result: ReleaseResult): string[] {
  const lines = [
    `    then holds.release of those ${int(result.released + result.errors)} holds, 64 clients: ${int(result.perSecond)}/s, ${int(result.errors)} errors`,
    `  latency ${latencyLine(result.latency)}`,
  ];
  if (result.firstError) lines.push(`  first error: ${result.firstError}`);
  return lines;
}

export interface Summary {
  raw: LoopResult;
  bare: LoopResult;
  claimOverHttp: LoopResult;
  seats: LoopResult;
  generalAdmission: LoopResult;
  releases: ReleaseResult;
  slots: ReadMeasure;
  seatMap: ReadMeasure;
  oversold: number;
}

interface Row {
  figure: string;
  value: string;
  target: string;
  met: boolean | null;
}

function table(rows: Row[]): string[] {
  const cells = rows.map((row) => [
    row.figure,
    row.value,
    row.target,
    row.met === null ? '' : row.met ? 'met' : 'NOT MET',
  ]);
  const header = ['figure', 'measured', 'target', ''];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((cell) => (cell[column] ?? '').length)),
  );
  const line = (cell: string[]) =>
    `| ${cell.map((text, column) => text.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)];
}

/** The closing table: every figure, its target for reference, met or not. Never fails the run. */
export function summaryTable(s: Summary): string[] {
  const ratio = (result: LoopResult) => result.perSecond / s.raw.perSecond;
  const seatsRatio = ratio(s.seats);
  const gaRatio = ratio(s.generalAdmission);
  return table([
    {
      figure: '(1) raw SQL seat claim+release, 64 connections',
      value: `${int(s.raw.perSecond)}/s, ${latencyLine(s.raw.latency)}`,
      target: 'baseline',
      met: null,
    },
    {
      figure: '    extra: bare node:http JSON, 64 clients',
      value: `${int(s.bare.perSecond)}/s, p99 ${ms(s.bare.latency.p99)}`,
      target: '',
      met: null,
    },
    {
      figure: '    extra: (1) behind the same HTTP server',
      value: `${int(s.claimOverHttp.perSecond)}/s, p99 ${ms(s.claimOverHttp.latency.p99)}`,
      target: '',
      met: null,
    },
    {
      figure: '(2) holds.create, 1 seat, 64 clients',
      value: `${int(s.seats.perSecond)}/s, ratio ${seatsRatio.toFixed(2)}`,
      target: 'ratio >= 0.5',
      met: seatsRatio >= 0.5,
    },
    {
      figure: '    holds.create latency (seats)',
      value: latencyLine(s.seats.latency),
      target: 'p99 < 100 ms',
      met: s.seats.latency.p99 < 100,
    },
    {
      figure: '(3) holds.create, 1 GA ticket, 64 clients',
      value: `${int(s.generalAdmission.perSecond)}/s, ratio ${gaRatio.toFixed(2)}`,
      target: 'ratio >= 0.5',
      met: gaRatio >= 0.5,
    },
    {
      figure: '    holds.create latency (GA)',
      value: latencyLine(s.generalAdmission.latency),
      target: 'p99 < 100 ms',
      met: s.generalAdmission.latency.p99 < 100,
    },
    {
      figure: '    extra: holds.release of those holds, 64 clients',
      value: `${int(s.releases.perSecond)}/s, ${latencyLine(s.releases.latency)}`,
      target: '',
      met: null,
    },
    {
      figure: `(4) slots, 1 resource, 1 week: ${s.slots.subject}`,
      value: `p50 ${ms(s.slots.latency.p50)}  p95 ${ms(s.slots.latency.p95)}`,
      target: 'p95 < 25 ms',
      met: s.slots.latency.p95 < 25,
    },
    {
      figure: `(5) 2,000-seat map: ${s.seatMap.subject}`,
      value: `p50 ${ms(s.seatMap.latency.p50)}  p95 ${ms(s.seatMap.latency.p95)}`,
      target: 'p95 < 30 ms',
      met: s.seatMap.latency.p95 < 30,
    },
    {
      figure: '(6) oversell check after (2) and (3)',
      value: s.oversold === 0 ? '0 oversold' : `${s.oversold} OVERSOLD`,
      target: '0 oversold',
      met: s.oversold === 0,
    },
  ]);
}
