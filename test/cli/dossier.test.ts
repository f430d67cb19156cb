/**
 * `tieuchi dossier`: five .docx from a checked workbook; a verdict that follows today's date is
 * refused; existing files are never overwritten without --force.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frozenEvaluation } from '../../src/cli/dossier';
import { FROZEN_AS_OF_ID } from '../../src/pack/workbookNames';
import { excelDate } from '../../src/engine/dates';
import type { Values } from '../../src/engine/values';
import { getBuiltinPack } from '../../src/pack/registry';
import type { Pack } from '../../src/pack/schema';
import { defaultPlan } from '../../src/plan/registry';
import { fullPassValues } from '../helpers/samples';
import { writeUnitWorkbook } from '../consolidate/fixtures';
import { ROOT, tieuchi } from './run';
import { allParagraphs, docxParts } from '../helpers/docx';

const FILES = [
  'to-trinh.docx',
  'bao-cao-ket-qua.docx',
  'bien-ban-hop-xet.docx',
  'bao-cao-so-ket-6-thang.docx',
  'bao-cao-ra-soat.docx',
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tieuchi-dossier-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('writes the five documents from a checked workbook whose as-of date is frozen by the stamp', async () => {
  const blank = join(dir, 'blank.xlsx');
  const checked = join(dir, 'checked.xlsx');
  const out = join(dir, 'ho-so');
  mkdirSync(out);
  // a template with "Ngày đánh giá" empty: only the stamp written by check --out freezes the date
  expect((await tieuchi(['template', '--pack', 'xa', '--unit', 'Phường 1', '--out', blank])).status).toBe(0);
  expect((await tieuchi(['check', blank, '--out', checked])).status).toBe(1);
  const r = await tieuchi(['dossier', checked, '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  for (const f of FILES) {
    expect(r.stdout).toContain(`Đã ghi: ${join(out, f)}`);
    expect(statSync(join(out, f)).size).toBeGreaterThan(5000);
  }
  const tt = allParagraphs(docxParts(readFileSync(join(out, 'to-trinh.docx'))).document);
  expect(tt).toContain('Phường 1, ngày … tháng … năm …');
  expect(tt).toContain('TM. ỦY BAN NHÂN DÂN');
  expect(tt.some((p) => p.startsWith('Lưu ý: theo kết quả đánh giá, phường 1 chưa đủ điều kiện'))).toBe(true);
});

test('refuses a workbook whose verdict follows today (exit 2, one Vietnamese line, nothing written)', async () => {
  const blank = join(dir, 'today.xlsx');
  const out = join(dir, 'today');
  mkdirSync(out);
  expect((await tieuchi(['template', '--pack', 'coquan', '--out', blank])).status).toBe(0);
  const r = await tieuchi(['dossier', blank, '--out', out]);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(`Không lập được hồ sơ từ "${blank}": kết luận đang tính theo ngày hôm nay`);
  for (const f of FILES) expect(existsSync(join(out, f))).toBe(false);
});

test('refuses an answers file and a missing folder', async () => {
  const json = join(ROOT, 'samples', 'xa.json');
  const a = await tieuchi(['dossier', json, '--out', dir]);
  expect(a.status).toBe(2);
  expect(a.stderr).toContain('cần bảng tính đã kiểm tra (.xlsx)');
  const b = await tieuchi(['dossier', json, '--out', join(dir, 'khong-co')]);
  expect(b.status).toBe(2);
  expect(b.stderr).toContain('không tồn tại');
});

test('never overwrites without --force; --force rewrites all five', async () => {
  const checked = join(dir, 'sample-checked.xlsx');
  const out = join(dir, 'again');
  mkdirSync(out);
  expect((await tieuchi(['check', join(ROOT, 'samples', 'coquan.json'), '--out', checked])).status).toBe(0);
  expect((await tieuchi(['dossier', checked, '-o', out])).status).toBe(0);
  const before = statSync(join(out, 'to-trinh.docx')).mtimeMs;
  rmSync(join(out, 'bao-cao-ra-soat.docx'));
  const again = await tieuchi(['dossier', checked, '-o', out]);
  expect(again.status).toBe(2);
  expect(again.stderr).toContain('đã tồn tại');
  // refused before writing anything: the removed file is not written either
  expect(existsSync(join(out, 'bao-cao-ra-soat.docx'))).toBe(false);
  const forced = await tieuchi(['dossier', checked, '-o', out, '--force']);
  expect(forced.status).toBe(0);
  for (const f of FILES) expect(existsSync(join(out, f))).toBe(true);
  expect(statSync(join(out, 'to-trinh.docx')).mtimeMs).toBeGreaterThanOrEqual(before);
  const tt = allParagraphs(docxParts(readFileSync(join(out, 'to-trinh.docx'))).document);
  expect(tt).toContain('HIỆU TRƯỞNG');
  expect(tt).toContain('Hà Nội, ngày … tháng … năm …');
});

test('has its help', async () => {
  const r = await tieuchi(['dossier', '--help']);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('tieuchi dossier ĐÃ-KIỂM-TRA.xlsx');
  expect((await tieuchi(['--help'])).stdout).toContain('dossier ĐÃ-KIỂM-TRA.xlsx');
});

test('the as-of date counts as frozen only when the engine does not take it from today', () => {
  const xa = getBuiltinPack('xa') as Pack;
  const plan = defaultPlan();
  const today = excelDate(2026, 11, 30);
  const base = { ten_don_vi: 'Phường 1' };
  const on = (values: Values): number | undefined => frozenEvaluation(xa, plan, values, today)?.asOf;
  expect(on(base)).toBeUndefined();
  // a date typed as text, or outside the year's range, is not used by the engine either
  expect(on({ ...base, ngay_danh_gia: '20/11/2026' })).toBeUndefined();
  expect(on({ ...base, ngay_danh_gia: excelDate(2026, 11, 20) })).toBe(excelDate(2026, 11, 20));
  expect(on({ ...base, [FROZEN_AS_OF_ID]: excelDate(2026, 11, 21) })).toBe(excelDate(2026, 11, 21));
});

test('says so on stderr when the workbook was edited after its evaluation, and still writes', async () => {
  const xa = getBuiltinPack('xa') as Pack;
  const file = join(dir, 'edited.xlsx');
  const out = join(dir, 'edited');
  mkdirSync(out);
  const values = { ...fullPassValues(xa, { year: 2025 }), ten_don_vi: 'Phường 1', loai_don_vi: 'Phường' };
  await writeUnitWorkbook(file, xa, values, { editAfterStamp: { tc16_tu_diem: 1 } });
  const r = await tieuchi(['dossier', file, '--out', out]);
  expect(r.status).toBe(0);
  expect(r.stderr.trim().split('\n')).toEqual([
    `Lưu ý: "${file}" — đã sửa sau khi đánh giá; hồ sơ lập theo số liệu hiện có trong bảng tính (chạy lại "tieuchi check" để cập nhật dấu đánh giá)`,
  ]);
  // the documents follow the values now in the file
  const bc = allParagraphs(docxParts(readFileSync(join(out, 'bao-cao-ket-qua.docx'))).document);
  expect(bc.some((p) => /^- TC16 \(.*\): Không đạt — /.test(p))).toBe(true);
});
