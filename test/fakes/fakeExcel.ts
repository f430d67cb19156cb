/**
 * A fake Office.js Excel host that obeys the load/sync rules: every object is a proxy; scalar
 * properties throw `PropertyNotLoaded` unless `load()`ed and `context.sync()`ed; writes and loads
 * are queued in order and applied on `sync()`; `isNullObject` is readable only after a sync; a
 * `getItem` of something missing fails the sync with `ItemNotFound`; writes to locked cells of a
 * protected sheet fail with `AccessDenied`; APIs above the configured ExcelApi version fail with
 * `ApiNotFound`. It counts `context.sync()` calls.
 *
 * Strict like real Excel (docs/real-excel.md cites the sources for each):
 * - every member loaded or called is checked against its requirement set, from the table generated
 *   from @types/office-js (src/excel/apiSets.generated.ts);
 * - `web: true`: a request over 5 MB fails (`RequestPayloadSizeLimitExceeded`), a response too
 *   (`ResponsePayloadSizeLimitExceeded`, Excel.ErrorCodes);
 * - `enterCellEdit()`: batches fail with `InvalidOperationInCellEditMode` unless run with
 *   `delayForCellEdit`, which waits for `exitCellEdit()`;
 * - `date1904: true`: cells hold 1904-system serials, `functions.date` answers in that system;
 * - protection has options and a password (`protectSheet`); `unprotect` with a wrong password fails;
 * - `undoLog` lists the calls that cleared the user's undo stack (all writes without undo support);
 * - a formula binds each defined name it uses when it is written (`FakeCell.bindings`);
 * - conditional-format items are addressed by position unless their `id` was loaded;
 * - the user's format changes fire onChanged; list picks on the web fire nothing (`userPick`).
 *
 * The document is a plain in-memory grid. Nothing is evaluated: formulas stay strings, and a
 * formula cell's value is its cached result (tests set it with `setCachedResult`).
 * It implements exactly the subset in src/excel/officeTypes.ts. No Node built-ins: the browser
 * test bundles it to simulate Excel in Chromium.
 */
import {
  absoluteAddress,
  cellAddress,
  colToLetters,
  lettersToCol,
  parseArea,
  parseReference,
  quoteSheet,
  type Rect,
} from '../../src/sheet/address';
import type {
  XlBorder,
  XlCellWrite,
  XlChangedArgs,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlContext,
  XlCustomConditionalFormat,
  XlDataValidation,
  XlDataValidationRule,
  XlEventHandlerResult,
  XlFreezePanes,
  XlFunctionResult,
  XlFunctions,
  XlNamedItem,
  XlNamedItemCollection,
  XlAutoFilter,
  XlChart,
  XlChartCollection,
  XlPageLayout,
  XlProtectionOptions,
  XlRange,
  XlRangeFormat,
  XlRunOptions,
  XlScalar,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
  XlWorksheetProtection,
} from '../../src/excel/officeTypes';
import { API_SETS } from '../../src/excel/apiSets.generated';
import { excelDate } from '../../src/engine/dates';
import { at } from '../helpers/at';

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'FakeExcelError';
  }
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

// ---------------------------------------------------------------------------------------------
// The document

export interface FakeCellFormat {
  /** "#RRGGBB", undefined = no fill */
  fill?: string;
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
  fontName: string;
  hAlign: string;
  vAlign: string;
  wrap: boolean;
  locked: boolean;
  borders: Partial<Record<Edge, string>>;
}

export interface FakeValidation {
  rule: XlDataValidationRule;
  errorAlert?: XlDataValidation['errorAlert'];
  prompt?: XlDataValidation['prompt'];
}

export interface FakeCell {
  /** '' = empty; for a formula cell, its cached result */
  value: XlScalar;
  /** with the leading "=" */
  formula?: string;
  numberFormat: string;
  format: FakeCellFormat;
  validation?: FakeValidation;
  /** for a formula cell: each defined name it uses → the sheet id it was bound to when written */
  bindings?: Record<string, string>;
}

export interface FakeConditionalFormat {
  id: number;
  rect: Rect;
  type: 'Custom' | 'CellValue';
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  priority: number;
  stopIfTrue: boolean;
}

export interface FakeName {
  name: string;
  sheetId: string;
  rect: Rect;
  comment: string;
  visible: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  names: Map<string, FakeName>;
  cfs: FakeConditionalFormat[];
  merges: Rect[];
  freeze?: { rows: number; columns: number };
  protection: { protected: boolean; options?: XlProtectionOptions; password?: string };
  colWidths: Map<number, number>;
  colHidden: Set<number>;
  rowHeights: Map<number, number>;
  pageLayout: {
    orientation?: string;
    paperSize?: string;
    zoom?: XlPageLayout['zoom'];
    titleRows?: string;
    printArea?: string;
    /** points */
    margins?: { top?: number; bottom?: number; left?: number; right?: number };
    firstPageNumber?: number | '';
    footer?: { left?: string; right?: string };
    /** rows with a manual page break above them */
    rowBreaks?: number[];
  };
  tabColor: string;
  /** native charts added (ExcelApi 1.1), with the range they were made from */
  charts?: FakeChart[];
  /** the autofilter range (ExcelApi 1.9) */
  autoFilter?: string;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy?: string;
  title: { text: string };
  legend: { visible: boolean };
  seriesName: string;
  position?: [string, string | undefined];
  dataLabels: { showValue: boolean };
  categoryAxis: { reversePlotOrder: boolean };
}

export interface FakeExcelOptions {
  /** highest supported ExcelApi version, default "1.14" */
  excelApi?: string;
  sheets?: string[];
  /** Excel on the web: 5 MB request/response limit, list picks fire no onChanged */
  web?: boolean;
  /** the workbook uses the 1904 date system */
  date1904?: boolean;
  /** the host preserves the undo stack for API calls (ExcelUndoApiAll 1.0) */
  undo?: boolean;
}

/** Excel on the web's payload limit for a request and for a response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** Days between the 1900 and the 1904 date systems. */
export const DAYS_1904 = 1462;

/** API calls that clear the undo stack even where API undo is supported (docs/real-excel.md). */
const UNDO_CLEARING: Record<string, 'all' | 'web'> = {
  'WorksheetProtection.protect': 'all',
  'WorksheetProtection.unprotect': 'all',
  'Worksheet.delete': 'all',
  'NamedItem.comment': 'web',
};

/** The full option set Excel reports for a protected sheet (WorksheetProtectionOptions). */
function fullOptions(o: XlProtectionOptions = {}): XlProtectionOptions {
  return {
    allowAutoFilter: false,
    allowDeleteColumns: false,
    allowDeleteRows: false,
    allowEditObjects: false,
    allowEditScenarios: false,
    allowFormatCells: false,
    allowFormatColumns: false,
    allowFormatRows: false,
    allowInsertColumns: false,
    allowInsertHyperlinks: false,
    allowInsertRows: false,
    allowPivotTables: false,
    allowSort: false,
    selectionMode: 'Normal',
    ...o,
  };
}

function defaultFormat(): FakeCellFormat {
  return {
    bold: false,
    italic: false,
    size: 11,
    color: '#000000',
    fontName: 'Calibri',
    hAlign: 'General',
    vAlign: 'Bottom',
    wrap: false,
    locked: true,
    borders: {},
  };
}

