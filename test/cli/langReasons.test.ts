/**
 * `--lang en` says why a file cannot be read in English, whole (the frame and the reason, the XML
 * error inside "part … is broken", sizes), for `check`, `pack validate` and the consolidation's
 * lines; without it every line stays the Vietnamese it was.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildXlsx } from '../io/zipBuilder';
import { tieuchi } from './run';

const VIETNAMESE = /[À-ỹ]/;
const WORKBOOK = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const SHEET = '<worksheet><sheetData/></worksheet>';

let dir = '';
let files: Record<'text' | 'cut' | 'xml' | 'pack', string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tieuchi-reasons-'));
  const whole = buildXlsx({ workbook: WORKBOOK, sheets: [SHEET] });
  files = {
    text: join(dir, 'b.xlsx'),
    cut: join(dir, 'c.xlsx'),
    xml: join(dir, 'd.xlsx'),
    pack: join(dir, 'goi.json'),
  };
  writeFileSync(files.text, 'hello\n');
  writeFileSync(files.cut, whole.subarray(0, Math.floor(whole.length / 2)));
  // a <sheet> with its name twice: not well-formed XML
  writeFileSync(
    files.xml,
    buildXlsx({ workbook: WORKBOOK.replace('name="A"', 'name="A" name="B"'), sheets: [SHEET] }),
  );
  writeFileSync(files.pack, '{"id": "x",\n  "groups": [}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REASONS = {
  text: [
    'không phải tệp Excel (.xlsx) hợp lệ — nội dung là văn bản thuần, không phải tệp nén (có thể là tệp đổi đuôi thành .xlsx)',
    'not a valid Excel file (.xlsx) — the content is plain text, not a zip file (perhaps a file renamed to .xlsx)',
  ],
  cut: [
    'tệp nén bị cắt cụt hoặc hỏng — không tìm thấy thư mục zip (có thể tệp chưa tải/chép xong)',
    'the zip file is cut short or broken — no zip directory found (the download or copy may not have finished)',
  ],
  xml: [
    'phần "xl/workbook.xml" hỏng (XML không hợp lệ: thẻ <sheet> có thuộc tính không hợp lệ (name lặp lại))',
    'part "xl/workbook.xml" is broken (invalid XML: tag <sheet> has an invalid attribute (name repeated))',
  ],
  pack: [
    'JSON không hợp lệ ở dòng 2, cột 14: cần một giá trị (gặp ký tự “}”)',
    'invalid JSON at line 2, column 14: a value is expected (found the character “}”)',
  ],
} as const;

const vi = (k: keyof typeof REASONS): string => `Không đọc được tệp "${files[k]}": ${REASONS[k][0]}`;
const en = (k: keyof typeof REASONS): string => `Cannot read file "${files[k]}": ${REASONS[k][1]}`;

test.each(['text', 'cut', 'xml'] as const)(
  'check on an unreadable workbook (%s): one line in either language',
  async (k) => {
    const v = await tieuchi(['check', files[k]]);
    expect([v.status, v.stderr]).toEqual([2, `${vi(k)}\n`]);
    const e = await tieuchi(['check', files[k], '--lang', 'en']);
    expect([e.status, e.stderr]).toEqual([2, `${en(k)}\n`]);
    expect(e.stderr.replace(files[k], '')).not.toMatch(VIETNAMESE);
  },
);

test('a pack file that is not JSON: its line and column, in either language', async () => {
  const v = await tieuchi(['pack', 'validate', files.pack]);
  expect([v.status, v.stderr]).toEqual([2, `${vi('pack')}\n`]);
  const e = await tieuchi(['pack', 'validate', files.pack], { lang: 'en' });
  expect([e.status, e.stderr]).toEqual([2, `${en('pack')}\n`]);
  expect(e.stderr).not.toMatch(VIETNAMESE);
});

test('consolidate: each unreadable file on its line in the chosen language; --json carries both', async () => {
  const paths = [files.text, files.cut, files.xml];
  const e = await tieuchi(['consolidate', ...paths, '--lang', 'en']);
  expect(e.status).toBe(1);
  // long lines are wrapped to the terminal's width
  const flat = (s: string): string => s.replace(/\s+/g, ' ');
  for (const k of ['text', 'cut', 'xml'] as const) expect(flat(e.stdout)).toContain(en(k));
  const errorLines = flat(e.stdout).split('Cannot read file').slice(1);
  expect(errorLines).toHaveLength(3);
  for (const l of errorLines) expect(l.replace(dir, '')).not.toMatch(VIETNAMESE);
  expect(e.stdout).not.toContain('Không đọc được');
  const v = await tieuchi(['consolidate', ...paths]);
  for (const k of ['text', 'cut', 'xml'] as const) expect(flat(v.stdout)).toContain(vi(k));
  expect(v.stdout).not.toContain('Cannot read file');
  // the JSON does not depend on --lang: the Vietnamese line and the English one, for every file
  const json = await tieuchi(['consolidate', ...paths, '--json', '--lang', 'en']);
  const out = JSON.parse(json.stdout) as {
    errors: Array<{ file: string; message: string; messageEn: string }>;
  };
  expect(out.errors).toEqual(
    (['text', 'cut', 'xml'] as const).map((k) => ({ file: files[k], message: vi(k), messageEn: en(k) })),
  );
});
