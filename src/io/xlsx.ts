/**
 * Fast, bounded reading of the defined-name cells of an untrusted .xlsx workbook.
 *
 * Only what the product needs is parsed: the package relationships, `xl/workbook.xml` (sheets,
 * defined names, the 1904 date flag), the workbook relationships, the worksheets that single-cell
 * names point to (stopping once every wanted cell is found) and, when a wanted cell holds a shared
 * string, the shared strings. Values are the cached cell values (formula results included); dates
 * stay Excel serial numbers.
 *
 * No Node built-ins here: the add-in reads picked files with `readWorkbookBuffer` in the browser.
 * Reading from disk (`readWorkbookFile`) lives in ./files.ts (Node only).
 */
import { excelDate } from '../engine/dates';
import type { CellValue } from '../engine/values';
import { InputError, reason, toInputError, type ReasonArgs, type Refuse } from './errors';
import { Deadline, Limits, resolveLimits } from './limits';
import { scanSharedStrings, scanSheetCells, type RawCell } from './sheetCells';
import { ZipOptions, ZipReader, openZip } from './zip';
import { XmlError, decodeExcelEscapes, utf8Part } from './xml';
import {
  ascii,
  attrBytes,
  textBytes,
  prefixedAttrBytes,
  sameBytes,
  scanXmlBytes,
  type ByteHandler,
} from './xmlBytes';

const codes = (s: string): Uint8Array => Uint8Array.from(Array.from(s, (c) => c.charCodeAt(0)));
const WORKBOOK = codes('workbook');
const SHEET = codes('sheet');
const WORKBOOK_PR = codes('workbookPr');
const CALC_PR = codes('calcPr');
const DEFINED_NAME = codes('definedName');
const NAME = codes('name');
const ID = codes('id');
const DATE1904 = codes('date1904');
const FULL_CALC = codes('fullCalcOnLoad');
const LOCAL_SHEET_ID = codes('localSheetId');
const RELATIONSHIP = codes('Relationship');
const TARGET_MODE = codes('TargetMode');
const ID_ATTR = codes('Id');
const TYPE = codes('Type');
const TARGET = codes('Target');

export interface CellRef {
  sheet: string;
  /** A1-style address without `$`, e.g. "E12". */
  address: string;
}

export interface WorkbookData {
  file: string;
  sheetNames: string[];
  /**
   * Every workbook- or sheet-scoped defined name that points at a single cell → that cell's cached
   * value (null when empty). Keys are lower-case (Excel names are case-insensitive); a
   * workbook-scoped name wins over a sheet-scoped one of the same name.
   */
  names: Map<string, CellValue>;
  nameRefs: Map<string, CellRef>;
  /** The workbook uses the 1904 date system (serials are 1462 days smaller than in 1900). */
  date1904: boolean;
  /**
   * Names whose cell holds a formula whose cached value cannot be trusted: there is none, or the
   * workbook asks to recalculate everything on load (`fullCalcOnLoad`). Such a value is not what
   * the spreadsheet shows; the file must be opened in Excel/LibreOffice and saved again.
   */
  stale?: ReadonlySet<string>;
  /** Names (lower-case) that point at a deleted cell (`#REF!`). */
  brokenNames?: ReadonlySet<string>;
  /** The workbook asks to recalculate every formula on load (`<calcPr fullCalcOnLoad="1">`). */
  fullCalcOnLoad?: boolean;
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;

export interface ReadOptions extends Pick<ZipOptions, 'onInflate' | 'codec'> {
  /** Injected clock for the time limit (tests). */
  now?: () => number;
}

interface SheetInfo {
  name: string;
  /** Zip path of the worksheet part, when it is a worksheet. */
  path: string | undefined;
  /** The workbook lists the sheet but has no relationship to its part. */
  broken: boolean;
}

interface ReadCell {
  value: CellValue;
  formula: boolean;
  cached: boolean;
}

interface RawName {
  name: string;
  localSheetId: number | undefined;
  formula: string;
}

/** Read a workbook held in memory. Throws InputError (naming `file`) for anything unreadable. */
export function readWorkbookBuffer(
  buf: Uint8Array,
  file: string,
  limits?: Partial<Limits>,
  options: ReadOptions = {},
): WorkbookData {
  const lim = resolveLimits(limits);
  const deadline = new Deadline(lim.maxMillis, file, options.now);
  try {
    const zip = openZip(buf, file, lim, { onInflate: options.onInflate, codec: options.codec, deadline });
    return new WorkbookReader(zip, file, deadline).read();
  } catch (e) {
    throw toInputError(e, file);
  }
}

class WorkbookReader {
  /** shared strings decoded so far, by index (./loadSharedStrings) */
  private readonly sharedStrings = new Map<number, string>();
  private readonly sharedRequested = new Set<number>();
  /** the shared strings part, inflated once (null: listed but absent) */
  private sharedBytes: Uint8Array | null | undefined;
  private date1904 = false;
  private sharedStringsPath: string | undefined;

