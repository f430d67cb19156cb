/**
 * The wanted cells of one worksheet, read from the part's UTF-8 bytes with the byte scanner
 * (./xmlBytes.ts): nothing but the wanted cells' texts is ever decoded. The rules are those of the
 * text reader it replaces (see `WorkbookReader.readCells` in ./xlsx.ts): only `<c>` elements of
 * `<row>`s of `<sheetData>` count; one `<sheetData>`; a row number or cell address that is not
 * one, a cell in the wrong row, a wanted address given twice, or an element inside a wanted cell's
 * value is refused.
 */
import { colToLetters } from '../sheet/address';
import type { Refuse } from './errors';
import { XmlError, decodeExcelEscapes } from './xml';
import { ascii, attrBytes, sameBytes, scanXmlBytes, textBytes } from './xmlBytes';

export interface RawCell {
  address: string;
  type: string;
  v: string;
  is: string;
  /** holds a formula (`<f>`) */
  formula: boolean;
  /** has a cached value (`<v>`) */
  cached: boolean;
}

const codes = (s: string): Uint8Array => Uint8Array.from(Array.from(s, (c) => c.charCodeAt(0)));
const SHEET_DATA = codes('sheetData');
const ROW = codes('row');
const C = codes('c');
const V = codes('v');
const F = codes('f');
const IS = codes('is');
const T = codes('t');
const RPH = codes('rPh');

const R = codes('r');

const is = sameBytes;
const attr = attrBytes;

/** "A1" / "$E$12" → parts (as `parseAddress` in ./xlsx.ts); undefined when not a cell address. */
type ParseAddress = (s: string) => { col: number; row: number; address: string } | undefined;

/** Excel's last column (XFD). */
const MAX_COL = 16384;

