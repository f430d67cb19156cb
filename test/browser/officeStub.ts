/**
 * A simulated Office/Excel host for the browser test, bundled with esbuild and served in place of
 * the office.js CDN script. It defines the `Office` and `Excel` globals the add-in uses on top of
 * the in-memory fake workbook (test/fakes/fakeExcel.ts), and plays Excel's recalculation: after
 * every batch and every user edit the status cells (kq_tcN) get the labels the engine computes,
 * as the sheet's own formulas would. Test hooks live on `window.__tc`.
 * Query parameters of the page: `excelApi` (default 1.14), `lang` (default vi-VN), `host=none`.
 */
import { FakeExcel } from '../fakes/fakeExcel';
import { evaluate } from '../../src/engine/evaluate';
import { serialFromJsDate } from '../../src/engine/dates';
import { statusName } from '../../src/pack/schema';
import { getBuiltinPack } from '../../src/pack/registry';
import { inputIds } from '../../src/pack/inputs';
import type { XlContext, XlRunOptions, XlScalar } from '../../src/excel/officeTypes';
import { PACK_ID_NAME } from '../../src/pack/workbookNames';

const params = new URLSearchParams(location.search);
const fake = new FakeExcel({ excelApi: params.get('excelApi') ?? '1.14', sheets: ['Dữ liệu'] });
// the user's own data on another sheet: must never change
fake.cell('Dữ liệu', 'A1').value = 'Số liệu riêng của đơn vị';
fake.cell('Dữ liệu', 'B2').value = 42;
fake.userFill('Dữ liệu', 'B2', '#FFFF00');

/** Excel's recalculation of the status cells, simulated with the engine. */
function recalc(): void {
  for (const sheet of fake.sheets) {
    const packName = sheet.names.get(PACK_ID_NAME);
    if (!packName) continue;
    const pack = getBuiltinPack(String(fake.namedCell(PACK_ID_NAME, sheet.name).value));
    if (!pack) continue;
    const values: Record<string, string | number | boolean | null> = {};
    for (const id of inputIds(pack)) {
      if (!fake.resolveName(id, sheet.name)) continue;
      const v = fake.namedCell(id, sheet.name).value;
      values[id] = v === '' ? null : v;
    }
    const ev = evaluate(pack, values, { today: serialFromJsDate(new Date()) });
    for (const c of ev.criteria) {
      const n = statusName(c);
      if (fake.resolveName(n, sheet.name)) fake.namedCell(n, sheet.name).value = c.label;
    }
  }
}

type Batch<T> = (context: XlContext) => Promise<T>;

/** Excel.run(batch), Excel.run(options, batch) or Excel.run(context, batch). */
async function run<T>(a: XlContext | XlRunOptions | Batch<T>, b?: Batch<T>): Promise<T> {
  try {
    if (typeof a === 'function') return await fake.run(a);
    if (!b) throw new Error('Excel.run(context) needs a batch');
    if (!('workbook' in a)) return await fake.run(b, undefined, a);
    const result = await b(a);
    await a.sync();
    return result;
  } finally {
    recalc();
  }
}

const associated: Record<string, (event: { completed(): void }) => unknown> = {};
// `?host=none`: the page opened in a plain browser, outside Office (onReady reports no host)
const info =
  params.get('host') === 'none'
    ? { host: null, platform: null }
    : { host: 'Excel', platform: 'OfficeOnline' };

const g = globalThis as unknown as Record<string, unknown>;
g.Excel = { run };
/** The add-in's document settings (Office.Settings), kept in memory like an open workbook's. */
const settings = new Map<string, unknown>();

g.Office = {
  HostType: { Excel: 'Excel' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  PlatformType: { OfficeOnline: 'OfficeOnline' },
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: params.get('lang') ?? 'vi-VN',
    requirements: { isSetSupported: (name: string, version?: string) => fake.isSetSupported(name, version) },
    document: {
      settings: {
        get: (name: string): unknown => settings.get(name),
        set: (name: string, value: unknown): void => void settings.set(name, value),
        saveAsync: (callback?: (r: { status: string }) => void): void => callback?.({ status: 'succeeded' }),
      },
    },
  },
  actions: {
    associate(name: string, fn: (event: { completed(): void }) => unknown): void {
      associated[name] = fn;
    },
  },
};

/** Hooks the test calls through page.evaluate. */
g.__tc = {
  fake,
  /** what the add-in keeps in the document's settings */
  setting: (name: string): unknown => settings.get(name),
  sheetNames: (): string[] => fake.sheets.map((s) => s.name),
  /** the user types a value into the input cell of an indicator id */
  edit(id: string, value: XlScalar, sheetName = 'Tiêu chí'): void {
    fake.userEdit(sheetName, fake.namedAddress(id, sheetName), value);
    recalc();
  },
  /** every batch fails with this error code until called with undefined */
  failSyncs(code: string | undefined): void {
    fake.failSyncs = code;
  },
  /** a status cell whose formula was edited: its value no longer follows the rules */
  tamper(criterionNumber: number, label: string, sheetName = 'Tiêu chí'): void {
    fake.namedCell(`kq_tc${criterionNumber}`, sheetName).value = label;
  },
  value: (id: string, sheetName = 'Tiêu chí'): XlScalar => fake.namedCell(id, sheetName).value,
  address: (id: string, sheetName = 'Tiêu chí'): string => fake.namedAddress(id, sheetName),
  selection(): { sheet: string; address: string } | undefined {
    const s = fake.selection;
    return s ? { sheet: fake.sheetById(s.sheetId)?.name ?? '?', address: s.address } : undefined;
  },
  highlightRules: (sheetName = 'Tiêu chí'): number =>
    fake.sheet(sheetName).cfs.filter((cf) => /tieuchi:danh_dau/.test(cf.formula)).length,
  otherSheet: () => ({
    a1: fake.cell('Dữ liệu', 'A1').value,
    b2: fake.cell('Dữ liệu', 'B2').value,
    b2fill: fake.cell('Dữ liệu', 'B2').format.fill,
  }),
  handlers: (): number => fake.handlerCount(),
  /** Like Office: call the handler and wait for `event.completed()` (the return value is ignored). */
  async ribbon(name: string): Promise<boolean> {
    const handler = associated[name];
    // not associated yet (the ribbon page is still loading): the caller asks again
    if (!handler) return false;
    // no clock here: a handler that never completes the event hangs this call, and the test's
    // own timeout (hang detection) fails it
    await new Promise<void>((resolve) => void handler({ completed: () => resolve() }));
    return true;
  },
};