  constructor(
    private readonly zip: ZipReader,
    private readonly file: string,
    private readonly deadline: Deadline,
  ) {}

  read(): WorkbookData {
    const workbookPath = this.findWorkbookPath();
    const { sheets: rawSheets, names: rawNames, date1904, fullCalcOnLoad } = this.parseWorkbook(workbookPath);
    this.date1904 = date1904;
    const rels = this.parseRels(relsPathOf(workbookPath), dirOf(workbookPath));
    const sheetNames = new Set<string>();
    for (const s of rawSheets) {
      const key = s.name.toLowerCase();
      if (sheetNames.has(key)) throw this.fail('xlsx.sameSheetNames', { sheet: s.name.slice(0, 60) });
      sheetNames.add(key);
    }
    const sheets: SheetInfo[] = rawSheets.map((s) => {
      const rel = s.rid !== undefined ? rels.get(s.rid) : undefined;
      if (!rel) return { name: s.name, path: undefined, broken: true };
      return { name: s.name, path: rel.type === 'worksheet' ? rel.target : undefined, broken: false };
    });
    for (const rel of rels.values()) if (rel.type === 'sharedStrings') this.sharedStringsPath = rel.target;
    if (this.sharedStringsPath === undefined && this.zip.has('xl/sharedStrings.xml')) {
      this.sharedStringsPath = 'xl/sharedStrings.xml';
    }

    // Resolve single-cell names; workbook scope wins over sheet scope.
    const nameRefs = new Map<string, CellRef>();
    const scopeOf = new Map<string, boolean>(); // key → is workbook-scoped
    const brokenNames = new Set<string>();
    const declared = new Set<string>();
    for (const n of rawNames) {
      const key = n.name.toLowerCase();
      if (key.startsWith('_xlnm.')) continue;
      const scoped = `${n.localSheetId ?? ''}\u0000${key}`;
      if (declared.has(scoped)) {
        throw this.fail('xlsx.nameTwice', { name: n.name.slice(0, 60) });
      }
      declared.add(scoped);
      const localSheet = n.localSheetId !== undefined ? sheets[n.localSheetId]?.name : undefined;
      if (n.localSheetId !== undefined && localSheet === undefined) continue;
      const ref = parseCellRef(n.formula, localSheet);
      if (!ref) {
        if (n.formula.includes('#REF!')) brokenNames.add(key);
        continue;
      }
      const sheet = findSheet(sheets, ref.sheet);
      if (!sheet) continue;
      const global = n.localSheetId === undefined;
      const prev = scopeOf.get(key);
      if (prev === true || (prev === false && !global)) continue;
      scopeOf.set(key, global);
      nameRefs.set(key, { sheet: sheet.name, address: ref.address });
    }

    // Read the wanted cells, one worksheet at a time: sheet → address → the names that point there
    const wantedBySheet = new Map<string, Map<string, string[]>>();
    for (const [key, ref] of nameRefs) {
      let cells = wantedBySheet.get(ref.sheet);
      if (!cells) wantedBySheet.set(ref.sheet, (cells = new Map<string, string[]>()));
      const keys = cells.get(ref.address);
      if (keys) keys.push(key);
      else cells.set(ref.address, [key]);
    }
    const valueOf = new Map<string, CellValue>();
    const staleKeys = new Set<string>();
    for (const [sheetName, cells] of wantedBySheet) {
      const sheet = findSheet(sheets, sheetName);
      if (sheet?.broken) throw this.fail('xlsx.sheetMissing', { sheet: sheet.name });
      if (!sheet || sheet.path === undefined) continue;
      const found = this.readCells(sheet.path, sheet.name, cells);
      for (const [address, keys] of cells) {
        const cell = found.get(address);
        const isStale = cell?.formula === true && (fullCalcOnLoad || !cell.cached);
        for (const key of keys) {
          valueOf.set(key, cell?.value ?? null);
          if (isStale) staleKeys.add(key);
        }
      }
    }
    // in the order the workbook declares them; a name on a chart sheet or a missing part is dropped
    const names = new Map<string, CellValue>();
    const stale = new Set<string>();
    for (const key of nameRefs.keys()) {
      const v = valueOf.get(key);
      if (v !== undefined) names.set(key, v);
      else nameRefs.delete(key);
      if (staleKeys.has(key)) stale.add(key);
    }
    for (const key of names.keys()) brokenNames.delete(key);
    return {
      file: this.file,
      sheetNames: sheets.map((s) => s.name),
      names,
      nameRefs,
      date1904,
      stale,
      brokenNames,
      fullCalcOnLoad,
    };
  }

