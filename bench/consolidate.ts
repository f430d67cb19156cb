/**
 * Consolidation bench (issues 4 and 10): N = 500, 2 000 and 10 000 unit workbooks (BENCH_CONSOLIDATE_N)
 * — wall, CPU, peak RSS, and the ratio to the floor (zlib-only reading spread over the cores).
 *
 * The workbooks are generated once into `$TMPDIR/tieuchi-bench-consolidate-v1` (100 distinct filled
 * templates of both packs, each copied 5 times under other names: 500 files) and reused by later
 * runs; larger N are copies of them under other names (generated once too). `tieuchi consolidate`
 * runs in a child process from the CLI bundle (dist/cli.js, built by `npm run bench`), so wall time
 * includes Node start-up and the RSS is that process's peak (its worker threads included).
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface BenchLine {
  measure: string;
  goal: string;
  result: string;
  ok?: boolean;
}

const ROOT = resolve(__dirname, '..');
const DIR = join(tmpdir(), 'tieuchi-bench-consolidate-v1');
const DISTINCT = 100;
const COPIES = 5;
const fmt = (n: number, digits = 1): string => n.toFixed(digits).replace('.', ',');

/** The 500 workbooks (generated on first use). */
export async function benchWorkbooks(log: (s: string) => void = () => undefined): Promise<string> {
  const done = join(DIR, '.complete');
  if (existsSync(done)) return DIR;
  rmSync(DIR, { recursive: true, force: true });
  const tmp = `${DIR}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const { buildCriteriaSheet } = await import('../src/sheet/layout');
  const { writeWorkbook } = await import('../src/xlsx/write');
  const { getBuiltinPack } = await import('../src/pack/registry');
  const { evaluate } = await import('../src/engine/evaluate');
  const { excelDate } = await import('../src/engine/dates');
  const { stampValues } = await import('../src/sheet/stampState');
  const { fullPassValues } = await import('../test/helpers/samples');
  log(`  generating ${DISTINCT * COPIES} workbooks in ${DIR} (once) …`);
  for (let i = 0; i < DISTINCT; i++) {
    const pack = getBuiltinPack(i % 4 === 3 ? 'coquan' : 'xa');
    if (!pack) throw new Error('built-in packs missing');
    const values: Record<string, string | number | boolean | null> = {
      ...fullPassValues(pack, { year: 2025 }),
      ten_don_vi: pack.id === 'xa' ? `Xã Thử ${i}` : `Trường Thử ${i}`,
      loai_don_vi: pack.id === 'xa' ? 'Xã' : 'Cơ sở giáo dục',
    };
    if (i % 5 === 1) values[pack.id === 'xa' ? 'tc16_tu_diem' : 'tc9_vu_viec'] = 1;
    const ev = evaluate(pack, values, { today: excelDate(2025, 12, 31) });
    const stamped =
      i % 3 === 0 ? values : { ...values, ...stampValues(pack, values, ev, new Date(Date.UTC(2025, 11, 1))) };
    const bytes = await writeWorkbook([buildCriteriaSheet(pack, { values: stamped })]);
    const first = join(tmp, `don-vi-${String(i).padStart(3, '0')}-0.xlsx`);
    writeFileSync(first, bytes);
    for (let c = 1; c < COPIES; c++)
      copyFileSync(first, join(tmp, `don-vi-${String(i).padStart(3, '0')}-${c}.xlsx`));
  }
  writeFileSync(join(tmp, '.complete'), '');
  renameSync(tmp, DIR);
  return DIR;
}

/**
 * `n` unit workbooks (copies of the distinct ones under other names), generated once into
 * `$TMPDIR/tieuchi-bench-consolidate-v1-n<N>` and reused.
 */
export async function benchWorkbooksN(n: number, log: (s: string) => void): Promise<string> {
  const base = await benchWorkbooks(log);
  if (n === DISTINCT * COPIES) return base;
  const dir = `${DIR}-n${n}`;
  if (existsSync(join(dir, '.complete'))) return dir;
  const sources = readdirSync(base)
    .filter((f) => f.endsWith('-0.xlsx'))
    .sort();
  log(`  copying ${n} workbooks into ${dir} (once) …`);
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(dir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (let i = 0; i < n; i++) {
    const source = sources[i % sources.length];
    if (source === undefined) throw new Error('no source workbook to copy');
    copyFileSync(join(base, source), join(tmp, `u-${String(i).padStart(5, '0')}.xlsx`));
  }
  writeFileSync(join(tmp, '.complete'), '');
  renameSync(tmp, dir);
  return dir;
}

export interface BundleRun {
  /** wall ms of the child process (Node start-up included) */
  ms: number;
  /** CPU ms of the child process, every thread */
  cpuMs: number;
  rssMb: number;
  units: number;
  errors: number;
}

/** Runs `tieuchi consolidate DIR --json` from the bundle in a child process: wall, CPU, peak RSS. */
export function runBundle(dir: string, jobs?: number): BundleRun {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js missing (npm run build:cli)');
  const args = ['consolidate', dir, '--json', ...(jobs ? ['--jobs', String(jobs)] : [])];
  const script = `
    const cli = require(${JSON.stringify(cli)});
    let json = '';
    const ctx = { ...cli.makeCtx('vi'), out: (t) => { json += t; }, err: () => {} };
    cli.run(${JSON.stringify(args)}, ctx).then(() => {
      const r = JSON.parse(json);
      const u = process.resourceUsage();
      process.stdout.write(JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, rssKb: u.maxRSS, units: r.units.length + r.duplicates.reduce((n, d) => n + d.dropped.length, 0), errors: r.errors.length }));
    });`;
  const t0 = process.hrtime.bigint();
  const out = execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const r = JSON.parse(out) as { cpuMs: number; rssKb: number; units: number; errors: number };
  return { ms: wall, cpuMs: r.cpuMs, rssMb: r.rssKb / 1024, units: r.units, errors: r.errors };
}

/**
 * Consolidation at each N: wall, CPU, peak RSS, and the ratio to the floor — the floor reader's
 * CPU per file (`floorMs`, measured in this same run) spread over the cores, plus `node -e 0`.
 */
export async function benchConsolidate(
  floorMs: number,
  nodeMs: number,
  log: (s: string) => void = (s) => void process.stdout.write(s + '\n'),
): Promise<BenchLine[]> {
  const sizes = (process.env.BENCH_CONSOLIDATE_N ?? '500,2000,10000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const cores = availableParallelism();
  const lines: BenchLine[] = [];
  let perFile0: number | undefined;
  for (const n of sizes) {
    const dir = await benchWorkbooksN(n, log);
    // the floor reads files already in the page cache: so does the run measured (a cold disk is
    // the disk's speed, not the reader's)
    for (const f of readdirSync(dir)) if (f.endsWith('.xlsx')) readFileSync(join(dir, f));
    log(`consolidate: ${n} workbooks …`);
    const r = runBundle(dir);
    const floor = nodeMs + (floorMs * n) / cores;
    const perFile = r.ms / n;
    perFile0 ??= perFile;
    const ratio = r.ms / floor;
    lines.push({
      measure: `consolidate ${n} (child process)`,
      goal: n >= 10000 ? '≤ 2× floor, ≤ 300 MB' : 'informative',
      result:
        `${fmt(r.ms / 1000, 2)} s wall = ${fmt(ratio, 2)}× floor (${fmt(floor / 1000, 2)} s), ` +
        `CPU ${fmt(r.cpuMs / 1000, 1)} s (${fmt(r.cpuMs / n, 2)} ms/file = ${fmt(r.cpuMs / n / floorMs, 1)}× the floor's CPU), ` +
        `peak RSS ${fmt(r.rssMb, 0)} MB, ` +
        `${fmt(perFile / perFile0, 2)}× the wall per file at N=${sizes[0]} (${r.units} units, ${r.errors} errors)`,
      ok: n >= 10000 ? ratio <= 2 && r.rssMb <= 300 : undefined,
    });
  }
  return lines;
}