function newCell(): FakeCell {
  return { value: '', numberFormat: 'General', format: defaultFormat() };
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

function rectCells(r: Rect): Array<[number, number]> {
  if (r.rows * r.cols > 200_000)
    throw new FakeExcelError('InvalidArgument', 'fake: range too large for cell access');
  const out: Array<[number, number]> = [];
  for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) out.push([r.row + i, r.col + j]);
  return out;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** "A1", "A1:B2", "A:C" (whole columns), "3:5" (whole rows); undefined address = whole sheet. */
function parseFakeAddress(address: string | undefined): Rect {
  if (address === undefined) return { row: 1, col: 1, rows: MAX_ROWS, cols: MAX_COLS };
  const a = address.replace(/\$/g, '');
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  if (cols) {
    const c1 = lettersToCol(at(cols, 1));
    const c2 = lettersToCol(at(cols, 2));
    return { row: 1, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1 };
  }
  const rows = /^([0-9]+):([0-9]+)$/.exec(a);
  if (rows) {
    const r1 = Number(rows[1]);
    const r2 = Number(rows[2]);
    return { row: Math.min(r1, r2), col: 1, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLS };
  }
  const r = parseArea(a);
  if (!r) throw new FakeExcelError('InvalidArgument', `bad address ${address}`);
  return r;
}

function printRect(r: Rect): string {
  if (r.rows === MAX_ROWS) return `${colToLetters(r.col)}:${colToLetters(r.col + r.cols - 1)}`;
  if (r.cols === MAX_COLS) return `${r.row}:${r.row + r.rows - 1}`;
  const tl = cellAddress(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? tl : `${tl}:${cellAddress(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** What Excel does with a string typed or written through `values`. */
function interpretString(s: string, numberFormat: string): { value: XlScalar; formula?: string } {
  if (numberFormat === '@') return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s === '') return { value: '' };
  if (/^[=+\-@]/.test(s) && s.length > 1) {
    // Excel turns it into a formula; the fake does not evaluate it
    const formula = s.startsWith('=') ? s : `=${s}`;
    return { value: '#NAME?', formula };
  }
  if (/^[+-]?[0-9]+(\.[0-9]+)?$/.test(s)) return { value: Number(s) };
  if (/^[0-9]{1,2}\/[0-9]{1,2}(\/[0-9]{2,4})?$/.test(s)) {
    // coerced to a date/fraction: the text is lost
    return { value: 45000 };
  }
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  return { value: s };
}

// ---------------------------------------------------------------------------------------------

type Handler = (args: XlChangedArgs) => Promise<unknown>;

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly workbookNames = new Map<string, FakeName>();
  activeSheetId: string | undefined;
  selection: { sheetId: string; address: string } | undefined;
  syncCount = 0;
  runCount = 0;
  excelApi: string;
  readonly web: boolean;
  readonly date1904: boolean;
  readonly undoSupported: boolean;
  /** the user is typing in a cell */
  cellEditMode = false;
  /** calls that cleared the user's undo stack, in order */
  readonly undoLog: string[] = [];
  /** the largest request and response of any sync, in bytes (JSON) */
  maxPayload = 0;
  /** every `getUsedRange…` of a sheet, by sheet name (the add-in should need none) */
  readonly usedRangeReads: string[] = [];
  private editWaiters: Array<() => void> = [];
  /** test hook: while set, every sync fails with this error code (Excel busy, a lost connection) */
  failSyncs: string | undefined;
  /** test hook: the next write of this member (`Class.member`) fails with `GeneralException` */
  failNextWrite: string | undefined;
  /** every error a sync rejected with */
  readonly errors: FakeExcelError[] = [];
  private nextId = 1;
  private readonly handlers = new Map<string, Array<{ handler: Handler; id: number }>>();
  private readonly pendingEvents: Array<Promise<unknown>> = [];

  constructor(options: FakeExcelOptions = {}) {
    this.excelApi = options.excelApi ?? '1.14';
    this.web = options.web ?? false;
    this.date1904 = options.date1904 ?? false;
    this.undoSupported = options.undo ?? false;
    for (const name of options.sheets ?? ['Sheet1']) this.createSheet(name);
    this.activeSheetId = this.sheets[0]?.id;
  }

  // -- Office API entry points --------------------------------------------------------------

  isSetSupported = (name: string, version?: string): boolean =>
    (name === 'ExcelApi' && versionAtLeast(this.excelApi, version ?? '1.1')) ||
    (name === 'ExcelUndoApiAll' && this.undoSupported && versionAtLeast('1.0', version ?? '1.0'));

  run = async <T>(
    batch: (context: XlContext) => Promise<T>,
    reuse?: XlContext,
    options?: XlRunOptions,
  ): Promise<T> => {
    this.runCount++;
    const ctx = reuse instanceof Ctx ? reuse : new Ctx(this);
    ctx.delayForCellEdit = options?.delayForCellEdit === true;
    const result = await batch(ctx);
    if (ctx.pending()) await ctx.sync();
    return result;
  };

  /** The user starts typing in a cell (Excel's cell-edit mode). */
  enterCellEdit(): void {
    this.cellEditMode = true;
  }

  /** The user leaves cell-edit mode: delayed batches run. */
  exitCellEdit(): void {
    this.cellEditMode = false;
    const w = this.editWaiters;
    this.editWaiters = [];
    for (const f of w) f();
  }

  waitForCellEditExit(): Promise<void> {
    return new Promise((resolve) => this.editWaiters.push(resolve));
  }

  /** `Class.member` must be in a requirement set the host supports (the generated table). */
  requireMember(member: string): void {
    const set = API_SETS[member];
    if (set === undefined) return;
    const [name, version = ''] = set.split(' ');
    if (name === 'ExcelApi') this.requireApi(version, member);
    else if (name !== 'ExcelApiOnline' || !this.web)
      throw new FakeExcelError('ApiNotFound', `${member} needs ${set}`);
  }

  /** A write happened: record it when it clears the user's undo stack. */
  noteWrite(member: string): void {
    const clears = UNDO_CLEARING[member];
    if (!this.undoSupported || clears === 'all' || (clears === 'web' && this.web)) this.undoLog.push(member);
  }

  /** The user protects a sheet (Review › Protect Sheet), with options and maybe a password. */
  protectSheet(sheetName: string, options: XlProtectionOptions = {}, password?: string): void {
    const p = this.sheet(sheetName).protection;
    p.protected = true;
    p.options = fullOptions(options);
    if (password !== undefined) p.password = password;
    else delete p.password;
  }

  // -- test helpers -------------------------------------------------------------------------

  requireApi(version: string, what: string): void {
    if (!versionAtLeast(this.excelApi, version)) {
      throw new FakeExcelError('ApiNotFound', `${what} needs ExcelApi ${version}`);
    }
  }

  createSheet(name: string, id = `sheet${this.nextId++}`): FakeSheet {
    if (this.sheetByName(name)) throw new FakeExcelError('ItemAlreadyExists', `sheet ${name} exists`);
    if (name.length > 31 || /[\\/?*[\]:]/.test(name) || name === '') {
      throw new FakeExcelError('InvalidArgument', `bad sheet name ${name}`);
    }
    const sheet: FakeSheet = {
      id,
      name,
      cells: new Map(),
      names: new Map(),
      cfs: [],
      merges: [],
      protection: { protected: false },
      colWidths: new Map(),
      colHidden: new Set(),
      rowHeights: new Map(),
      pageLayout: {},
      tabColor: '',
    };
    this.sheets.push(sheet);
    return sheet;
  }

  newId(): number {
    return this.nextId++;
  }

  sheetByName(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheet(name: string): FakeSheet {
    const s = this.sheetByName(name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }

  cell(sheetName: string, address: string): FakeCell {
    const s = this.sheet(sheetName);
    const r = parseFakeAddress(address);
    return this.cellAt(s, r.row, r.col);
  }

  peekCell(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  cellAt(sheet: FakeSheet, row: number, col: number): FakeCell {
    const k = cellKey(row, col);
    let c = sheet.cells.get(k);
    if (!c) {
      c = newCell();
      sheet.cells.set(k, c);
    }
    return c;
  }

  /** A name visible from a sheet: sheet scope first, then workbook scope. */
  resolveName(
    name: string,
    sheetName?: string,
  ): { sheet: FakeSheet; rect: Rect; scope: 'sheet' | 'workbook' } | undefined {
    const key = name.toLowerCase();
    if (sheetName) {
      const s = this.sheet(sheetName);
      const n = s.names.get(key);
      if (n) return { sheet: s, rect: n.rect, scope: 'sheet' };
    }
    const w = this.workbookNames.get(key);
    const ws = w && this.sheetById(w.sheetId);
    return w && ws ? { sheet: ws, rect: w.rect, scope: 'workbook' } : undefined;
  }

  /**
   * The defined names a formula uses, bound as Excel binds them when the formula is written: the
   * sheet's own name first, then the workbook's; '' = no such name yet (#NAME?, and it stays
   * bound to nothing here even if the name is added later).
   */
  bindNames(formula: string, sheet: FakeSheet): Record<string, string> {
    const out: Record<string, string> = {};
    const text = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'![$A-Za-z0-9:]+/g, '');
    const re = /(^|[^A-Za-z0-9_.!$\\])([A-Za-z_\\][A-Za-z0-9_.]*)(?![A-Za-z0-9_.(!])/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const token = at(m, 2);
      if (/^\$?[A-Za-z]{1,3}\$?[0-9]+$/.test(token) || /^(true|false)$/i.test(token)) continue;
      const key = token.toLowerCase();
      const own = sheet.names.get(key);
      const wb = this.workbookNames.get(key);
      out[key] = own ? own.sheetId : wb ? wb.sheetId : '';
    }
    return out;
  }

  /** The cell a defined name points to (sheet scope of `sheetName` first). */
  namedCell(name: string, sheetName?: string): FakeCell {
    const r = this.resolveName(name, sheetName);
    if (!r) throw new Error(`fake: no name ${name}`);
    return this.cellAt(r.sheet, r.rect.row, r.rect.col);
  }

  namedAddress(name: string, sheetName?: string): string {
    const r = this.resolveName(name, sheetName);
    if (!r) throw new Error(`fake: no name ${name}`);
    return printRect(r.rect);
  }

  /** Set a formula cell's cached result (the fake evaluates nothing). */
  setCachedResult(sheetName: string, address: string, value: XlScalar): void {
    this.cell(sheetName, address).value = value;
  }

  /** The user types into a cell (value as Excel parsed it); fires onChanged like Excel does. */
  userEdit(sheetName: string, address: string, value: XlScalar): void {
    const s = this.sheet(sheetName);
    const r = parseFakeAddress(address);
    let before: XlScalar | undefined;
    for (const [row, col] of rectCells(r)) {
      const c = this.cellAt(s, row, col);
      before = c.value;
      c.value = value;
      delete c.formula;
    }
    const single = r.rows === 1 && r.cols === 1 && before !== undefined;
    this.fire(s.id, printRect(r), 'Unknown', single ? [before, value] : undefined);
  }

  /** The user fills cells (direct formatting): onChanged fires although no value changed. */
  userFill(sheetName: string, address: string, color: string | undefined): void {
    const s = this.sheet(sheetName);
    const r = parseFakeAddress(address);
    for (const [row, col] of rectCells(r)) this.cellAt(s, row, col).format.fill = color;
    const single = r.rows === 1 && r.cols === 1 ? this.cellAt(s, r.row, r.col).value : undefined;
    this.fire(s.id, printRect(r), 'Unknown', single === undefined ? undefined : [single, single]);
  }

  /**
   * The user picks a value from an in-cell list. Excel on the web fires no onChanged for it
   * (OfficeDev/office-js#3888, #4066); the desktop does.
   */
  userPick(sheetName: string, address: string, value: XlScalar): void {
    if (!this.web) {
      this.userEdit(sheetName, address, value);
      return;
    }
    const s = this.sheet(sheetName);
    const r = parseFakeAddress(address);
    const c = this.cellAt(s, r.row, r.col);
    c.value = value;
    delete c.formula;
  }

  /** The user adds a conditional format of their own. */
  userConditionalFormat(
    sheetName: string,
    address: string,
    cf: Partial<Omit<FakeConditionalFormat, 'id' | 'rect'>>,
  ): void {
    const s = this.sheet(sheetName);
    s.cfs.push({
      id: this.newId(),
      rect: parseFakeAddress(address),
      type: cf.type ?? 'Custom',
      formula: cf.formula ?? '=TRUE',
      fill: cf.fill,
      fontColor: cf.fontColor,
      bold: cf.bold,
      priority: cf.priority ?? s.cfs.length,
      stopIfTrue: cf.stopIfTrue ?? false,
    });
  }

  /** Wait for event handlers fired so far. */
  async settleEvents(): Promise<void> {
    while (this.pendingEvents.length) await this.pendingEvents.shift();
  }

  handlerCount(sheetName?: string): number {
    if (sheetName) return this.handlers.get(this.sheet(sheetName).id)?.length ?? 0;
    let n = 0;
    for (const hs of this.handlers.values()) n += hs.length;
    return n;
  }

  // -- internals used by the proxies ---------------------------------------------------------

  addHandler(sheetId: string, handler: Handler, id: number): void {
    const list = this.handlers.get(sheetId) ?? [];
    list.push({ handler, id });
    this.handlers.set(sheetId, list);
  }

  removeHandler(id: number): void {
    for (const [k, list] of this.handlers) {
      this.handlers.set(
        k,
        list.filter((h) => h.id !== id),
      );
    }
  }

  fire(sheetId: string, address: string, triggerSource: string, change?: [unknown, unknown]): void {
    const list = this.handlers.get(sheetId) ?? [];
    for (const { handler } of list) {
      const args: XlChangedArgs = { worksheetId: sheetId, address };
      if (versionAtLeast(this.excelApi, '1.14')) args.triggerSource = triggerSource;
      if (change && versionAtLeast(this.excelApi, '1.9'))
        args.details = { valueBefore: change[0], valueAfter: change[1] };
      this.pendingEvents.push(Promise.resolve().then(() => handler(args)));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies

type Op = () => void;

class Ctx implements XlContext {
  readonly workbook: XlWorkbook;
  private ops: Op[] = [];
  private readonly proxies: FakeProxy[] = [];
  readonly changed = new Map<string, string>();
  delayForCellEdit = false;
  /** bytes of data written (request) and loaded (response) by the pending batch */
  request = 0;
  response = 0;

  constructor(readonly fake: FakeExcel) {
    this.workbook = {
      worksheets: new WorksheetCollectionP(this),
      names: new NamesP(this, () => null),
      functions: makeFunctions(this),
    };
  }

  enqueue(op: Op): void {
    this.ops.push(op);
  }

  /** count data written into the request */
  sent(data: unknown): void {
    this.request += JSON.stringify(data).length;
  }

  /** count data loaded into the response */
  received(data: unknown): void {
    this.response += JSON.stringify(data ?? null).length;
  }

  track(p: FakeProxy): void {
    this.proxies.push(p);
  }

  pending(): boolean {
    return this.ops.length > 0;
  }

  async sync(): Promise<unknown> {
    this.fake.syncCount++;
    if (this.fake.failSyncs !== undefined) {
      const e = new FakeExcelError(this.fake.failSyncs, 'the host failed the batch');
      this.fake.errors.push(e);
      this.ops = [];
      throw e;
    }
    if (this.fake.cellEditMode) {
      if (!this.delayForCellEdit) {
        const e = new FakeExcelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode');
        this.fake.errors.push(e);
        this.ops = [];
        throw e;
      }
      await this.fake.waitForCellEditExit();
    }
    const ops = this.ops;
    this.ops = [];
    this.changed.clear();
    const request = this.request;
    this.request = 0;
    this.response = 0;
    try {
      if (this.fake.web && request > PAYLOAD_LIMIT)
        throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
      for (const op of ops) op();
      this.fake.maxPayload = Math.max(this.fake.maxPayload, request, this.response);
      if (this.fake.web && this.response > PAYLOAD_LIMIT)
        throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `response of ${this.response} bytes`);
    } catch (e) {
      if (e instanceof FakeExcelError) this.fake.errors.push(e);
      throw e;
    } finally {
      for (const p of this.proxies) p.settle();
      for (const [sheetId, address] of this.changed) this.fake.fire(sheetId, address, 'ThisLocalAddin');
    }
    await Promise.resolve();
    return undefined;
  }

  markChanged(sheetId: string, r: Rect): void {
    this.changed.set(sheetId, printRect(r));
  }
}

/** `workbook.functions`: DATE answers in the workbook's date system, as Excel's DATE does. */
function makeFunctions(ctx: Ctx): XlFunctions {
  return {
    date(year: number, month: number, day: number): XlFunctionResult<number> {
      let value: number | undefined;
      ctx.enqueue(() => {
        ctx.fake.requireMember('Workbook.functions');
        value = excelDate(year, month, day) - (ctx.fake.date1904 ? DAYS_1904 : 0);
      });
      const result: XlFunctionResult<number> = {
        load(): XlFunctionResult<number> {
          return result;
        },
        get value(): number {
          if (value === undefined)
            throw new FakeExcelError('PropertyNotLoaded', 'functions.date: not synced');
          return value;
        },
        get error(): string {
          return '';
        },
      };
      return result;
    },
  };
}

abstract class FakeProxy {
  protected readonly snap = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    protected readonly ctx: Ctx,
    /** null objects are allowed (…OrNullObject) */
    protected readonly nullable = false,
  ) {
    ctx.track(this);
  }

  protected get fake(): FakeExcel {
    return this.ctx.fake;
  }

  /** does the document object exist (at op time) */
  abstract exists(): boolean;
  protected abstract scalarNames(): readonly string[];
  protected abstract scalar(name: string): unknown;
  protected nav(_name: string): FakeProxy | undefined {
    return undefined;
  }
  /** the Office.js class this proxy stands for (requirement-set checks of its members) */
  protected apiClass(): string {
    return '';
  }
  /** check `member` of this proxy's class against the host's requirement sets */
  requireMember(member: string): void {
    const cls = this.apiClass();
    if (cls) this.fake.requireMember(`${cls}.${member}`);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      throw new FakeExcelError('PropertyNotLoaded', 'isNullObject is known only after context.sync()');
    }
    return this.nullState;
  }

  settle(): void {
    try {
      this.nullState = !this.exists();
    } catch {
      this.nullState = true;
    }
  }

  load(propertyNames?: string | string[]): this {
    const paths = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? '').split(','))
      .map((s) => s.trim())
      .filter((s) => s !== '');
    this.ctx.enqueue(() => this.doLoad(paths));
    return this;
  }

  doLoad(paths: readonly string[]): void {
    if (!this.exists()) {
      if (this.nullable) return;
      throw new FakeExcelError('ItemNotFound', `${this.constructor.name}: object does not exist`);
    }
    if (paths.length === 0) {
      for (const n of this.scalarNames()) this.snap.set(n, this.scalar(n));
      return;
    }
    for (const p of paths) {
      const [head = '', ...rest] = p.split('/');
      if (head !== 'items') this.requireMember(head);
      const nav = this.nav(head);
      if (nav) nav.doLoad(rest.length ? [rest.join('/')] : []);
      else if (rest.length) throw new FakeExcelError('InvalidArgument', `cannot navigate ${p}`);
      else if (!this.scalarNames().includes(head)) {
        throw new FakeExcelError('PropertyNotFound', `${this.constructor.name} has no property ${head}`);
      } else {
        const v = this.scalar(head);
        this.ctx.received(v);
        this.snap.set(head, v);
      }
    }
  }

  protected read<T>(name: string): T {
    if (!this.snap.has(name)) {
      throw new FakeExcelError('PropertyNotLoaded', `${this.constructor.name}.${name} was not loaded`);
    }
    return this.snap.get(name) as T;
  }

  /** queue a write; `member` is checked against the requirement sets and the undo rules */
  protected op(apply: () => void, member?: string): void {
    this.ctx.enqueue(() => {
      if (member) this.requireMember(member);
      const cls = this.apiClass();
      if (this.fake.failNextWrite !== undefined && this.fake.failNextWrite === `${cls}.${member}`) {
        this.fake.failNextWrite = undefined;
        throw new FakeExcelError('GeneralException', `${cls}.${member} failed`);
      }
      if (!this.exists())
        throw new FakeExcelError('ItemNotFound', `${this.constructor.name}: object does not exist`);
      apply();
      this.fake.noteWrite(cls && member ? `${cls}.${member}` : `${this.constructor.name}.write`);
    });
  }
}

// -- worksheets -------------------------------------------------------------------------------

class WorksheetCollectionP extends FakeProxy implements XlWorksheetCollection {
  protected override apiClass(): string {
    return 'WorksheetCollection';
  }
  private loadedItems: WorksheetP[] | undefined;

  exists(): boolean {
    return true;
  }
  protected scalarNames(): readonly string[] {
    return [];
  }
  protected scalar(name: string): unknown {
    throw new FakeExcelError('PropertyNotFound', name);
  }

  override doLoad(paths: readonly string[]): void {
    const items = this.fake.sheets.map((s) => new WorksheetP(this.ctx, () => s.id));
    this.loadedItems = items;
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '');
    for (const it of items) it.doLoad(itemPaths);
  }

  get items(): XlWorksheet[] {
    if (!this.loadedItems) throw new FakeExcelError('PropertyNotLoaded', 'worksheets.items was not loaded');
    return this.loadedItems;
  }

  add(name?: string): XlWorksheet {
    const id = `sheet${this.fake.newId()}`;
    const sheetName = name ?? `Sheet${this.fake.sheets.length + 1}`;
    this.ctx.enqueue(() => {
      this.fake.createSheet(sheetName, id);
    });
    return new WorksheetP(this.ctx, () => id);
  }

  getItem(key: string): XlWorksheet {
    const p = new WorksheetP(this.ctx, () => this.fake.sheetByName(key)?.id ?? this.fake.sheetById(key)?.id);
    this.ctx.enqueue(() => {
      if (!p.exists()) throw new FakeExcelError('ItemNotFound', `no worksheet ${key}`);
    });
    return p;
  }

  getItemOrNullObject(key: string): XlWorksheet {
    return new WorksheetP(
      this.ctx,
      () => this.fake.sheetByName(key)?.id ?? this.fake.sheetById(key)?.id,
      true,
    );
  }

  getActiveWorksheet(): XlWorksheet {
    return new WorksheetP(this.ctx, () => this.fake.activeSheetId);
  }
}

class WorksheetP extends FakeProxy implements XlWorksheet {
  protected override apiClass(): string {
    return 'Worksheet';
  }
  readonly names: XlNamedItemCollection;
  readonly protection: XlWorksheetProtection;
  readonly freezePanes: XlFreezePanes;
  readonly pageLayout: XlPageLayout;
  readonly horizontalPageBreaks: XlWorksheet['horizontalPageBreaks'];
  readonly charts: XlChartCollection;
  readonly autoFilter: XlAutoFilter;
  readonly onChanged: XlWorksheet['onChanged'];

  constructor(
    ctx: Ctx,
    private readonly idOf: () => string | undefined,
    nullable = false,
  ) {
    super(ctx, nullable);
    this.names = new NamesP(ctx, () => this.doc(), this);
    this.protection = new ProtectionP(ctx, this);
    this.freezePanes = makeFreezePanes(this);
    this.pageLayout = new PageLayoutP(ctx, this);
    this.horizontalPageBreaks = {
      add: (range: string): void =>
        this.op(() => {
          this.fake.requireApi('1.9', 'horizontalPageBreaks');
          const row = Number(/^\$?[A-Z]+\$?([0-9]+)/.exec(range)?.[1]);
          const p = this.doc().pageLayout;
          p.rowBreaks = [...(p.rowBreaks ?? []), row];
        }),
    };
    this.charts = {
      add: (type: string, sourceData: XlRange, seriesBy?: string): XlChart => {
        const fake = this.fake;
        const chart: FakeChart = {
          type,
          source: '',
          seriesBy,
          title: { text: '' },
          legend: { visible: true },
          seriesName: '',
          dataLabels: { showValue: false },
          categoryAxis: { reversePlotOrder: false },
        };
        this.sheetOp((_fake, s) => {
          chart.source = sourceData instanceof RangeP ? printRect(sourceData.where().rect) : '?';
          (s.charts ??= []).push(chart);
        }, 'charts');
        return {
          title: chart.title,
          legend: chart.legend,
          dataLabels: chart.dataLabels,
          axes: {
            categoryAxis: {
              get reversePlotOrder() {
                return chart.categoryAxis.reversePlotOrder;
              },
              set reversePlotOrder(v: boolean) {
                // enforced like every member: the table says ExcelApi 1.7
                fake.requireMember('ChartAxis.reversePlotOrder');
                chart.categoryAxis.reversePlotOrder = v;
              },
            },
          },
          series: {
            getItemAt: () => ({
              set name(v: string) {
                chart.seriesName = v;
              },
              get name() {
                return chart.seriesName;
              },
            }),
          },
          setPosition: (start: string, end?: string) => {
            chart.position = [start, end];
          },
        };
      },
    };
    this.autoFilter = {
      apply: (range: string) =>
        this.sheetOp((_fake, s) => {
          s.autoFilter = range;
        }, 'autoFilter'),
    };
    this.onChanged = {
      add: (handler: Handler): XlEventHandlerResult => {
        const id = this.fake.newId();
        this.ctx.enqueue(() => {
          this.requireMember('onChanged');
          this.fake.addHandler(this.doc().id, handler, id);
        });
        return {
          remove: (): void => {
            this.ctx.enqueue(() => this.fake.removeHandler(id));
          },
        };
      },
    };
  }

  doc(): FakeSheet {
    const id = this.idOf();
    const s = id === undefined ? undefined : this.fake.sheetById(id);
    if (!s) throw new FakeExcelError('ItemNotFound', 'worksheet does not exist');
    return s;
  }
  exists(): boolean {
    const id = this.idOf();
    return id !== undefined && this.fake.sheetById(id) !== undefined;
  }
  protected scalarNames(): readonly string[] {
    return ['name', 'id', 'tabColor', 'position'];
  }
  protected scalar(name: string): unknown {
    const s = this.doc();
    if (name === 'name') return s.name;
    if (name === 'id') return s.id;
    if (name === 'tabColor') return s.tabColor;
    return this.fake.sheets.indexOf(s);
  }
  protected override nav(name: string): FakeProxy | undefined {
    if (name === 'protection') return this.protection as ProtectionP;
    return undefined;
  }

  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.op(() => {
      this.doc().name = v;
    }, 'name');
  }
  get id(): string {
    return this.read('id');
  }
  get tabColor(): string {
    return this.read('tabColor');
  }
  set tabColor(v: string) {
    this.op(() => {
      this.doc().tabColor = v;
    }, 'tabColor');
  }

  getRange(address?: string): XlRange {
    const rect = parseFakeAddress(address);
    return new RangeP(this.ctx, () => ({ sheet: this.doc(), rect }));
  }

  /** not in the add-in's subset (src/excel/officeTypes.ts); recorded when a test uses it */
  getUsedRange(valuesOnly?: boolean): XlRange {
    void valuesOnly;
    this.ctx.enqueue(() => this.fake.usedRangeReads.push(this.doc().name));
    return new RangeP(this.ctx, () => {
      const s = this.doc();
      return { sheet: s, rect: usedRect(s) ?? { row: 1, col: 1, rows: 1, cols: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange {
    void valuesOnly;
    this.ctx.enqueue(() => {
      this.requireMember('getUsedRangeOrNullObject');
      this.fake.usedRangeReads.push(this.doc().name);
    });
    return new RangeP(
      this.ctx,
      () => {
        const s = this.doc();
        const rect = usedRect(s);
        if (!rect) throw new FakeExcelError('ItemNotFound', 'the sheet is blank');
        return { sheet: s, rect };
      },
      true,
    );
  }

  activate(): void {
    this.op(() => {
      this.fake.activeSheetId = this.doc().id;
    }, 'activate');
  }

  delete(): void {
    this.op(() => {
      const s = this.doc();
      if (this.fake.sheets.length === 1)
        throw new FakeExcelError('InvalidOperation', 'cannot delete the only sheet');
      this.fake.sheets.splice(this.fake.sheets.indexOf(s), 1);
      // workbook names that pointed here now refer to #REF!, as in Excel
      if (this.fake.activeSheetId === s.id) this.fake.activeSheetId = at(this.fake.sheets, 0).id;
    }, 'delete');
  }

  sheetOp(apply: (fake: FakeExcel, sheet: FakeSheet) => void, member: string): void {
    this.op(() => apply(this.fake, this.doc()), member);
  }
}

class ProtectionP extends FakeProxy implements XlWorksheetProtection {
  protected override apiClass(): string {
    return 'WorksheetProtection';
  }
  constructor(
    ctx: Ctx,
    private readonly ws: WorksheetP,
  ) {
    super(ctx);
  }
  exists(): boolean {
    return this.ws.exists();
  }
  protected scalarNames(): readonly string[] {
    return ['protected', 'options'];
  }
  protected scalar(name: string): unknown {
    const p = this.ws.doc().protection;
    return name === 'protected' ? p.protected : fullOptions(p.options);
  }
  get protected(): boolean {
    return this.read('protected');
  }
  get options(): XlProtectionOptions {
    return { ...this.read<XlProtectionOptions>('options') };
  }
  protect(options?: XlProtectionOptions, password?: string): void {
    this.op(() => {
      if (password !== undefined) this.fake.requireApi('1.7', 'protect with a password');
      const p = this.ws.doc().protection;
      if (p.protected) throw new FakeExcelError('InvalidOperation', 'sheet is already protected');
      p.protected = true;
      p.options = fullOptions(options);
      if (password) p.password = password;
    }, 'protect');
  }
  unprotect(password?: string): void {
    this.op(() => {
      if (password !== undefined) this.fake.requireApi('1.7', 'unprotect with a password');
      const p = this.ws.doc().protection;
      // recent builds refuse it on an unprotected sheet (OfficeDev/office-js#6784)
      if (!p.protected) throw new FakeExcelError('AccessDenied', 'the sheet is not protected');
      if (p.password !== undefined && p.password !== password)
        throw new FakeExcelError('InvalidArgument', 'the password is not correct');
      p.protected = false;
      delete p.options;
      delete p.password;
    }, 'unprotect');
  }
}

function makeFreezePanes(ws: WorksheetP): XlFreezePanes {
  const set = (f: (s: FakeSheet) => { rows: number; columns: number }): void => {
    ws.sheetOp((_fake, s) => {
      s.freeze = f(s);
    }, 'freezePanes');
  };
  return {
    freezeAt: (frozenRange: string) =>
      set(() => {
        const r = parseFakeAddress(frozenRange);
        return { rows: r.row + r.rows - 1, columns: r.col + r.cols - 1 };
      }),
    freezeRows: (count = 1) => set((s) => ({ rows: count, columns: s.freeze?.columns ?? 0 })),
    freezeColumns: (count = 1) => set((s) => ({ rows: s.freeze?.rows ?? 0, columns: count })),
  };
}

class PageLayoutP extends FakeProxy implements XlPageLayout {
  protected override apiClass(): string {
    return 'PageLayout';
  }
  constructor(
    ctx: Ctx,
    private readonly ws: WorksheetP,
  ) {
    super(ctx);
  }
  exists(): boolean {
    return this.ws.exists();
  }
  protected scalarNames(): readonly string[] {
    return [
      'orientation',
      'paperSize',
      'zoom',
      'topMargin',
      'bottomMargin',
      'leftMargin',
      'rightMargin',
      'firstPageNumber',
    ];
  }
  protected scalar(name: string): unknown {
    const p = this.ws.doc().pageLayout;
    const side = /^(top|bottom|left|right)Margin$/.exec(name)?.[1] as
      'top' | 'bottom' | 'left' | 'right' | undefined;
    if (side) return p.margins?.[side] ?? 0;
    if (name === 'firstPageNumber') return p.firstPageNumber ?? '';
    return name === 'orientation' ? p.orientation : name === 'paperSize' ? p.paperSize : p.zoom;
  }
  private setp(apply: (p: FakeSheet['pageLayout']) => void, member: string): void {
    this.op(() => {
      this.fake.requireApi('1.9', 'pageLayout');
      apply(this.ws.doc().pageLayout);
    }, member);
  }
  get orientation(): string {
    return this.read('orientation');
  }
  set orientation(v: string) {
    this.setp((p) => (p.orientation = v), 'orientation');
  }
  get paperSize(): string {
    return this.read('paperSize');
  }
  set paperSize(v: string) {
    this.setp((p) => (p.paperSize = v), 'paperSize');
  }
  get zoom(): XlPageLayout['zoom'] {
    return this.read('zoom');
  }
  set zoom(v: XlPageLayout['zoom']) {
    this.setp((p) => (p.zoom = { ...v }), 'zoom');
  }
  private setMargin(side: 'top' | 'bottom' | 'left' | 'right', v: number): void {
    this.setp((p) => (p.margins = { ...p.margins, [side]: v }), `${side}Margin`);
  }
  get topMargin(): number {
    return this.read('topMargin');
  }
  set topMargin(v: number) {
    this.setMargin('top', v);
  }
  get bottomMargin(): number {
    return this.read('bottomMargin');
  }
  set bottomMargin(v: number) {
    this.setMargin('bottom', v);
  }
  get leftMargin(): number {
    return this.read('leftMargin');
  }
  set leftMargin(v: number) {
    this.setMargin('left', v);
  }
  get rightMargin(): number {
    return this.read('rightMargin');
  }
  set rightMargin(v: number) {
    this.setMargin('right', v);
  }
  setPrintTitleRows(range: string): void {
    this.setp((p) => (p.titleRows = range), 'setPrintTitleRows');
  }
  setPrintArea(range: string): void {
    this.setp((p) => (p.printArea = range), 'setPrintArea');
  }
  get firstPageNumber(): number | '' {
    return this.read('firstPageNumber');
  }
  set firstPageNumber(v: number | '') {
    this.setp((p) => (p.firstPageNumber = v), 'firstPageNumber');
  }
  get headersFooters(): XlPageLayout['headersFooters'] {
    const setFooter = (side: 'left' | 'right', v: string): void =>
      this.setp((p) => (p.footer = { ...p.footer, [side]: v }), 'headersFooters');
    const footer = (): { left?: string; right?: string } => this.ws.doc().pageLayout.footer ?? {};
    return {
      defaultForAllPages: {
        get leftFooter(): string {
          return footer().left ?? '';
        },
        set leftFooter(v: string) {
          setFooter('left', v);
        },
        get rightFooter(): string {
          return footer().right ?? '';
        },
        set rightFooter(v: string) {
          setFooter('right', v);
        },
      },
    };
  }
}

// -- names ------------------------------------------------------------------------------------

class NamesP extends FakeProxy implements XlNamedItemCollection {
  protected override apiClass(): string {
    return 'NamedItemCollection';
  }
  private loadedItems: NamedItemP[] | undefined;

  constructor(
    ctx: Ctx,
    /** null = workbook scope */
    private readonly scope: () => FakeSheet | null,
    private readonly ws?: WorksheetP,
  ) {
    super(ctx);
  }

  map(): Map<string, FakeName> {
    const s = this.scope();
    if (s) this.fake.requireApi('1.4', 'worksheet.names');
    return s ? s.names : this.fake.workbookNames;
  }
  exists(): boolean {
    return this.ws ? this.ws.exists() : true;
  }
  protected scalarNames(): readonly string[] {
    return [];
  }
  protected scalar(name: string): unknown {
    throw new FakeExcelError('PropertyNotFound', name);
  }

  override doLoad(paths: readonly string[]): void {
    if (!this.exists()) throw new FakeExcelError('ItemNotFound', 'names: worksheet does not exist');
    const items = [...this.map().values()].map((n) => new NamedItemP(this.ctx, this, n.name));
    this.loadedItems = items;
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '');
    for (const it of items) it.doLoad(itemPaths);
  }

  get items(): XlNamedItem[] {
    if (!this.loadedItems) throw new FakeExcelError('PropertyNotLoaded', 'names.items was not loaded');
    return this.loadedItems;
  }

  add(name: string, reference: string, comment?: string): XlNamedItem {
    this.ctx.enqueue(() => {
      this.requireMember('add');
      this.fake.noteWrite('NamedItemCollection.add');
      if (comment) this.fake.noteWrite('NamedItem.comment');
      const map = this.map();
      if (map.has(name.toLowerCase()))
        throw new FakeExcelError('InvalidArgument', `name ${name} already exists`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name))
        throw new FakeExcelError('InvalidArgument', `bad name ${name}`);
      const ref = parseReference(reference);
      const sheet = ref && this.fake.sheetByName(ref.sheet);
      if (!ref || !sheet) throw new FakeExcelError('InvalidArgument', `bad reference ${reference}`);
      map.set(name.toLowerCase(), {
        name,
        sheetId: sheet.id,
        rect: ref.rect,
        comment: comment ?? '',
        visible: true,
      });
    });
    return new NamedItemP(this.ctx, this, name);
  }

  getItemOrNullObject(name: string): XlNamedItem {
    return new NamedItemP(this.ctx, this, name, true);
  }
}

class NamedItemP extends FakeProxy implements XlNamedItem {
  protected override apiClass(): string {
    return 'NamedItem';
  }
  constructor(
    ctx: Ctx,
    private readonly coll: NamesP,
    private readonly key: string,
    nullable = false,
  ) {
    super(ctx, nullable);
  }
  doc(): FakeName {
    const n = this.coll.exists() ? this.coll.map().get(this.key.toLowerCase()) : undefined;
    if (!n) throw new FakeExcelError('ItemNotFound', `no name ${this.key}`);
    return n;
  }
  exists(): boolean {
    return this.coll.exists() && this.coll.map().has(this.key.toLowerCase());
  }
  protected scalarNames(): readonly string[] {
    return ['name', 'type', 'value', 'comment', 'visible'];
  }
  protected scalar(name: string): unknown {
    const n = this.doc();
    switch (name) {
      case 'name':
        return n.name;
      case 'type':
        return 'Range';
      case 'value': {
        const s = this.fake.sheetById(n.sheetId);
        return s ? `${quoteSheet(s.name)}!${absoluteAddress(n.rect)}` : '#REF!';
      }
      case 'comment':
        return n.comment;
      default:
        return n.visible;
    }
  }
  get name(): string {
    return this.read('name');
  }
  get type(): string {
    return this.read('type');
  }
  get value(): unknown {
    return this.read('value');
  }
  get comment(): string {
    return this.read('comment');
  }
  set comment(v: string) {
    this.op(() => {
      this.doc().comment = v;
    }, 'comment');
  }
  get visible(): boolean {
    return this.read('visible');
  }
  set visible(v: boolean) {
    this.op(() => {
      this.doc().visible = v;
    }, 'visible');
  }
  getRange(): XlRange {
    return new RangeP(this.ctx, () => {
      const n = this.doc();
      const s = this.fake.sheetById(n.sheetId);
      if (!s) throw new FakeExcelError('InvalidReference', `name ${n.name} refers to a deleted sheet`);
      return { sheet: s, rect: n.rect };
    });
  }
  delete(): void {
    this.op(() => {
      this.coll.map().delete(this.key.toLowerCase());
    }, 'delete');
  }
}

// -- ranges -----------------------------------------------------------------------------------

interface Where {
  sheet: FakeSheet;
  rect: Rect;
}

/** Bounding box of the cells holding a value or formula; undefined on a blank sheet. */
function usedRect(s: FakeSheet): Rect | undefined {
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = 0;
  let c2 = 0;
  for (const [k, c] of s.cells) {
    if (c.value === '' && c.formula === undefined) continue;
    const [row = 0, col = 0] = k.split(',').map(Number);
    r1 = Math.min(r1, row);
    c1 = Math.min(c1, col);
    r2 = Math.max(r2, row);
    c2 = Math.max(c2, col);
  }
  return r2 === 0 ? undefined : { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

class RangeP extends FakeProxy implements XlRange {
  protected override apiClass(): string {
    return 'Range';
  }
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  readonly conditionalFormats: XlConditionalFormatCollection;

  constructor(
    ctx: Ctx,
    readonly where: () => Where,
    nullable = false,
  ) {
    super(ctx, nullable);
    this.format = new FormatP(ctx, this);
    this.dataValidation = new DataValidationP(ctx, this);
    this.conditionalFormats = new CfCollectionP(ctx, this);
  }

  exists(): boolean {
    try {
      this.where();
      return true;
    } catch {
      return false;
    }
  }
  protected scalarNames(): readonly string[] {
    return ['address', 'values', 'formulas', 'numberFormat', 'columnHidden', 'rowCount', 'columnCount'];
  }
  protected scalar(name: string): unknown {
    const { sheet, rect } = this.where();
    const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] => {
      rectCells(rect);
      const out: T[][] = [];
      for (let i = 0; i < rect.rows; i++) {
        const row: T[] = [];
        for (let j = 0; j < rect.cols; j++)
          row.push(f(this.fake.peekCell(sheet, rect.row + i, rect.col + j)));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${printRect(rect)}`;
      case 'values':
        return grid((c) => c?.value ?? '');
      case 'formulas':
        return grid((c) => c?.formula ?? c?.value ?? '');
      case 'numberFormat':
        return grid((c) => c?.numberFormat ?? 'General');
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.cols;
      default: {
        const cols = Array.from({ length: rect.cols }, (_, j) => sheet.colHidden.has(rect.col + j));
        return cols.every((h) => h) ? true : cols.some((h) => h) ? null : false;
      }
    }
  }

  /** an op that edits cells; checks protection (locked cells of a protected sheet) */
  editCells(kind: 'content' | 'format', apply: (w: Where) => void, member = 'format'): void {
    this.op(() => {
      const w = this.where();
      const p = w.sheet.protection;
      if (p.protected) {
        const allowed = kind === 'format' && p.options?.allowFormatCells === true;
        if (!allowed) {
          for (const [row, col] of rectCells(w.rect)) {
            const c = this.fake.peekCell(w.sheet, row, col);
            if (c?.format.locked ?? true) {
              throw new FakeExcelError(
                'AccessDenied',
                `cell ${cellAddress(row, col)} is locked on a protected sheet`,
              );
            }
          }
        }
      }
      apply(w);
    }, member);
  }

  sheetOp(apply: (w: Where) => void, member: string): void {
    this.op(() => {
      const w = this.where();
      if (w.sheet.protection.protected) throw new FakeExcelError('AccessDenied', 'the sheet is protected');
      apply(w);
    }, member);
  }

  private setGrid(data: XlCellWrite[][], asFormulas: boolean): void {
    this.ctx.sent(data);
    this.editCells(
      'content',
      (w) => {
        if (data.length !== w.rect.rows || data.some((r) => r.length !== w.rect.cols)) {
          throw new FakeExcelError('InvalidArgument', `dimensions do not match ${printRect(w.rect)}`);
        }
        for (let i = 0; i < w.rect.rows; i++) {
          for (let j = 0; j < w.rect.cols; j++) {
            const c = this.fake.cellAt(w.sheet, w.rect.row + i, w.rect.col + j);
            const v = at(data, i)[j];
            if (typeof v === 'string') {
              const r =
                asFormulas && v.startsWith('=')
                  ? { value: '' as XlScalar, formula: v }
                  : interpretString(v, c.numberFormat);
              c.value = r.value;
              if (r.formula === undefined) {
                delete c.formula;
                delete c.bindings;
              } else {
                c.formula = r.formula;
                c.bindings = this.fake.bindNames(r.formula, w.sheet);
              }
            } else if (v === null || v === undefined) {
              // null leaves the cell unchanged, as in Office.js
            } else {
              c.value = v;
              delete c.formula;
              delete c.bindings;
            }
          }
        }
        this.ctx.markChanged(w.sheet.id, w.rect);
      },
      asFormulas ? 'formulas' : 'values',
    );
  }

  get address(): string {
    return this.read('address');
  }
  get values(): XlCellWrite[][] {
    return this.read('values');
  }
  set values(v: XlCellWrite[][]) {
    this.setGrid(v, false);
  }
  get formulas(): XlCellWrite[][] {
    return this.read('formulas');
  }
  set formulas(v: XlCellWrite[][]) {
    this.setGrid(v, true);
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.ctx.sent(v);
    this.editCells(
      'format',
      (w) => {
        if (v.length !== w.rect.rows || v.some((r) => r.length !== w.rect.cols)) {
          throw new FakeExcelError('InvalidArgument', 'numberFormat dimensions do not match');
        }
        for (let i = 0; i < w.rect.rows; i++) {
          for (let j = 0; j < w.rect.cols; j++)
            this.fake.cellAt(w.sheet, w.rect.row + i, w.rect.col + j).numberFormat = at(at(v, i), j);
        }
      },
      'numberFormat',
    );
  }
  get columnHidden(): boolean {
    return this.read('columnHidden');
  }
  set columnHidden(v: boolean) {
    this.op(() => {
      const { sheet, rect } = this.where();
      for (let j = 0; j < rect.cols; j++) {
        if (v) sheet.colHidden.add(rect.col + j);
        else sheet.colHidden.delete(rect.col + j);
      }
    }, 'columnHidden');
  }

  merge(across?: boolean): void {
    this.sheetOp((w) => {
      if (across) throw new FakeExcelError('InvalidArgument', 'fake: merge across not modelled');
      if (w.sheet.merges.some((m) => intersects(m, w.rect))) {
        throw new FakeExcelError(
          'InvalidOperation',
          `merge overlaps an existing merge at ${printRect(w.rect)}`,
        );
      }
      w.sheet.merges.push({ ...w.rect });
    }, 'merge');
  }

  select(): void {
    this.op(() => {
      const w = this.where();
      if (this.fake.activeSheetId !== w.sheet.id) {
        throw new FakeExcelError('InvalidSelection', 'cannot select a range on a sheet that is not active');
      }
      this.fake.selection = { sheetId: w.sheet.id, address: printRect(w.rect) };
    }, 'select');
  }

  forEachCell(w: Where, f: (c: FakeCell, row: number, col: number) => void): void {
    for (const [row, col] of rectCells(w.rect)) f(this.fake.cellAt(w.sheet, row, col), row, col);
  }

  /** uniform value of a per-cell property, or null */
  uniform<T>(f: (c: FakeCell | undefined) => T): T | null {
    const w = this.where();
    let first: T | undefined;
    let init = false;
    for (const [row, col] of rectCells(w.rect)) {
      const v = f(this.fake.peekCell(w.sheet, row, col));
      if (!init) {
        first = v;
        init = true;
      } else if (v !== first) return null;
    }
    return first ?? null;
  }
}