  private fail(...why: ReasonArgs): InputError {
    return new InputError(this.file, ...why);
  }

  private xmlError(path: string, e: unknown): unknown {
    return e instanceof XmlError ? this.fail('part.badXml', { path, xml: e.reason }) : e;
  }

  /**
   * Scans a part on its UTF-8 bytes (./xmlBytes.ts; UTF-16 is re-encoded by `utf8Part`) with the
   * handler `make` builds for those bytes; false when the package has no such part.
   */
  private scanPart(path: string, make: (b: Uint8Array) => ByteHandler): boolean {
    const bytes = this.zip.read(path);
    if (bytes === undefined) return false;
    try {
      const b = utf8Part(bytes);
      scanXmlBytes(b, make(b));
    } catch (e) {
      throw this.xmlError(path, e);
    }
    this.deadline.check();
    return true;
  }

  private findWorkbookPath(): string {
    const rels = this.zip.has('_rels/.rels') ? this.parseRels('_rels/.rels', '') : undefined;
    if (rels)
      for (const r of rels.values())
        if (r.type === 'officeDocument' && this.zip.has(r.target)) return r.target;
    if (this.zip.has('xl/workbook.xml')) return 'xl/workbook.xml';
    if (this.zip.has('word/document.xml')) throw this.fail('xlsx.docx');
    if (this.zip.has('ppt/presentation.xml')) {
      throw this.fail('xlsx.pptx');
    }
    if (this.zip.has('content.xml')) {
      throw this.fail('xlsx.odf');
    }
    throw this.fail('xlsx.noWorkbook');
  }

  private parseWorkbook(path: string): {
    sheets: { name: string; rid: string | undefined }[];
    names: RawName[];
    date1904: boolean;
    fullCalcOnLoad: boolean;
  } {
    const sheets: { name: string; rid: string | undefined }[] = [];
    const names: RawName[] = [];
    let date1904 = false;
    let fullCalcOnLoad = false;
    let current: RawName | undefined;
    let sawWorkbook = false;
    const flag = (v: string | undefined): boolean => v === '1' || v === 'true';
    const found = this.scanPart(path, (b) => ({
      open(n, ne, a, ae, selfClosing) {
        if (sameBytes(b, n, ne, WORKBOOK)) sawWorkbook = true;
        else if (sameBytes(b, n, ne, SHEET)) {
          sheets.push({ name: attrBytes(b, a, ae, NAME) ?? '', rid: prefixedAttrBytes(b, a, ae, ID) });
        } else if (sameBytes(b, n, ne, WORKBOOK_PR)) date1904 = flag(attrBytes(b, a, ae, DATE1904));
        else if (sameBytes(b, n, ne, CALC_PR)) fullCalcOnLoad = flag(attrBytes(b, a, ae, FULL_CALC));
        else if (current) {
          throw new XmlError('xml.tagInName', { tag: ascii(b, n, ne), name: current.name });
        } else if (sameBytes(b, n, ne, DEFINED_NAME) && !selfClosing) {
          const id = attrBytes(b, a, ae, LOCAL_SHEET_ID);
          const local = id !== undefined && /^[0-9]{1,5}$/.test(id) ? Number(id) : undefined;
          current = { name: attrBytes(b, a, ae, NAME) ?? '', localSheetId: local, formula: '' };
        }
      },
      text(from, to, cdata) {
        if (current) current.formula += textBytes(b, from, to, cdata);
      },
      close(n, ne) {
        if (current && sameBytes(b, n, ne, DEFINED_NAME)) {
          if (current.name) names.push(current);
          current = undefined;
        }
      },
    }));
    if (!found) throw this.fail('xlsx.partMissing', { path });
    if (!sawWorkbook) throw this.fail('xlsx.notWorkbook', { path });
    return { sheets, names, date1904, fullCalcOnLoad };
  }

