/**
 * Which files a consolidation reads from folders (`expandPaths`): an unreadable subfolder is listed
 * and the rest is read; other spreadsheet formats, symlinks and non-regular files are listed with
 * a reason or read — never skipped without a word.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandPaths } from '../../src/consolidate';

/** readdir of this folder fails as if permission were denied (the tests run as root). */
let mockLocked: string | undefined;
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  return {
    ...actual,
    readdir: (p: string, o?: unknown) =>
      mockLocked !== undefined && String(p) === mockLocked
        ? Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))
        : (actual.readdir as (p: string, o?: unknown) => Promise<unknown>)(p, o),
  };
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'expand-'));
  mkdirSync(join(dir, 'a', 'khoa'), { recursive: true });
  mkdirSync(join(dir, 'b'));
  for (const f of [
    'a/1.xlsx',
    'a/khoa/2.xlsx',
    'b/3.xlsm',
    'b/4.XLSX',
    'b/cu.xls',
    'b/lo.ods',
    'b/bang.csv',
    'b/note.pdf',
    'b/~$1.xlsx',
  ]) {
    writeFileSync(join(dir, f), 'x');
  }
  symlinkSync(join(dir, 'a', '1.xlsx'), join(dir, 'b', 'lien-ket.xlsx'));
  symlinkSync(join(dir, 'khong-co.xlsx'), join(dir, 'b', 'gay.xlsx'));
  symlinkSync(join(dir, 'a'), join(dir, 'b', 'thu-muc'));
  execFileSync('mkfifo', [join(dir, 'b', 'ong.xlsx')]);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const base = (p: string): string => p.slice(dir.length + 1);

test('every spreadsheet-like entry is read or listed with its reason', async () => {
  const { files, errors } = await expandPaths([dir]);
  expect(files.map(base)).toEqual(['a/1.xlsx', 'a/khoa/2.xlsx', 'b/3.xlsm', 'b/4.XLSX', 'b/lien-ket.xlsx']);
  const why = Object.fromEntries(errors.map((e) => [base(e.file), e.message]));
  expect(Object.keys(why).sort()).toEqual([
    'b/bang.csv',
    'b/cu.xls',
    'b/gay.xlsx',
    'b/lo.ods',
    'b/ong.xlsx',
    'b/thu-muc',
  ]);
  expect(why['b/gay.xlsx']).toMatch(/không tìm thấy tệp/);
  expect(why['b/ong.xlsx']).toMatch(/không phải tệp thông thường/);
  expect(why['b/thu-muc']).toMatch(/liên kết tượng trưng tới một thư mục/);
  for (const e of errors) expect(e.message).toContain(e.file);
});

test('an unreadable subfolder is listed by name; everything else is still read', async () => {
  const locked = join(dir, 'a', 'khoa');
  mockLocked = locked;
  const { files, errors } = await expandPaths([dir]);
  expect(files.map(base)).toEqual(['a/1.xlsx', 'b/3.xlsm', 'b/4.XLSX', 'b/lien-ket.xlsx']);
  const e = errors.find((x) => x.file === locked);
  expect(e?.message).toBe(
    `Không đọc được tệp "${locked}": không có quyền đọc thư mục này (các tệp khác vẫn được đọc)`,
  );
  mockLocked = undefined;
});