class FormatP extends FakeProxy implements XlRangeFormat {
  protected override apiClass(): string {
    return 'RangeFormat';
  }
  readonly fill: XlRangeFormat['fill'];
  readonly font: XlRangeFormat['font'];
  readonly borders: XlRangeFormat['borders'];
  readonly protection: { locked: boolean };

  constructor(
    ctx: Ctx,
    private readonly range: RangeP,
  ) {
    super(ctx);
    this.fill = new FillP(ctx, range);
    this.font = new FontP(ctx, range);
    const edit = (f: (c: FakeCell, row: number, col: number, w: Where) => void): void =>
      range.editCells('format', (w) => range.forEachCell(w, (c, row, col) => f(c, row, col, w)));
    this.borders = {
      getItem: (index): XlBorder => {
        const border = {
          set style(v: string) {
            edit((c, row, col, w) => {
              const r = w.rect;
              const apply =
                index === 'EdgeTop'
                  ? row === r.row
                  : index === 'EdgeBottom'
                    ? row === r.row + r.rows - 1
                    : index === 'EdgeLeft'
                      ? col === r.col
                      : index === 'EdgeRight'
                        ? col === r.col + r.cols - 1
                        : index === 'InsideHorizontal'
                          ? row < r.row + r.rows - 1
                          : col < r.col + r.cols - 1;
              if (apply) c.format.borders[index] = v;
            });
          },
          get style(): string {
            throw new FakeExcelError('PropertyNotLoaded', 'fake: border style reads are not modelled');
          },
          set color(_v: string) {
            // colour is not modelled
          },
          get color(): string {
            throw new FakeExcelError('PropertyNotLoaded', 'fake: border colour reads are not modelled');
          },
        };
        return border;
      },
    };
    const locked = (v: boolean): void =>
      range.editCells('format', (w) => range.forEachCell(w, (c) => (c.format.locked = v)));
    this.protection = {
      set locked(v: boolean) {
        locked(v);
      },
      get locked(): boolean {
        throw new FakeExcelError('PropertyNotLoaded', 'fake: protection.locked reads are not modelled');
      },
    };
  }

