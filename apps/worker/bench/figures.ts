/** Timing helpers of the realtime benchmark. */

/** Milliseconds on a clock shared by the benchmark's processes (same machine). */
export const now = () => performance.timeOrigin + performance.now();

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function printLatencies(rows: [string, Percentiles][]): void {
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(
    `\n${'what'.padEnd(width)}  ${'samples'.padStart(8)}  ${'p50'.padStart(9)}  ${'p95'.padStart(9)}  ${'p99'.padStart(9)}`,
  );
  for (const [name, figures] of rows) {
    console.log(
      `${name.padEnd(width)}  ${String(figures.count).padStart(8)}  ${ms(figures.p50).padStart(9)}  ${ms(figures.p95).padStart(9)}  ${ms(figures.p99).padStart(9)}`,
    );
  }
}
