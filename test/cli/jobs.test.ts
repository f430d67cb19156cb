/** `tieuchi consolidate --jobs N`: the number of reader threads, refused unless 1–64. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workerCount } from '../../src/consolidate/pool';
import { tieuchi } from './run';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tieuchi-jobs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each(['0', '65', 'hai', '1.5'])('--jobs %s is a usage error (exit 2, one line)', async (n) => {
  const r = await tieuchi(['consolidate', dir, '--jobs', n]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(`--jobs cần một số nguyên từ 1 đến 64 (nhận được "${n}")`);
});

test('--jobs 1 reads the folder', async () => {
  const r = await tieuchi(['consolidate', dir, '--jobs', '1', '--json']);
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ units: [], errors: [] });
});

test('the default is one worker per core, at most 8; --jobs wins', () => {
  expect(workerCount()).toBeGreaterThanOrEqual(1);
  expect(workerCount()).toBeLessThanOrEqual(8);
  expect(workerCount(12)).toBe(12);
});
