/**
 * Consolidation bench (issue 4, goal: 500 unit workbooks in ≤ 20 s wall and ≤ 500 MB RSS on a
 * 2-core machine), and the speed-up over loading each workbook fully with ExcelJS.
 *
 * The workbooks are generated once into `$TMPDIR/tieuchi-bench-consolidate-v1` (100 distinct filled
 * templates of both packs, each copied 5 times under other names: 500 files) and reused by later
 * runs. `tieuchi consolidate` runs in a child process from the CLI bundle (dist/cli.js, built by
 * `npm run bench`), so wall time includes Node start-up and the RSS is that process's peak (its
 * worker threads included). Export: `benchConsolidate()` → lines for bench/index.ts.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** Runs `tieuchi consolidate DIR --json` from the bundle in a child process: wall ms and peak RSS. */
function runBundle(dir: string): { ms: number; rssMb: number; units: number; errors: number } {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js missing (npm run build:cli)');
  const script = `
    const cli = require(${JSON.stringify(cli)});
    let json = '';
    const ctx = { ...cli.makeCtx('vi'), out: (t) => { json += t; }, err: () => {} };
    const t0 = process.hrtime.bigint();
    cli.run(['consolidate', ${JSON.stringify(dir)}, '--json'], ctx).then(() => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const r = JSON.parse(json);
      process.stdout.write(JSON.stringify({ ms, rssKb: process.resourceUsage().maxRSS, units: r.units.length, errors: r.errors.length }));
    });`;
  const t0 = process.hrtime.bigint();
  const out = execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const r = JSON.parse(out) as { ms: number; rssKb: number; units: number; errors: number };
  return { ms: wall, rssMb: r.rssKb / 1024, units: r.units, errors: r.errors };
}

/** Loads `count` of the workbooks fully with ExcelJS, one after the other: ms per file. */
async function exceljsPerFile(dir: string, count: number): Promise<number> {
  const ExcelJS = (await import('exceljs')).default;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .slice(0, count);
  const t0 = process.hrtime.bigint();
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, f));
  }
  return Number(process.hrtime.bigint() - t0) / 1e6 / files.length;
}

export async function benchConsolidate(
  log: (s: string) => void = (s) => void process.stdout.write(s + '\n'),
): Promise<BenchLine[]> {
  log('consolidate: 500 unit workbooks …');
  const dir = await benchWorkbooks(log);
  const n = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).length;
  const r = runBundle(dir);
  const sample = Number(process.env.BENCH_EXCELJS_SAMPLE ?? 100);
  const perFile = await exceljsPerFile(dir, sample);
  const exceljsTotal = perFile * n;
  return [
    {
      measure: `consolidate ${n} workbooks (child process, 2 workers)`,
      goal: '≤ 20 s wall',
      result: `${fmt(r.ms / 1000, 2)} s wall (${r.units} units, ${r.errors} errors)`,
      ok: r.ms <= 20_000,
    },
    {
      measure: 'consolidate peak RSS',
      goal: '≤ 500 MB',
      result: `${fmt(r.rssMb)} MB`,
      ok: r.rssMb <= 500,
    },
    {
      measure: 'speed-up over ExcelJS full load',
      goal: 'informative',
      result: `ExcelJS ${fmt(perFile, 1)} ms/file (${Math.min(sample, n)} files) ≈ ${fmt(exceljsTotal / 1000, 1)} s for ${n}; consolidate is ${fmt(exceljsTotal / r.ms, 1)}× faster`,
    },
  ];
}

if (require.main === module) {
  benchConsolidate().then(
    (lines) => {
      for (const l of lines)
        process.stdout.write(
          `${l.ok === false ? '✗' : l.ok ? '✓' : '·'} ${l.measure}: ${l.result} (goal ${l.goal})\n`,
        );
    },
    (e: unknown) => {
      process.stderr.write(`bench consolidate: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