  exists(): boolean {
    return this.range.exists();
  }
  protected scalarNames(): readonly string[] {
    return ['horizontalAlignment', 'verticalAlignment', 'wrapText', 'columnWidth', 'rowHeight'];
  }
  protected scalar(name: string): unknown {
    const { sheet, rect } = this.range.where();
    switch (name) {
      case 'horizontalAlignment':
        return this.range.uniform((c) => c?.format.hAlign ?? 'General');
      case 'verticalAlignment':
        return this.range.uniform((c) => c?.format.vAlign ?? 'Bottom');
      case 'wrapText':
        return this.range.uniform((c) => c?.format.wrap ?? false);
      case 'columnWidth': {
        const ws = Array.from(
          { length: Math.min(rect.cols, 100) },
          (_, j) => sheet.colWidths.get(rect.col + j) ?? 48,
        );
        return ws.every((w) => w === ws[0]) ? ws[0] : null;
      }
      default: {
        const hs = Array.from(
          { length: Math.min(rect.rows, 100) },
          (_, i) => sheet.rowHeights.get(rect.row + i) ?? 15,
        );
        return hs.every((h) => h === hs[0]) ? hs[0] : null;
      }
    }
  }

  private cells(f: (c: FakeCell) => void): void {
    this.range.editCells('format', (w) => this.range.forEachCell(w, f));
  }

