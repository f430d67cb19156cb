/**
 * The summary workbook's native charts, validated by LibreOffice: it opens the .xlsx the CLI writes
 * (ExcelJS + the chart parts of src/xlsx/charts.ts) and converts it to .ods — the charts must come
 * through as LibreOffice chart objects of the right kind over the right cells — and to PDF
 * (artifacts/consolidation/tong-hop.pdf, rendered to PNG when poppler's pdftoppm is installed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getBuiltinPlan } from '../../src/plan/registry';
import type { Plan } from '../../src/plan/schema';
import { aggregate, summarySheets, type UnitRecord } from '../../src/sheet/summary';
import { planTargets } from '../../src/sheet/targets';
import { writeWorkbook } from '../../src/xlsx/write';
import { makeProfile } from '../helpers/libreoffice';
import { entry } from '../helpers/at';

const OUT = resolve(__dirname, '..', '..', 'artifacts', 'consolidation');
const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

function rec(unit: string, code: 'pass' | 'fail' | 'incomplete', failing: string[]): UnitRecord {
  const ids = ['TC1', 'TC16', 'TC17', 'TC18'];
  return {
    file: `${unit}.xlsx`,
    unit,
    unitType: 'Xã',
    pack: { id: 'xa', version: '1.0.0' },
    verdict: { code, label: code === 'pass' ? 'Đạt' : 'Chưa đạt' },
    passed: 34 - failing.length,
    applicable: 34,
    failing,
    stamp: 'fresh',
    year: 2025,
    asOf: '2025-12-31',
    mtimeMs: 0,
    fields: {},
    criteria: ids.map((id) => ({ id, status: failing.includes(id) ? 'fail' : 'pass' })),
    titles: { TC1: 'Quán triệt', TC16: 'Tụ điểm', TC17: 'Vụ việc', TC18: 'Tội phạm' },
  };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tieuchi-charts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('LibreOffice opens the summary workbook with its two native charts over the right cells', async () => {
  const plan = getBuiltinPlan('bac-quang-2024') as Plan;
  const result = aggregate(
    [
      rec('Xã An Phú', 'pass', []),
      rec('Xã Bình Minh', 'fail', ['TC16']),
      rec('Xã Cẩm Lệ', 'fail', ['TC16', 'TC17']),
      rec('Xã Đông Hòa', 'incomplete', ['TC16', 'TC17', 'TC18']),
    ],
    [],
    { plan: { id: plan.id, version: plan.version }, targets: planTargets(plan) },
  );
  const xlsx = join(dir, 'tong-hop.xlsx');
  writeFileSync(xlsx, await writeWorkbook(summarySheets(result)));
  const profile = makeProfile(join(dir, 'profile'));
  const convert = (to: string): void => {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', dir, xlsx],
      { stdio: 'pipe', timeout: 180_000 },
    );
  };
  convert('ods');
  const ods = unzipSync(readFileSync(join(dir, 'tong-hop.ods')));
  // each chart becomes an embedded chart object ("Object N/content.xml")
  const charts = Object.keys(ods)
    .filter((f) => /^Object \d+\/content\.xml$/.test(f))
    .map((f) => strFromU8(entry(ods, f)));
  expect(charts).toHaveLength(2);
  const pie = charts.find((c) => c.includes('chart:class="chart:circle"'));
  const bar = charts.find((c) => c.includes('chart:class="chart:bar"'));
  expect(pie).toContain('Kết luận của các đơn vị');
  expect(bar).toContain('Tiêu chí nhiều đơn vị không đạt nhất');
  // the series read the data cells of the "Biểu đồ" sheet, and LibreOffice reads the values
  const q = '&apos;Biểu đồ&apos;';
  expect(pie).toContain(`chart:values-cell-range-address="${q}.B5:${q}.B9"`);
  expect(bar).toContain(`chart:values-cell-range-address="${q}.B13:${q}.B15"`);
  const values = (x: string | undefined): number[] =>
    [...(x ?? '').matchAll(/office:value-type="float" office:value="([^"]+)"/g)].map((m) => Number(m[1]));
  const labels = (x: string | undefined): string[] =>
    [
      ...(x ?? '').matchAll(
        /<table:table-row><table:table-cell office:value-type="string"><text:p>([^<]*)</g,
      ),
    ].map((m) => m[1] ?? '');
  // verdicts: Đạt 1, Đang đạt 0, Chưa đủ dữ liệu 1, Chưa đạt 2, Chưa đủ điều kiện lựa chọn 0
  expect(values(pie)).toEqual([1, 0, 1, 2, 0]);
  expect(labels(pie)[0]).toBe('Đạt');
  // the most-failed criteria, most first: TC16 (3 units), TC17 (2), TC18 (1)
  expect(values(bar)).toEqual([3, 2, 1]);
  expect(labels(bar)).toEqual(['TC16', 'TC17', 'TC18']);

  convert('pdf');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'tong-hop.xlsx'), readFileSync(xlsx));
  writeFileSync(join(OUT, 'tong-hop.pdf'), readFileSync(join(dir, 'tong-hop.pdf')));
  expect(readFileSync(join(OUT, 'tong-hop.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  if (has('pdftoppm')) {
    execFileSync('pdftoppm', ['-png', '-r', '60', join(OUT, 'tong-hop.pdf'), join(OUT, 'tong-hop')], {
      stdio: 'pipe',
    });
    expect(readdirSync(OUT).some((f) => /^tong-hop-\d+\.png$/.test(f))).toBe(true);
  }
});