/** [start, end) of the value of the attribute named exactly `name` in [from, to); undefined if absent. */
function attrSpan(b: Uint8Array, from: number, to: number, name: Uint8Array): [number, number] | undefined {
  let i = from;
  while (i < to) {
    while (i < to && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
    const ns = i;
    while (i < to && b[i] !== 0x3d && b[i] !== 0x20 && b[i] !== 0x09 && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    const ne = i;
    while (i < to && b[i] !== 0x22 && b[i] !== 0x27) i++;
    if (i >= to) return undefined;
    const q = b[i];
    const vs = i + 1;
    let ve = vs;
    while (ve < to && b[ve] !== q) ve++;
    if (ve >= to) return undefined;
    i = ve + 1;
    if (is(b, ns, ne, name)) return [vs, ve];
  }
  return undefined;
}

/** The number in [from, to) when it is 1 to `max` plain digits, else -1. */
function digits(b: Uint8Array, from: number, to: number, max: number): number {
  if (to <= from || to - from > max) return -1;
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = (b[k] ?? 0) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A row's `r` (1 to 7 digits); undefined when it has none. */
function rowNumber(b: Uint8Array, from: number, to: number, fail: Refuse): number | undefined {
  const span = attrSpan(b, from, to, R);
  if (!span) return undefined;
  const n = digits(b, span[0], span[1], 7);
  if (n >= 0) return n;
  // written with references or spaces: as a parser reports it
  const r = attr(b, from, to, R) ?? '';
  if (!/^[0-9]{1,7}$/.test(r)) throw fail('sheet.badRow', { row: r.slice(0, 20) });
  return Number(r);
}

/** A cell's `r` as column and row (plain `B12` / `$B$12` read from the bytes); undefined when absent. */
function cellAt(
  b: Uint8Array,
  from: number,
  to: number,
  parseAddress: ParseAddress,
  fail: Refuse,
): { col: number; row: number } | undefined {
  const span = attrSpan(b, from, to, R);
  if (!span) return undefined;
  let [i] = span;
  const end = span[1];
  if (b[i] === 0x24) i++;
  let col = 0;
  const colStart = i;
  while (i < end && i - colStart < 4) {
    const c = (b[i] ?? 0) | 0x20; // lower-case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    i++;
  }
  if (b[i] === 0x24) i++;
  const row = digits(b, i, end, 8);
  if (i > colStart && col <= MAX_COL && row >= 1 && row <= 1048576) return { col, row };
  // anything else (references, spaces, out of the grid): as `parseAddress` reads the decoded text
  const r = attr(b, from, to, R) ?? '';
  const parsed = parseAddress(r);
  if (!parsed) throw fail('sheet.badCell', { cell: r.slice(0, 20) });
  return parsed;
}

/** The wanted cells of a worksheet part (UTF-8 bytes, no byte order mark), in document order. */
export function scanSheetCells(
  b: Uint8Array,
  wanted: Iterable<string>,
  parseAddress: ParseAddress,
  fail: Refuse,
): RawCell[] {
  const raw: RawCell[] = [];
  // cells are compared by number (row, column), so no text is made for the cells not wanted
  const wantedKeys = new Map<number, string>();
  for (const address of wanted) {
    const p = parseAddress(address);
    if (p) wantedKeys.set(p.row * MAX_COL + p.col - 1, p.address);
  }
  const seen = new Set<number>();
  let row = 0;
  let rowGiven = false;
  let col = 0;
  let depth = 0; // 1 in sheetData, 2 in a row, 3 in a cell
  let sheetData = 0;
  let cell: RawCell | undefined;
  let inV = false;
  let inIs = false;
  let inT = false;
  let phonetic = 0;
  scanXmlBytes(b, {
    open(n, ne, a, ae, selfClosing) {
      if (depth === 0) {
        if (!is(b, n, ne, SHEET_DATA)) return;
        if (++sheetData > 1) throw fail('sheet.twoData');
        if (!selfClosing) depth = 1;
      } else if (depth === 1) {
        if (!is(b, n, ne, ROW)) throw fail('sheet.strangeInData', { tag: ascii(b, n, ne) });
        const given = rowNumber(b, a, ae, fail);
        row = given ?? row + 1;
        rowGiven = given !== undefined;
        col = 0;
        if (!selfClosing) depth = 2;
      } else if (depth === 2) {
        if (!is(b, n, ne, C)) throw fail('sheet.strangeInRow', { tag: ascii(b, n, ne) });
        const at = cellAt(b, a, ae, parseAddress, fail);
        if (at) {
          if (rowGiven && at.row !== row)
            throw fail('sheet.cellInRow', { cell: `${colToLetters(at.col)}${at.row}`, row: String(row) });
          row = at.row;
          col = at.col;
        } else col++;
        const key = col <= MAX_COL ? row * MAX_COL + col - 1 : -1;
        const address = wantedKeys.get(key);
        if (address !== undefined) {
          if (seen.has(key)) throw fail('sheet.cellTwice', { cell: address });
          seen.add(key);
          cell = { address, type: attr(b, a, ae, T) ?? 'n', v: '', is: '', formula: false, cached: false };
        }
        if (!selfClosing) depth = 3;
        else if (cell) {
          raw.push(cell);
          cell = undefined;
        }
      } else if (cell && depth === 3) {
        if (inV || inT) throw fail('sheet.tagInValue', { tag: ascii(b, n, ne), cell: cell.address });
        if (is(b, n, ne, V)) {
          cell.cached = true;
          inV = !selfClosing;
        } else if (is(b, n, ne, F)) cell.formula = true;
        else if (is(b, n, ne, IS)) inIs = !selfClosing;
        else if (is(b, n, ne, T) && inIs && !selfClosing) inT = true;
        else if (is(b, n, ne, RPH) && !selfClosing) phonetic++;
      }
    },
    text(from, to, cdata) {
      if (!cell) return;
      if (inV) cell.v += textBytes(b, from, to, cdata);
      else if (inT && phonetic === 0) cell.is += textBytes(b, from, to, cdata);
    },
    close(n, ne) {
      if (depth === 3 && is(b, n, ne, C)) {
        depth = 2;
        if (cell) raw.push(cell);
        cell = undefined;
        inV = inIs = inT = false;
        phonetic = 0;
      } else if (depth === 2 && is(b, n, ne, ROW)) depth = 1;
      else if (depth === 1 && is(b, n, ne, SHEET_DATA)) depth = 0;
      else if (cell) {
        if (is(b, n, ne, V)) inV = false;
        else if (is(b, n, ne, T)) inT = false;
        else if (is(b, n, ne, IS)) inIs = false;
        else if (is(b, n, ne, RPH)) phonetic = Math.max(0, phonetic - 1);
      }
    },
  });
  return raw;
}

const SI = codes('si');

/**
 * The shared strings (`xl/sharedStrings.xml`, UTF-8 bytes without a byte order mark) at the
 * `wanted` indices; the others are checked (well-formed, no element inside a string) but never
 * decoded. Rich-text runs are joined; phonetic runs (`rPh`) are left out.
 */
export function scanSharedStrings(b: Uint8Array, wanted: ReadonlySet<number>): Map<number, string> {
  const out = new Map<number, string>();
  let index = 0;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let acc = '';
  scanXmlBytes(b, {
    open(n, ne, _a, _ae, selfClosing) {
      if (inT) throw new XmlError('xml.tagInString', { tag: ascii(b, n, ne) });
      if (is(b, n, ne, SI)) {
        inSi = true;
        acc = '';
      } else if (is(b, n, ne, T) && inSi && !selfClosing) inT = true;
      else if (is(b, n, ne, RPH) && !selfClosing) phonetic++;
    },
    text(from, to, cdata) {
      if (inT && phonetic === 0 && wanted.has(index)) acc += textBytes(b, from, to, cdata);
    },
    close(n, ne) {
      if (is(b, n, ne, T)) inT = false;
      else if (is(b, n, ne, RPH)) phonetic = Math.max(0, phonetic - 1);
      else if (is(b, n, ne, SI)) {
        if (wanted.has(index)) out.set(index, decodeExcelEscapes(acc));
        index++;
        inSi = false;
      }
    },
  });
  return out;
}