  get horizontalAlignment(): string {
    return this.read('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this.cells((c) => (c.format.hAlign = v));
  }
  get verticalAlignment(): string {
    return this.read('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this.cells((c) => (c.format.vAlign = v));
  }
  get wrapText(): boolean {
    return this.read('wrapText');
  }
  set wrapText(v: boolean) {
    this.cells((c) => (c.format.wrap = v));
  }
  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set columnWidth(v: number) {
    this.op(() => {
      const { sheet, rect } = this.range.where();
      for (let j = 0; j < rect.cols; j++) sheet.colWidths.set(rect.col + j, v);
    });
  }
  get rowHeight(): number {
    return this.read('rowHeight');
  }
  set rowHeight(v: number) {
    this.op(() => {
      const { sheet, rect } = this.range.where();
      for (let i = 0; i < rect.rows; i++) sheet.rowHeights.set(rect.row + i, v);
    });
  }
}

class FillP extends FakeProxy {
  protected override apiClass(): string {
    return 'RangeFill';
  }
  constructor(
    ctx: Ctx,
    private readonly range: RangeP,
  ) {
    super(ctx);
  }
  exists(): boolean {
    return this.range.exists();
  }
  protected scalarNames(): readonly string[] {
    return ['color'];
  }
  protected scalar(): unknown {
    // Office.js reports "#FFFFFF" for no fill
    return this.range.uniform((c) => (c?.format.fill ?? '#FFFFFF').toUpperCase());
  }
  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.range.editCells('format', (w) =>
      this.range.forEachCell(w, (c) => (c.format.fill = v.toUpperCase())),
    );
  }
  clear(): void {
    this.range.editCells('format', (w) => this.range.forEachCell(w, (c) => delete c.format.fill));
  }
}

class FontP extends FakeProxy {
  protected override apiClass(): string {
    return 'RangeFont';
  }
  constructor(
    ctx: Ctx,
    private readonly range: RangeP,
  ) {
    super(ctx);
  }
  exists(): boolean {
    return this.range.exists();
  }
  protected scalarNames(): readonly string[] {
    return ['bold', 'italic', 'size', 'color', 'name'];
  }
  protected scalar(name: string): unknown {
    return this.range.uniform((c) => {
      const f = c?.format ?? defaultFormat();
      return name === 'bold'
        ? f.bold
        : name === 'italic'
          ? f.italic
          : name === 'size'
            ? f.size
            : name === 'color'
              ? f.color
              : f.fontName;
    });
  }
  private cells(f: (c: FakeCell) => void): void {
    this.range.editCells('format', (w) => this.range.forEachCell(w, f));
  }
  get bold(): boolean {
    return this.read('bold');
  }
  set bold(v: boolean) {
    this.cells((c) => (c.format.bold = v));
  }
  get italic(): boolean {
    return this.read('italic');
  }
  set italic(v: boolean) {
    this.cells((c) => (c.format.italic = v));
  }
  get size(): number {
    return this.read('size');
  }
  set size(v: number) {
    this.cells((c) => (c.format.size = v));
  }
  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.cells((c) => (c.format.color = v.toUpperCase()));
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.cells((c) => (c.format.fontName = v));
  }
}

