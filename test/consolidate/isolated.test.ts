/**
 * The add-in's isolated reading of picked files (src/consolidate/isolated.ts): protocol and hard
 * time limit, with a fake worker (./fakeWorker.ts) that answers through the real worker-side code
 * (`answerReadRequest` on real workbook bytes) or misbehaves on purpose (hangs, crashes, never
 * loads). Timers are manual, so the time limit is reached deterministically.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IsolatedReader, type ReadJob } from '../../src/consolidate/isolated';
import { consolidatePicked, type PickedFile } from '../../src/consolidate/picked';
import { excelDate } from '../../src/engine/dates';
import { DEFAULT_LIMITS, resolveLimits } from '../../src/io/limits';
import { ReaderStartError } from '../../src/io/errors';
import { describeError } from '../../src/taskpane/model';
import { builtinPacks, getBuiltinPack } from '../../src/pack/registry';
import type { Pack } from '../../src/pack/schema';
import { consolidateFiles } from '../../src/taskpane/upward';
import { ManualTimers } from '../helpers/manualTimers';
import { FakeWorker, flush, flushUntil, type FakeWorkerMode } from './fakeWorker';
import { writeTwoUnits } from './fixtures';
import { at } from '../helpers/at';

const packs = builtinPacks();
const today = excelDate(2025, 12, 31);

function setup(mode: FakeWorkerMode = 'normal') {
  const timers = new ManualTimers();
  const workers: FakeWorker[] = [];
  const reader = new IsolatedReader({
    create: () => {
      const w = new FakeWorker(mode);
      workers.push(w);
      return w;
    },
    startMillis: 10_000,
    timers,
  });
  return { timers, workers, reader };
}

const limits = resolveLimits({ maxMillis: 500 });
const job = (name: string, bytes: Uint8Array): ReadJob => ({
  name,
  lastModified: 0,
  bytes,
  today,
  fieldIds: [],
  limits,
});

let dir = '';
let good: Uint8Array;
let other: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tieuchi-isolated-'));
  const xa = getBuiltinPack('xa') as Pack;
  ({ a: good, b: other } = await writeTwoUnits(dir, xa));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('IsolatedReader', () => {
  it('reads good files in one worker, transferring the bytes, and returns the unit records', async () => {
    const { reader, workers, timers } = setup();
    const bytes = good.slice();
    const a = await reader.read(job('a.xlsx', bytes));
    expect(a).toMatchObject({ ok: true, record: { file: 'a.xlsx', unit: 'Xã An Phú', stamp: 'fresh' } });
    const b = await reader.read(job('b.xlsx', other.slice()));
    expect(b).toMatchObject({ ok: true, record: { unit: 'Xã Bình Minh' } });
    if (b.ok) expect(b.record.failing).toContain('TC16');
    expect(workers).toHaveLength(1);
    // the file's own buffer was handed over, not a copy
    expect(at(workers, 0).transferred[0]).toBe(bytes.buffer);
    // the request carries the limits; the worker's own deadline is only a backstop behind ours
    expect(at(at(workers, 0).received, 0).limits.maxMillis).toBe(1000);
    expect(timers.pending.size).toBe(0);
    reader.dispose();
    expect(at(workers, 0).terminated).toBe(true);
  });

  it('a worker answering with an error lists the file with the reader’s reason and stays in use', async () => {
    const { reader, workers } = setup();
    const r = await reader.read(job('rac.xlsx', new TextEncoder().encode('không phải Excel')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Không đọc được tệp "rac\.xlsx": .+/);
    expect(at(workers, 0).terminated).toBe(false);
    expect(await reader.read(job('a.xlsx', good.slice()))).toMatchObject({ ok: true });
    expect(workers).toHaveLength(1);
  });

  it('terminates a worker that overruns the time limit and reads the next file in a fresh one', async () => {
    const { reader, workers, timers } = setup();
    const pending = reader.read(job('treo.xlsx', good.slice()));
    await flush();
    await flush();
    expect(timers.fire()).toEqual([500]); // the per-file limit, nothing else
    const r = await pending;
    expect(r).toEqual({
      ok: false,
      message: 'Không đọc được tệp "treo.xlsx": quá thời gian đọc (tối đa 0,5 giây); đã dừng đọc tệp này',
      messageEn:
        'Cannot read file "treo.xlsx": reading took too long (at most 0.5 seconds); reading this file was stopped',
    });
    expect(at(workers, 0).terminated).toBe(true);
    expect(await reader.read(job('a.xlsx', good.slice()))).toMatchObject({ ok: true });
    expect(workers).toHaveLength(2);
    expect(at(workers, 1).terminated).toBe(false);
  });

  it('a worker that crashes is terminated, the file listed, the next file read by a fresh worker', async () => {
    const { reader, workers } = setup();
    const r = await reader.read(job('no.xlsx', good.slice()));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toBe(
        'Không đọc được tệp "no.xlsx": bộ đọc tệp gặp sự cố và đã dừng (Uncaught RangeError: Array buffer allocation failed)',
      );
    expect(at(workers, 0).terminated).toBe(true);
    expect(await reader.read(job('a.xlsx', good.slice()))).toMatchObject({ ok: true });
    expect(workers).toHaveLength(2);
  });

  it('rejects when the worker bundle cannot be loaded or never becomes ready', async () => {
    const broken = setup('broken-load');
    await expect(broken.reader.read(job('a.xlsx', good.slice()))).rejects.toThrow(
      'Không khởi động được bộ đọc tệp (Failed to load worker script).',
    );
    expect(at(broken.workers, 0).terminated).toBe(true);

    const silent = setup('never-ready');
    const pending = silent.reader.read(job('a.xlsx', good.slice()));
    await flush();
    expect(silent.timers.fire()).toEqual([10_000]);
    await expect(pending).rejects.toThrow('Không khởi động được bộ đọc tệp (quá 10 giây).');
    expect(at(silent.workers, 0).terminated).toBe(true);
  });

  it("says why it cannot start in the pane's language (ReaderStartError)", async () => {
    const silent = setup('never-ready');
    const pending = silent.reader.read(job('a.xlsx', good.slice()));
    await flush();
    silent.timers.fire();
    const e: unknown = await pending.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ReaderStartError);
    if (e instanceof ReaderStartError) {
      expect(e.line('en')).toBe('The file reader cannot start (more than 10 s).');
      expect(e.line('vi')).toBe(e.message);
    }
    expect(describeError(e, 'en')).toEqual({ text: 'The file reader cannot start (more than 10 s).' });
  });
});

describe('consolidatePicked with the isolated reader', () => {
  const picked = (name: string, bytes: Uint8Array): PickedFile => ({
    name,
    size: bytes.length,
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
  });

  it('a hanging file and a crashing file are listed; the good files are consolidated', async () => {
    const { reader, workers, timers } = setup();
    const progress: string[] = [];
    const run = consolidatePicked(
      [picked('a.xlsx', good), picked('treo.xlsx', good), picked('no.xlsx', good), picked('b.xlsx', other)],
      {
        packs,
        today,
        limits: { maxMillis: 500 },
        reader: (j) => reader.read(j),
        onProgress: (i, n, name) => {
          progress.push(`${i}/${n} ${name}`);
        },
      },
    );
    // fire the time limit once the hanging file is being read
    await flushUntil(() => progress.includes('2/4 treo.xlsx') && timers.pending.size > 0);
    expect(timers.fire()).toEqual([500]);
    const result = await run;
    expect(progress).toEqual(['1/4 a.xlsx', '2/4 treo.xlsx', '3/4 no.xlsx', '4/4 b.xlsx']);
    expect(result.units.map((u) => u.unit)).toEqual(['Xã An Phú', 'Xã Bình Minh']);
    expect(result.errors.map((e) => e.file)).toEqual(['treo.xlsx', 'no.xlsx']);
    expect(at(result.errors, 0).message).toContain('quá thời gian đọc');
    expect(workers.map((w) => w.terminated)).toEqual([true, true, false]);
  });

  it('stops the batch when no worker can be started', async () => {
    const { reader } = setup('broken-load');
    await expect(
      consolidatePicked([picked('a.xlsx', good)], { packs, today, reader: (j) => reader.read(j) }),
    ).rejects.toThrow('Không khởi động được bộ đọc tệp');
  });

  it('without a reader, files are read on this thread (the fallback where Worker is unavailable)', async () => {
    const result = await consolidatePicked([picked('a.xlsx', good), picked('rac.xlsx', new Uint8Array(3))], {
      packs,
      today,
    });
    expect(result.units.map((u) => u.unit)).toEqual(['Xã An Phú']);
    expect(result.errors.map((e) => e.file)).toEqual(['rac.xlsx']);
  });
});

describe('the pane’s Tổng hợp (src/taskpane/upward.ts) with an injected worker factory and timers', () => {
  const picked = (name: string, bytes: Uint8Array): PickedFile => ({
    name,
    size: bytes.length,
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
  });

  it('a file whose reader never answers is stopped at the default limit and listed; the good files make the result', async () => {
    const timers = new ManualTimers();
    const workers: FakeWorker[] = [];
    const progress: string[] = [];
    const run = consolidateFiles(
      [picked('a.xlsx', good), picked('treo.xlsx', good), picked('b.xlsx', other)],
      today,
      (i, n, name) => {
        progress.push(`${i}/${n} ${name}`);
        return Promise.resolve();
      },
      {
        createWorker: () => {
          const w = new FakeWorker();
          workers.push(w);
          return w;
        },
        timers,
      },
    );
    // the good file before it never needs the clock: no timer is ever fired for it
    await flushUntil(() => progress.includes('2/3 treo.xlsx') && timers.pending.size > 0);
    expect(timers.fire()).toEqual([DEFAULT_LIMITS.maxMillis]);
    const result = await run;
    expect(progress).toEqual(['1/3 a.xlsx', '2/3 treo.xlsx', '3/3 b.xlsx']);
    expect(result.units.map((u) => u.unit)).toEqual(['Xã An Phú', 'Xã Bình Minh']);
    expect(result.errors).toEqual([
      {
        file: 'treo.xlsx',
        message: 'Không đọc được tệp "treo.xlsx": quá thời gian đọc (tối đa 5 giây); đã dừng đọc tệp này',
        messageEn:
          'Cannot read file "treo.xlsx": reading took too long (at most 5 seconds); reading this file was stopped',
      },
    ]);
    // the stuck worker was stopped, the last file read by a fresh one, which the batch stops at its end
    expect(workers.map((w) => w.received.map((r) => r.name))).toEqual([['a.xlsx', 'treo.xlsx'], ['b.xlsx']]);
    expect(workers.map((w) => w.terminated)).toEqual([true, true]);
    expect(timers.pending.size).toBe(0);
  });
});
