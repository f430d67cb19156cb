/**
 * Benchmark helpers for `npm run bench` (numbers are printed there, never asserted in tests).
 */
import type { Limits } from './limits';
import { readWorkbookBuffer } from './xlsx';

export interface ReadBench {
  /** Workbooks read per run. */
  workbooks: number;
  runs: number;
  /** Milliseconds per workbook: median and 95th percentile over runs. */
  medianMs: number;
  p95Ms: number;
  /** Defined names found in the first workbook (sanity check). */
  names: number;
}

/** Read every buffer `runs` times with `readWorkbookBuffer` and report ms per workbook. */
export function benchReadWorkbooks(
  buffers: readonly Uint8Array[],
  runs = 50,
  limits?: Partial<Limits>,
): ReadBench {
  const [first] = buffers;
  if (first === undefined) throw new Error('benchReadWorkbooks: no workbooks');
  const names = readWorkbookBuffer(first, 'bench.xlsx', limits).names.size;
  for (let i = 0; i < 5; i++) for (const b of buffers) readWorkbookBuffer(b, 'bench.xlsx', limits); // warm-up
  const per: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    for (const b of buffers) readWorkbookBuffer(b, 'bench.xlsx', limits);
    per.push(Number(process.hrtime.bigint() - t0) / 1e6 / buffers.length);
  }
  per.sort((a, b) => a - b);
  const at = (q: number): number => per[Math.min(per.length - 1, Math.floor(q * per.length))] ?? NaN;
  return { workbooks: buffers.length, runs, medianMs: at(0.5), p95Ms: at(0.95), names };
}
