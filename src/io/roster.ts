/**
 * The area's roster of units (`tieuchi consolidate --roster FILE`), read as untrusted input under
 * the same limits as every other file: a CSV (UTF-8 with or without BOM; comma, semicolon or tab)
 * or the first worksheet of an .xlsx (./rosterXlsx.ts). One unit per row: its name in the first
 * column, optionally its type in the second; a header row ("Tên đơn vị", "Đơn vị", …) is skipped.
 * A name listed twice is refused (ambiguity is refused, never guessed).
 */
import type { RosterUnit } from '../sheet/aggregate';
import { InputError } from './errors';

/** Rows of a CSV text (RFC 4180 quotes; the delimiter is the first of `,` `;` tab on the first line). */
export function parseCsv(text: string): string[][] {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delim = [',', ';', '\t'].find((d) => first.includes(d)) ?? ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delim) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const clean = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const HEADER = /^(stt|tt|tên|tên đơn vị|đơn vị|unit|name|tên địa bàn|địa bàn)$/i;

/** Rows (first column: name, second: type) → roster units; header and empty rows skipped. */
export function rosterFromRows(rows: readonly (readonly string[])[], file: string): RosterUnit[] {
  const out: RosterUnit[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const unit = clean(r[0] ?? '');
    const unitType = clean(r[1] ?? '');
    if (!unit) return;
    if (i === 0 && HEADER.test(unit)) return;
    const key = `${unit.toLocaleLowerCase('vi')}\u0000${unitType.toLocaleLowerCase('vi')}`;
    const prev = seen.get(key);
    if (prev !== undefined) {
      throw new InputError(file, 'roster.twice', {
        unit: unit.slice(0, 80),
        first: String(prev),
        second: String(i + 1),
      });
    }
    seen.set(key, i + 1);
    out.push({ unit, unitType });
  });
  if (!out.length) throw new InputError(file, 'roster.empty');
  return out;
}

/** CSV bytes → text (UTF-8 only; a BOM is dropped). */
export function decodeCsv(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError(file, 'file.empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(file, 'csv.utf16');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(file, 'csv.notUtf8');
  }
}