class DataValidationP extends FakeProxy implements XlDataValidation {
  protected override apiClass(): string {
    return 'DataValidation';
  }
  constructor(
    ctx: Ctx,
    private readonly range: RangeP,
  ) {
    super(ctx);
  }
  exists(): boolean {
    return this.range.exists();
  }
  protected scalarNames(): readonly string[] {
    return ['rule', 'errorAlert', 'prompt', 'ignoreBlanks'];
  }
  protected scalar(name: string): unknown {
    const v = this.range.uniform((c) => c?.validation);
    if (name === 'rule') return v?.rule ?? {};
    if (name === 'errorAlert') return v?.errorAlert ?? {};
    if (name === 'prompt') return v?.prompt ?? {};
    return true;
  }
  private edit(f: (v: FakeValidation) => void, create: boolean): void {
    this.range.sheetOp((w) => {
      this.range.forEachCell(w, (c) => {
        if (!c.validation) {
          if (!create) throw new FakeExcelError('InvalidOperation', 'set the validation rule first');
          c.validation = { rule: {} };
        }
        f(c.validation);
      });
    }, 'dataValidation');
  }
  get rule(): XlDataValidationRule {
    return this.read('rule');
  }
  set rule(v: XlDataValidationRule) {
    const keys = Object.keys(v);
    if (keys.length !== 1)
      throw new FakeExcelError('InvalidArgument', 'a validation rule has exactly one kind');
    this.edit((x) => (x.rule = JSON.parse(JSON.stringify(v)) as XlDataValidationRule), true);
  }
  get errorAlert(): XlDataValidation['errorAlert'] {
    return this.read('errorAlert');
  }
  set errorAlert(v: XlDataValidation['errorAlert']) {
    this.edit((x) => (x.errorAlert = { ...v }), false);
  }
  get prompt(): XlDataValidation['prompt'] {
    return this.read('prompt');
  }
  set prompt(v: XlDataValidation['prompt']) {
    this.edit((x) => (x.prompt = { ...v }), false);
  }
  get ignoreBlanks(): boolean {
    return this.read('ignoreBlanks');
  }
  set ignoreBlanks(v: boolean) {
    void v;
    this.edit(() => undefined, false);
  }
}

