/** The roster of units (`--roster`): CSV (UTF-8, BOM or not, header allowed) and .xlsx, under the limits. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readRosterFile } from '../../src/io/files';
import { decodeCsv, parseCsv, rosterFromRows } from '../../src/io/roster';
import { writeZipBomb } from '../consolidate/fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tieuchi-roster-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('CSV: quotes, semicolons, CRLF; a header row is skipped; type optional', () => {
  expect(parseCsv('a;"b ""c"";d"\r\ne;f\n')).toEqual([
    ['a', 'b "c";d'],
    ['e', 'f'],
  ]);
  const rows = parseCsv('Tên đơn vị,Loại đơn vị\nXã An Phú,Xã\n\n"Trường THPT Bắc Quang, Hà Giang",\n');
  expect(rosterFromRows(rows, 'r.csv')).toEqual([
    { unit: 'Xã An Phú', unitType: 'Xã' },
    { unit: 'Trường THPT Bắc Quang, Hà Giang', unitType: '' },
  ]);
});

test('ambiguity and wrong encodings are refused with the file and the reason', () => {
  expect(() => rosterFromRows([['Xã A'], ['xã  a']], 'r.csv')).toThrow(
    /“xã a” có hai lần trong danh sách \(dòng 1 và 2\)/,
  );
  expect(() => rosterFromRows([['Tên đơn vị']], 'r.csv')).toThrow(/không có dòng nào/);
  expect(() => decodeCsv(new Uint8Array([0xff, 0xfe, 0x41, 0]), 'r.csv')).toThrow(/UTF-16/);
  expect(() => decodeCsv(new Uint8Array([0x41, 0xc3, 0x28]), 'r.csv')).toThrow(/không phải văn bản UTF-8/);
  expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'r.csv')).toBe('A');
});

test('an .xlsx roster: the first sheet, columns A and B', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['Đơn vị', 'Loại']);
  ws.addRow(['Xã An Phú', 'Xã']);
  ws.addRow(['Phường 1', 'Phường', 'ghi chú bỏ qua']);
  wb.addWorksheet('Khác').addRow(['không đọc']);
  const file = join(dir, 'ds.xlsx');
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  expect(await readRosterFile(file)).toEqual([
    { unit: 'Xã An Phú', unitType: 'Xã' },
    { unit: 'Phường 1', unitType: 'Phường' },
  ]);
});

test('other formats, missing files and oversized files are refused', async () => {
  await expect(readRosterFile(join(dir, 'ds.ods'))).rejects.toThrow(/\.csv \(UTF-8\) hoặc \.xlsx/);
  await expect(readRosterFile(join(dir, 'khong-co.csv'))).rejects.toThrow(/khong-co\.csv/);
  const big = join(dir, 'big.csv');
  writeFileSync(big, 'Xã A\n'.repeat(1000));
  await expect(readRosterFile(big, { maxFileBytes: 100 })).rejects.toThrow(/tệp quá lớn/);
  const bomb = join(dir, 'bomb.xlsx');
  writeZipBomb(bomb);
  await expect(readRosterFile(bomb)).rejects.toThrow(/bomb\.xlsx.*bom nén/);
  const junk = join(dir, 'junk.xlsx');
  writeFileSync(junk, 'not a zip');
  await expect(readRosterFile(junk)).rejects.toThrow(/junk\.xlsx/);
});