  /** Relationships of a part: id → { type (last segment of the type URI), resolved target }. */
  private parseRels(path: string, baseDir: string): Map<string, { type: string; target: string }> {
    const out = new Map<string, { type: string; target: string }>();
    this.scanPart(path, (b) => ({
      open(n, ne, a, ae) {
        if (!sameBytes(b, n, ne, RELATIONSHIP)) return;
        if (attrBytes(b, a, ae, TARGET_MODE) === 'External') return;
        const id = attrBytes(b, a, ae, ID_ATTR);
        const type = attrBytes(b, a, ae, TYPE) ?? '';
        const target = attrBytes(b, a, ae, TARGET);
        if (id === undefined || target === undefined) return;
        const resolved = resolvePath(baseDir, target);
        if (out.has(id)) throw new XmlError('xml.duplicateRelId', { id: id.slice(0, 40) });
        if (resolved !== undefined)
          out.set(id, { type: type.slice(type.lastIndexOf('/') + 1), target: resolved });
      },
      close() {},
      text() {},
    }));
    return out;
  }

  /**
   * Makes the shared strings at `need` available in `this.sharedStrings`: the part is inflated once
   * and scanned on its bytes, decoding only the strings asked for (./sheetCells.ts). Indices asked
   * for before are not scanned again.
   */
  private loadSharedStrings(need: ReadonlySet<number>): void {
    const missing = new Set([...need].filter((i) => !this.sharedRequested.has(i)));
    const path = this.sharedStringsPath;
    if (missing.size === 0 || path === undefined) return;
    for (const i of missing) this.sharedRequested.add(i);
    this.sharedBytes ??= this.zip.read(path) ?? null;
    if (this.sharedBytes === null) return;
    try {
      for (const [i, text] of scanSharedStrings(utf8Part(this.sharedBytes), missing))
        this.sharedStrings.set(i, text);
    } catch (e) {
      throw this.xmlError(path, e);
    }
    this.deadline.check();
  }

  /**
   * The wanted cells (the keys of `wanted`: addresses upper-case, no `$`) of one worksheet: cached value, and whether the
   * cell holds a formula and has a cached result — scanned on the part's bytes (./sheetCells.ts),
   * decoding only the wanted cells.
   */
  private readCells(
    path: string,
    sheetName: string,
    wanted: ReadonlyMap<string, unknown>,
  ): Map<string, ReadCell> {
    const bytes = this.zip.read(path);
    if (bytes === undefined) throw this.fail('xlsx.sheetPartMissing', { path, sheet: sheetName });
    const fail: Refuse = (...why) => this.fail('xlsx.inSheet', { sheet: sheetName, why: reason(...why) });
    let raw: RawCell[];
    try {
      raw = scanSheetCells(utf8Part(bytes), wanted.keys(), parseAddress, fail);
    } catch (e) {
      throw this.xmlError(path, e);
    }
    this.deadline.check();
    const shared = new Set<number>();
    for (const c of raw) {
      const t = c.type === 's' ? c.v.trim() : '';
      if (/^[0-9]{1,9}$/.test(t)) shared.add(Number(t));
    }
    this.loadSharedStrings(shared);
    const found = new Map<string, ReadCell>();
    for (const c of raw) {
      const value = this.cellValue(c.type, c.v, c.is);
      if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
        throw fail('xlsx.longCell', { cell: c.address, length: value.length, max: MAX_CELL_CHARS });
      }
      found.set(c.address, { value, formula: c.formula, cached: c.cached });
    }
    return found;
  }

  private cellValue(type: string, v: string, is: string): CellValue {
    switch (type) {
      case 's': {
        const t = v.trim();
        if (!/^[0-9]{1,9}$/.test(t)) return null;
        return this.sharedStrings.get(Number(t)) ?? null;
      }
      case 'inlineStr':
        return decodeExcelEscapes(is);
      case 'str':
        return decodeExcelEscapes(v);
      case 'b':
        return v.trim() === '1' || v.trim().toLowerCase() === 'true';
      case 'e':
        return v.trim();
      case 'd': {
        // an ISO date is the same day in either date system; serials here are the workbook's own
        const s = isoDateTimeToSerial(v.trim());
        if (s === undefined) return v.trim() === '' ? null : v.trim();
        return this.date1904 ? s - DAYS_1904_OFFSET : s;
      }
      default: {
        const t = v.trim();
        if (t === '') return null;
        const num = Number(t);
        return Number.isFinite(num) ? num : t;
      }
    }
  }
}

