/**
 * `readRegularFile(…, { listedRegular })`: the folder walk already typed the entry as a regular
 * file, so the lstat is skipped — the fstat on the non-blocking descriptor still refuses anything
 * that is not (a path swapped for a FIFO or a folder after the listing), without blocking; and the
 * size cap still holds.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegularFile } from '../../src/io/regularFile';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tieuchi-listed-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return 'read';
}

test('a regular file is read', async () => {
  const f = join(dir, 'a.xlsx');
  writeFileSync(f, 'abc');
  const r = await readRegularFile(f, 10, { listedRegular: true });
  expect(Buffer.from(r.bytes).toString()).toBe('abc');
});

test('a FIFO is refused by the fstat, without blocking', async () => {
  const f = join(dir, 'ong.xlsx');
  execFileSync('mkfifo', [f]);
  expect(await reason(readRegularFile(f, 10, { listedRegular: true }))).toBe(
    `Không đọc được tệp "${f}": đây là một đường ống (FIFO), không phải tệp`,
  );
});

test('a folder is refused', async () => {
  const f = join(dir, 'thu-muc.xlsx');
  mkdirSync(f);
  expect(await reason(readRegularFile(f, 10, { listedRegular: true }))).toMatch(/thư mục/);
});

test('the size cap holds', async () => {
  const f = join(dir, 'lon.xlsx');
  writeFileSync(f, 'x'.repeat(100));
  expect(await reason(readRegularFile(f, 10, { listedRegular: true }))).toMatch(/tệp quá lớn \(100 byte/);
});

test.each([false, true])(
  'blocking reads (listed %s): a FIFO is refused, a file read, the cap holds',
  async (listed) => {
    const fifo = join(dir, `ong-${listed}.xlsx`);
    execFileSync('mkfifo', [fifo]);
    const opts = { listedRegular: listed, blocking: true };
    expect(await reason(readRegularFile(fifo, 10, opts))).toMatch(/đường ống \(FIFO\)/);
    const f = join(dir, `b-${listed}.xlsx`);
    writeFileSync(f, 'x'.repeat(100));
    expect(Buffer.from((await readRegularFile(f, 100, opts)).bytes).toString()).toBe('x'.repeat(100));
    expect(await reason(readRegularFile(f, 10, opts))).toMatch(/tệp quá lớn \(100 byte/);
    expect(await reason(readRegularFile('/dev/zero', 10, opts))).toMatch(/thiết bị/);
  },
);
