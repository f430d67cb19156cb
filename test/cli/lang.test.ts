/**
 * `--lang en` says in English what the CLI itself says: usage errors of every command, the reasons
 * why a file cannot be read that are raised in several places, the consolidation table's cells.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { InputError, noIndicatorCells, toInputError } from '../../src/io/errors';
import { messages } from '../../src/i18n/cli';
import { tieuchi } from './run';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tieuchi-lang-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A workbook that names its pack but no indicator of it. */
async function notACriteriaWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiêu chí');
  ws.getCell('C1').value = 'xa';
  wb.definedNames.add(`'Tiêu chí'!$C$1`, 'goi_tieu_chi');
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

test('the workbook without indicator names: one message, in either language', async () => {
  const file = join(dir, 'khac.xlsx');
  await notACriteriaWorkbook(file);
  const vi = await tieuchi(['check', file]);
  expect(vi.status).toBe(2);
  expect(vi.stderr).toBe(
    `Không đọc được tệp "${file}": bảng tính không có ô nào mang tên chỉ số của bộ tiêu chí "xa"\n`,
  );
  const en = await tieuchi(['check', file, '--lang', 'en']);
  expect(en.status).toBe(2);
  expect(en.stderr).toBe(
    `Cannot read file "${file}": the workbook has no cell named after an indicator of criteria pack "xa"\n`,
  );
});

test('a missing file and a usage error of consolidate, in English', async () => {
  const missing = join(dir, 'khong-co.xlsx');
  const r = await tieuchi(['check', missing, '--lang', 'en']);
  expect(r.stderr).toBe(`Cannot read file "${missing}": file not found\n`);
  const year = await tieuchi(['consolidate', dir, '--year', '26', '--lang', 'en']);
  expect(year.status).toBe(2);
  expect(year.stderr).toContain('--year needs a 4-digit year (got “26”)');
  const jobs = await tieuchi(['consolidate', dir, '--jobs', '0', '--lang', 'en']);
  expect(jobs.stderr).toContain('--jobs needs a whole number from 1 to 64 (got "0")');
});

test('an InputError keeps its reason as a key: Vietnamese message, English line', () => {
  const e = noIndicatorCells('a.xlsx', 'coquan');
  expect(e).toBeInstanceOf(InputError);
  expect(e.message).toBe(
    'Không đọc được tệp "a.xlsx": bảng tính không có ô nào mang tên chỉ số của bộ tiêu chí "coquan"',
  );
  expect(e.line('en')).toBe(
    'Cannot read file "a.xlsx": the workbook has no cell named after an indicator of criteria pack "coquan"',
  );
  // every reason is a key: the whole line follows the language
  expect(new InputError('b.csv', 'file.empty').line('en')).toBe(
    'Cannot read file "b.csv": the file is empty (0 bytes)',
  );
  const fs = toInputError(Object.assign(new Error('x'), { code: 'EACCES' }), 'c.xlsx');
  expect([fs.message, fs.line('en')]).toEqual([
    'Không đọc được tệp "c.xlsx": không có quyền đọc tệp',
    'Cannot read file "c.xlsx": no permission to read the file',
  ]);
});

test('the consolidation table cells follow the language', () => {
  expect([
    messages('vi').consolidate.counted('edited'),
    messages('en').consolidate.counted('edited'),
  ]).toEqual(['không: đã sửa', 'no: edited']);
  expect([messages('vi').consolidate.verdict('pass'), messages('en').consolidate.verdict('pass')]).toEqual([
    'Đạt',
    'Met',
  ]);
});