// -- conditional formats ------------------------------------------------------------------------

class CfCollectionP extends FakeProxy implements XlConditionalFormatCollection {
  protected override apiClass(): string {
    return 'ConditionalFormatCollection';
  }
  private loadedItems: CfP[] | undefined;

  constructor(
    ctx: Ctx,
    private readonly range: RangeP,
  ) {
    super(ctx);
  }
  exists(): boolean {
    return this.range.exists();
  }
  protected scalarNames(): readonly string[] {
    return [];
  }
  protected scalar(name: string): unknown {
    throw new FakeExcelError('PropertyNotFound', name);
  }
  override doLoad(paths: readonly string[]): void {
    this.fake.requireApi('1.6', 'conditionalFormats');
    const { sheet, rect } = this.range.where();
    // an item is the i-th rule of the collection when it is used, unless its id was loaded
    const current = (): number[] =>
      sheet.cfs
        .filter((cf) => intersects(cf.rect, rect))
        .sort((a, b) => a.priority - b.priority)
        .map((cf) => cf.id);
    const items = current().map((_, i) => new CfP(this.ctx, sheet, () => current()[i]));
    this.loadedItems = items;
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '');
    for (const it of items) it.doLoad(itemPaths);
  }
  get items(): XlConditionalFormat[] {
    if (!this.loadedItems)
      throw new FakeExcelError('PropertyNotLoaded', 'conditionalFormats.items was not loaded');
    return this.loadedItems;
  }
  getItem(id: string): XlConditionalFormat {
    const p = new CfP(
      this.ctx,
      () => this.range.where().sheet,
      () => Number(id),
    );
    this.ctx.enqueue(() => {
      this.requireMember('getItem');
      if (!p.exists()) throw new FakeExcelError('ItemNotFound', `no conditional format ${id}`);
    });
    return p;
  }
  add(type: 'Custom'): XlConditionalFormat {
    const id = this.fake.newId();
    let sheet: FakeSheet | undefined;
    this.range.sheetOp((w) => {
      this.fake.requireApi('1.6', 'conditionalFormats');
      if (type !== 'Custom') throw new FakeExcelError('InvalidArgument', 'fake: only custom rules');
      sheet = w.sheet;
      for (const cf of w.sheet.cfs) cf.priority++;
      w.sheet.cfs.push({
        id,
        rect: { ...w.rect },
        type: 'Custom',
        formula: '',
        priority: 0,
        stopIfTrue: false,
      });
    }, 'conditionalFormats');
    return new CfP(
      this.ctx,
      () => sheet,
      () => id,
    );
  }
}

