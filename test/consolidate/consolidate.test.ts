import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { consolidate } from '../../src/consolidate';
import { evaluate } from '../../src/engine/evaluate';
import { excelDate } from '../../src/engine/dates';
import type { Values } from '../../src/engine/values';
import { builtinPacks, getBuiltinPack } from '../../src/pack/registry';
import type { Pack } from '../../src/pack/schema';
import type { ConsolidationResult } from '../../src/sheet/summary';
import { expiredTimers, neverExpiring } from '../helpers/manualTimers';
import { DEFAULT_POOL, ReaderPool } from '../../src/consolidate/pool';
import type { Timers } from '../../src/consolidate/timers';
import { fullPassValues } from '../helpers/samples';
import { writeUnitWorkbook, writeZipBomb } from './fixtures';
import { runCheckFile } from '../../src/cli/check';
import { writeCheckedWorkbook } from '../../src/cli/checked';
import { defaultPlan, getBuiltinPlan } from '../../src/plan/registry';
import { makeCtx } from '../../src/cli/main';
import { readWorkbookFile } from '../../src/io/files';
import { at, entry } from '../helpers/at';

const xa = getBuiltinPack('xa') as Pack;
const coquan = getBuiltinPack('coquan') as Pack;
const YEAR = 2025;
const TODAY = excelDate(2026, 1, 10);

let dir: string;
let result: ConsolidationResult;
const progress: Array<[number, number]> = [];
/** file → [pack, values as finally in the file] */
const truth = new Map<string, [Pack, Values]>();

