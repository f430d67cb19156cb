import { looksLikeCellRef } from '../pack/workbookNames';

/** A1-style addresses: parsing and printing. Pure. Rows and columns are 1-based. */

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function colToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** "B7" or "B7:D9" (with or without $) → rectangle; undefined when not a cell/area address. */
export function parseArea(address: string): Rect | undefined {
  const [a = '', b, extra] = address.split(':');
  if (extra !== undefined) return undefined;
  const [, l1, n1] = CELL.exec(a) ?? [];
  const [, l2, n2] = CELL.exec(b ?? a) ?? [];
  if (l1 === undefined || n1 === undefined || l2 === undefined || n2 === undefined) return undefined;
  const r1 = Number(n1);
  const r2 = Number(n2);
  const c1 = lettersToCol(l1);
  const c2 = lettersToCol(l2);
  if (r1 < 1 || r2 < 1) return undefined;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}

export function cellAddress(row: number, col: number): string {
  return `${colToLetters(col)}${row}`;
}

export function rectAddress(r: Rect): string {
  const tl = cellAddress(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? tl : `${tl}:${cellAddress(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** "B7:D9" from its corners, always with both (even for one cell). */
export function areaAddress(r1: number, c1: number, r2: number, c2: number): string {
  return `${cellAddress(r1, c1)}:${cellAddress(r2, c2)}`;
}

/** "$B$7:$D$9" from its corners, always with both. */
export function absoluteArea(r1: number, c1: number, r2: number, c2: number): string {
  return `${absoluteCell(r1, c1)}:${absoluteCell(r2, c2)}`;
}

/** "$B$7" */
export function absoluteCell(row: number, col: number): string {
  return `$${colToLetters(col)}$${row}`;
}

/** "$B$7" or "$B$7:$D$9" */
export function absoluteAddress(r: Rect): string {
  const tl = absoluteCell(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? tl : `${tl}:${absoluteCell(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/**
 * Sheet name as it appears in a reference: quoted unless a plain identifier that Excel cannot read
 * as something else. Microsoft publishes no grammar for this; the rules Excel is observed to apply
 * (XlsxWriter's notes, https://github.com/jmcnamara/XlsxWriter/issues/1078, and Microsoft KB Q60547
 * "Linking Worksheets with an R# or A$ Name") are: quote a name with any character other than a
 * letter, digit, "_" or "."; one that starts with a digit or "."; one that reads as an A1 address
 * ("A1", "XFD1048576") or as an R1C1 one ("R", "C", "RC", "R1C1", "C3"); and a logical ("TRUE").
 * Quoting a name that does not need it is always valid, so doubt quotes: every non-ASCII name
 * ("Tiêu_chí") is quoted too, and so is every letters-then-digits name up to three letters, even
 * past column XFD. Apostrophes inside are doubled.
 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeCellRef(name) && !/^(true|false)$/i.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** A reference to `address` ("$B$7", "B7:D9") on sheet `sheet`: "'Tiêu chí'!$B$7", "Sheet1!B7:D9". */
export function sheetRef(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/** "='Tiêu chí'!$D$12" or "Sheet1!D12:E13" → sheet and local address; undefined otherwise. */
export function parseReference(ref: string): { sheet: string; address: string; rect: Rect } | undefined {
  const s = ref.startsWith('=') ? ref.slice(1) : ref;
  const bang = s.lastIndexOf('!');
  if (bang < 0) return undefined;
  let sheet = s.slice(0, bang);
  const address = s.slice(bang + 1);
  if (sheet.startsWith("'")) {
    if (!sheet.endsWith("'") || sheet.length < 2) return undefined;
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const rect = parseArea(address);
  if (!rect || sheet === '') return undefined;
  return { sheet, address: rectAddress(rect), rect };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}