class CfP extends FakeProxy implements XlConditionalFormat {
  protected override apiClass(): string {
    return 'ConditionalFormat';
  }
  readonly custom: XlCustomConditionalFormat;
  readonly customOrNullObject: XlCustomConditionalFormat;
  private readonly sheetOf: () => FakeSheet | undefined;
  /** the rule's id, once `id` was loaded */
  private pinned: number | undefined;

  constructor(
    ctx: Ctx,
    sheet: FakeSheet | (() => FakeSheet | undefined),
    private readonly locate: () => number | undefined,
  ) {
    super(ctx);
    this.sheetOf = typeof sheet === 'function' ? sheet : () => sheet;
    this.custom = new CustomCfP(ctx, this, false);
    this.customOrNullObject = new CustomCfP(ctx, this, true);
  }
  private get ruleId(): number | undefined {
    return this.pinned ?? this.locate();
  }
  override doLoad(paths: readonly string[]): void {
    if (paths.some((p) => p === 'id')) this.pinned = this.locate();
    super.doLoad(paths);
  }
  doc(): FakeConditionalFormat {
    const id = this.ruleId;
    const cf = this.sheetOf()?.cfs.find((c) => c.id === id);
    if (!cf) throw new FakeExcelError('ItemNotFound', 'conditional format does not exist');
    return cf;
  }
  sheetDoc(): FakeSheet {
    const s = this.sheetOf();
    if (!s) throw new FakeExcelError('ItemNotFound', 'sheet does not exist');
    return s;
  }
  exists(): boolean {
    const id = this.ruleId;
    return this.sheetOf()?.cfs.some((c) => c.id === id) ?? false;
  }
  protected scalarNames(): readonly string[] {
    return ['id', 'type', 'priority', 'stopIfTrue'];
  }
  protected scalar(name: string): unknown {
    const cf = this.doc();
    if (name === 'id') return String(cf.id);
    return name === 'type' ? cf.type : name === 'priority' ? cf.priority : cf.stopIfTrue;
  }
  get id(): string {
    return this.read('id');
  }
  protected override nav(name: string): FakeProxy | undefined {
    if (name === 'custom') return this.custom as CustomCfP;
    if (name === 'customOrNullObject') return this.customOrNullObject as CustomCfP;
    return undefined;
  }
  editOp(f: (cf: FakeConditionalFormat) => void, member?: string): void {
    this.op(() => {
      if (this.sheetDoc().protection.protected)
        throw new FakeExcelError('AccessDenied', 'the sheet is protected');
      f(this.doc());
    }, member);
  }
  get type(): string {
    return this.read('type');
  }
  get priority(): number {
    return this.read('priority');
  }
  set priority(v: number) {
    this.editOp((cf) => (cf.priority = v));
  }
  get stopIfTrue(): boolean {
    return this.read('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this.editOp((cf) => (cf.stopIfTrue = v));
  }
  delete(): void {
    this.editOp((cf) => {
      const s = this.sheetDoc();
      s.cfs = s.cfs.filter((c) => c !== cf);
    }, 'delete');
  }
}

class CustomCfP extends FakeProxy implements XlCustomConditionalFormat {
  protected override apiClass(): string {
    return 'CustomConditionalFormat';
  }
  readonly rule: XlCustomConditionalFormat['rule'];
  readonly format: XlCustomConditionalFormat['format'];

  constructor(
    ctx: Ctx,
    private readonly cf: CfP,
    nullable: boolean,
  ) {
    super(ctx, nullable);
    const edit = (f: (c: FakeConditionalFormat) => void): void =>
      cf.editOp((c) => {
        if (c.type !== 'Custom') throw new FakeExcelError('InvalidOperation', 'not a custom rule');
        f(c);
      });
    this.rule = new RuleP(ctx, this, edit);
    this.format = {
      fill: {
        set color(v: string) {
          edit((c) => (c.fill = v.toUpperCase()));
        },
        get color(): string {
          throw new FakeExcelError('PropertyNotLoaded', 'fake: rule fill reads are not modelled');
        },
      },
      font: {
        set color(v: string) {
          edit((c) => (c.fontColor = v.toUpperCase()));
        },
        get color(): string {
          throw new FakeExcelError('PropertyNotLoaded', 'fake: rule font reads are not modelled');
        },
        set bold(v: boolean) {
          edit((c) => (c.bold = v));
        },
        get bold(): boolean {
          throw new FakeExcelError('PropertyNotLoaded', 'fake: rule font reads are not modelled');
        },
      },
    };
  }
  docCf(): FakeConditionalFormat {
    return this.cf.doc();
  }
  exists(): boolean {
    return this.cf.exists() && this.cf.doc().type === 'Custom';
  }
  protected scalarNames(): readonly string[] {
    return [];
  }
  protected scalar(name: string): unknown {
    throw new FakeExcelError('PropertyNotFound', name);
  }
  protected override nav(name: string): FakeProxy | undefined {
    return name === 'rule' ? (this.rule as RuleP) : undefined;
  }
}

class RuleP extends FakeProxy {
  protected override apiClass(): string {
    return 'ConditionalFormatRule';
  }
  constructor(
    ctx: Ctx,
    private readonly owner: CustomCfP,
    private readonly edit: (f: (c: FakeConditionalFormat) => void) => void,
  ) {
    super(ctx);
  }
  exists(): boolean {
    return this.owner.exists();
  }
  override doLoad(paths: readonly string[]): void {
    // the rule of a null custom format loads nothing
    if (!this.owner.exists()) return;
    super.doLoad(paths);
  }
  protected scalarNames(): readonly string[] {
    return ['formula'];
  }
  protected scalar(): unknown {
    return this.owner.docCf().formula;
  }
  get formula(): string {
    return this.read('formula');
  }
  set formula(v: string) {
    this.edit((c) => {
      if (!v.startsWith('=')) throw new FakeExcelError('InvalidArgument', 'a rule formula starts with =');
      c.formula = v;
    });
  }
}