function unit(pack: Pack, name: string, type: string, extra: Values = {}): Values {
  return { ...fullPassValues(pack, { year: YEAR }), ten_don_vi: name, loai_don_vi: type, ...extra };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tieuchi-consolidate-'));
  for (const d of ['a', 'b', 'broken']) mkdirSync(join(dir, d));
  const add = async (
    rel: string,
    pack: Pack,
    values: Values,
    opts: Parameters<typeof writeUnitWorkbook>[3] = {},
  ) => {
    const file = join(dir, rel);
    await writeUnitWorkbook(file, pack, values, opts);
    truth.set(file, [pack, { ...values, ...(opts.editAfterStamp ?? {}) }]);
  };
  await add('a/xa_pass.xlsx', xa, unit(xa, 'Xã An Phú', 'Xã'), { stampAt: new Date(Date.UTC(2025, 11, 1)) });
  // the same unit again, older stamp, spelled differently: flagged, dropped
  await add('a/xa_dup_old.xlsx', xa, unit(xa, '  xã   AN PHÚ ', 'xã', { tc16_tu_diem: 2 }), {
    stampAt: new Date(Date.UTC(2025, 10, 1)),
  });
  await add('b/xa_fail.xlsx', xa, unit(xa, 'Xã Bình Minh', 'Xã', { tc16_tu_diem: 1 }), { stamp: false });
  await add('b/xa_edited.xlsx', xa, unit(xa, 'Phường Cầu Giấy', 'Phường'), {
    editAfterStamp: { tc17_vu_viec: 2 },
  });
  await add(
    'b/xa_yeu.xlsx',
    xa,
    unit(xa, 'Xã Yên Bình', 'Xã', { tc15_phan_loai: 'Yếu', an_toan_nam_truoc: 'Không', tc13_mo_hinh: 0 }),
  );
  await add('coquan_other.xlsx', coquan, unit(coquan, 'Trường THPT Bắc Quang', 'Cơ sở giáo dục'), {
    stampOverride: { dg_goi: 'coquan 0.9.0' },
  });
  writeFileSync(join(dir, 'broken', 'random.xlsx'), randomBytes(4096));
  const good = readFileSync(join(dir, 'a', 'xa_pass.xlsx'));
  writeFileSync(join(dir, 'broken', 'truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  writeZipBomb(join(dir, 'broken', 'bomb.xlsx'));
  writeFileSync(join(dir, 'notes.txt'), 'không phải bảng tính');
  result = await consolidate([dir, join(dir, 'missing.xlsx')], {
    today: TODAY,
    onProgress: (d, t) => progress.push([d, t]),
    // the per-file limit (15 s, from before the worker has loaded) is not what these tests are
    // about: it never expires here, whatever the load of the machine
    pool: { timers: neverExpiring },
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('one row per unit, by unit type then name, with the stamp state of each file', () => {
  const rows = result.units.map((u) => [u.file.slice(dir.length + 1), u.unit, u.stamp]);
  expect(rows).toEqual([
    ['coquan_other.xlsx', 'Trường THPT Bắc Quang', 'other_version'],
    ['b/xa_edited.xlsx', 'Phường Cầu Giấy', 'edited'],
    ['a/xa_pass.xlsx', 'Xã An Phú', 'fresh'],
    ['b/xa_fail.xlsx', 'Xã Bình Minh', 'none'],
    ['b/xa_yeu.xlsx', 'Xã Yên Bình', 'fresh'],
  ]);
  const coq = at(result.units, 0);
  expect(coq.pack).toEqual({ id: 'coquan', version: coquan.version });
  expect(coq.unitType).toBe('Cơ sở giáo dục');
  expect(at(result.units, 3).failing).toEqual(['TC16']);
  expect(at(result.units, 3).verdict.code).toBe('fail');
  expect(at(result.units, 1).failing).toEqual(['TC17']);
});

test('the same unit twice is flagged and the newest stamp kept', () => {
  expect(result.duplicates).toEqual([
    {
      unit: 'Xã An Phú',
      unitType: 'Xã',
      year: YEAR,
      kept: join(dir, 'a', 'xa_pass.xlsx'),
      dropped: [join(dir, 'a', 'xa_dup_old.xlsx')],
    },
  ]);
});

test('unreadable files are listed with a reason and the batch goes on', () => {
  const errs = result.errors.map((e) => [e.file.slice(dir.length + 1), e.message]);
  expect(errs.map((e) => e[0]).sort()).toEqual([
    'broken/bomb.xlsx',
    'broken/random.xlsx',
    'broken/truncated.xlsx',
    'missing.xlsx',
  ]);
  for (const [file, message] of errs) {
    expect(message).toContain(file);
    expect(message).toMatch(/^Không đọc được tệp ".*": \S/);
    expect(message).not.toMatch(/\n|at .*\.ts:/);
  }
  expect(errs.find((e) => e[0] === 'missing.xlsx')?.[1]).toContain('không tìm thấy tệp');
});

test('targets of the batch’s plan (the default plan sets none: no table)', () => {
  expect(result.plan).toEqual({ id: 'mac-dinh', version: defaultPlan().version, targetsSource: null });
  expect(result.targets).toEqual([]);
});

test('aggregate targets from the Bắc Quang plan, over the fresh stamps only', async () => {
  const r = await consolidate([dir], {
    today: TODAY,
    plan: getBuiltinPlan('bac-quang-2024'),
    pool: { timers: neverExpiring },
  });
  const byId = Object.fromEntries(r.targets.map((t) => [t.id, t]));
  // counted: An Phú (passes everything) and Yên Bình (not recognised / Yếu / no model); the edited,
  // unstamped and other-version workbooks are left out, and said so
  expect(byId.an_toan_antt).toMatchObject({ value: 0.5, target: 0.95, met: false, over: 2 });
  expect(byId.xuat_sac).toMatchObject({ value: 0.5, target: 0.3, met: true });
  expect(byId.khong_yeu).toMatchObject({ value: 1, target: 0, met: false });
  expect(byId.mo_hinh).toMatchObject({ value: 0.5, target: 1, met: false });
  expect(byId.dien_hinh).toMatchObject({ value: 0.5, target: 0.2, met: true });
  expect(entry(byId, 'dien_hinh').excluded).toEqual({
    count: 3,
    reasons: [
      { code: 'edited', label: 'đã sửa sau lần đánh giá', count: 1 },
      { code: 'unstamped', label: 'chưa đánh giá (không có dấu đánh giá)', count: 1 },
      { code: 'other_version', label: 'đánh giá bằng phiên bản bộ tiêu chí khác', count: 1 },
    ],
  });
});

test('every row agrees with the engine on the values in its file', () => {
  for (const u of result.units) {
    const [pack, values] = truth.get(u.file) as [Pack, Values];
    const ev = evaluate(pack, values, { today: TODAY });
    expect({
      file: u.file,
      verdict: u.verdict,
      passed: u.passed,
      applicable: u.applicable,
      failing: u.failing,
    }).toEqual({
      file: u.file,
      verdict: ev.verdict,
      passed: ev.passed,
      applicable: ev.applicable,
      failing: ev.failing,
    });
  }
});

test('progress is reported once per file', () => {
  expect(progress.length).toBe(9); // nine files found; the missing argument never reaches the readers
  expect(progress[progress.length - 1]).toEqual([9, 9]);
});

test('a file over the time limit costs only its worker, which is replaced', async () => {
  const files = [...truth.keys()].slice(0, 2);
  // timers whose limit has always expired: each file's limit fires before its worker can answer
  const r = await consolidate(files, {
    today: TODAY,
    pool: { size: 1, fileTimeoutMs: 1, timers: expiredTimers },
  });
  expect(r.units).toEqual([]);
  expect(r.errors.map((e) => e.message)).toEqual(
    files.map((f) => `Không đọc được tệp "${f}": đọc tệp quá thời gian cho phép (0,001 giây)`),
  );
});

test('files queued behind a file over the time limit are read by the replacement worker', async () => {
  const files = [...truth.keys()].slice(0, 3);
  // only the first time limit started (the first file's) has expired; the others never expire
  let started = 0;
  const firstExpires: Timers = {
    start: (fn) => (started++ === 0 ? expiredTimers.start(fn, 0) : neverExpiring.start(fn, 0)),
  };
  const pool = new ReaderPool(
    { packs: builtinPacks(), today: TODAY, fieldIds: [] },
    { ...DEFAULT_POOL, size: 1, depth: 3, timers: firstExpires },
  );
  try {
    const outcomes = await Promise.all(files.map((f) => pool.read(f)));
    expect(outcomes.map((o) => (o.ok ? o.record.file : o.message))).toEqual([
      `Không đọc được tệp "${files[0]}": đọc tệp quá thời gian cho phép (15 giây)`,
      files[1],
      files[2],
    ]);
    expect(pool.started).toBe(2);
  } finally {
    await pool.close();
  }
});

test('a worker that runs out of memory is reported as the file’s reason', async () => {
  const files = [...truth.keys()].slice(0, 1);
  const r = await consolidate(files, {
    today: TODAY,
    pool: { size: 1, resourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 } },
  });
  expect(r.units).toEqual([]);
  expect(r.errors).toHaveLength(1);
  expect(at(r.errors, 0).message).toMatch(/^Không đọc được tệp ".*xa_pass\.xlsx": /);
});

describe('agreement with `tieuchi check` and its stamped output', () => {
  test('every unit row matches what `check` says about the same file', async () => {
    const ctx = makeCtx('vi');
    for (const u of result.units) {
      const run = await runCheckFile(u.file, ctx, {});
      expect([u.file, u.verdict, u.passed, u.applicable, u.failing]).toEqual([
        u.file,
        run.evaluation.verdict,
        run.evaluation.passed,
        run.evaluation.applicable,
        run.evaluation.failing,
      ]);
    }
  });

  test('a workbook written by `check --out` is read back as fresh, with the dossier sheets', async () => {
    const values = unit(xa, 'Xã Tân Lập', 'Xã', { tc16_tu_diem: 3 });
    const ev = evaluate(xa, values, { today: TODAY });
    const file = join(dir, 'checked-out.xlsx');
    await writeCheckedWorkbook(xa, defaultPlan(), values, ev, file);
    const data = await readWorkbookFile(file);
    expect(data.sheetNames).toEqual(['Tiêu chí', 'Báo cáo kết quả', 'Biên bản họp xét', 'Tờ trình']);
    expect(data.names.get('dg_ty_le')).toBe(`${ev.passed}/${ev.applicable}`);
    expect(data.names.get('dg_goi')).toBe(`xa ${xa.version}`);
    const r = await consolidate([file], { today: TODAY, pool: { timers: neverExpiring } });
    expect(r.units.map((x) => [x.unit, x.stamp, x.failing])).toEqual([['Xã Tân Lập', 'fresh', ['TC16']]]);
  });
});