/** "A1" / "$E$12" → parts; undefined when not a cell address inside Excel's grid. */
export function parseAddress(s: string): { col: number; row: number; address: string } | undefined {
  let i = 0;
  const len = s.length;
  if (s.charCodeAt(i) === 0x24) i++;
  let col = 0;
  const colStart = i;
  while (i < len && i - colStart < 4) {
    const c = s.charCodeAt(i) | 0x20; // lower-case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    i++;
  }
  if (i === colStart || col > 16384) return undefined;
  const letters = s.slice(colStart, i).toUpperCase();
  if (s.charCodeAt(i) === 0x24) i++;
  const rowStart = i;
  let row = 0;
  while (i < len && i - rowStart < 8) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    row = row * 10 + (c - 0x30);
    i++;
  }
  if (i === rowStart || i !== len || row < 1 || row > 1048576) return undefined;
  return { col, row, address: letters + row };
}

/**
 * A defined name's formula → the single cell it points at, or undefined (ranges, formulas,
 * constants, external or 3-D references, `#REF!`). Accepts `'Tiêu chí'!$E$12`, `Sheet1!E12`,
 * `Sheet1!$E$12:$E$12`, and `$E$12` for a sheet-scoped name.
 */
export function parseCellRef(
  formula: string,
  localSheet?: string,
): { sheet: string; address: string } | undefined {
  let f = formula.trim();
  if (f.startsWith('=')) f = f.slice(1).trim();
  if (f.length === 0 || f.length > 300 || f.includes('#REF!')) return undefined;
  let sheet: string | undefined;
  let rest: string;
  if (f.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      const q = f.indexOf("'", i);
      if (q < 0) return undefined;
      name += f.slice(i, q);
      if (f[q + 1] === "'") {
        name += "'";
        i = q + 2;
        continue;
      }
      i = q + 1;
      break;
    }
    if (f[i] !== '!') return undefined;
    sheet = name;
    rest = f.slice(i + 1);
  } else {
    const bang = f.lastIndexOf('!');
    if (bang >= 0) {
      sheet = f.slice(0, bang);
      rest = f.slice(bang + 1);
    } else {
      rest = f;
    }
  }
  if (sheet !== undefined) {
    // External ([1]Sheet1), 3-D (Sheet1:Sheet3) and malformed sheet parts are not single cells.
    if (sheet.length === 0 || sheet.startsWith('[') || sheet.includes(':')) return undefined;
    if (!f.startsWith("'") && /[\s'()+\-*/&,;"=<>^%]/.test(sheet)) return undefined;
  }
  const colon = rest.indexOf(':');
  const a = parseAddress(colon < 0 ? rest : rest.slice(0, colon));
  if (!a) return undefined;
  if (colon >= 0) {
    const b = parseAddress(rest.slice(colon + 1));
    if (!b || a.address !== b.address) return undefined;
  }
  const target = sheet ?? localSheet;
  if (target === undefined) return undefined;
  return { sheet: target, address: a.address };
}

function findSheet(sheets: readonly SheetInfo[], name: string): SheetInfo | undefined {
  const exact = sheets.find((s) => s.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return sheets.find((s) => s.name.toLowerCase() === lower);
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

function relsPathOf(path: string): string {
  const dir = dirOf(path);
  return `${dir}_rels/${path.slice(dir.length)}.rels`;
}

/** Resolve a relationship target against the source part's folder; undefined if it escapes the package. */
function resolvePath(baseDir: string, target: string): string | undefined {
  const t = target.replace(/\\/g, '/');
  const full = t.startsWith('/') ? t.slice(1) : baseDir + t;
  const out: string[] = [];
  for (const seg of full.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  try {
    return decodeURIComponent(out.join('/'));
  } catch {
    return out.join('/');
  }
}

/** Serial(1900 system) − serial(1904 system) of the same day. */
const DAYS_1904_OFFSET = excelDate(1904, 1, 1);

/** ISO 8601 date or date-time (cell type `d`) → Excel serial (1900 system); undefined if malformed. */
function isoDateTimeToSerial(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d{1,9})?))?Z?)?$/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  if (y < 1900) return undefined;
  const serial = excelDate(y, mo, d);
  const frac = ((Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) * 60 + Number(m[6] ?? 0)) / 86_400;
  return serial + frac;
}
