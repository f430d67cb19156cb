/**
 * The first worksheet of an .xlsx → its rows' first columns as text: a roster (columns A and B) or
 * last year's summary (./priorSummary.ts). The zip is opened and checked by ./zip.ts under the
 * limits (entry count, sizes, ratio, time) and every part is scanned by the well-formedness-checking
 * ./xml.ts; only the first columns are kept.
 */
import { decodeXmlBytes, decodeText, getAttr, getPrefixedAttr, scanXml, XmlError } from './xml';
import { lettersToCol } from '../sheet/address';
import { InputError } from './errors';
import { Deadline, resolveLimits, type Limits } from './limits';
import { openZip, type ZipReader } from './zip';

function part(zip: ZipReader, name: string, file: string): string | undefined {
  const bytes = zip.read(name);
  if (!bytes) return undefined;
  try {
    return decodeXmlBytes(bytes);
  } catch (e) {
    if (e instanceof XmlError) throw new InputError(file, 'part.broken', { path: name, xml: e.reason });
    throw e;
  }
}

function scan(xml: string, name: string, file: string, h: Parameters<typeof scanXml>[1]): void {
  try {
    scanXml(xml, h);
  } catch (e) {
    if (e instanceof XmlError) throw new InputError(file, 'part.broken', { path: name, xml: e.reason });
    throw e;
  }
}

/** The first worksheet's part path (workbook.xml's first <sheet>, through the workbook rels). */
function firstSheetPath(zip: ZipReader, file: string): string {
  const wb = part(zip, 'xl/workbook.xml', file);
  if (wb === undefined) throw new InputError(file, 'xlsx.invalid');
  let rid: string | undefined;
  scan(wb, 'xl/workbook.xml', file, {
    open(name, attrs) {
      if (rid === undefined && (name === 'sheet' || name.endsWith(':sheet'))) {
        rid = getPrefixedAttr(attrs, 'id');
      }
    },
  });
  const rels = part(zip, 'xl/_rels/workbook.xml.rels', file) ?? '';
  let target: string | undefined;
  scan(rels, 'xl/_rels/workbook.xml.rels', file, {
    open(name, attrs) {
      if (name === 'Relationship' && getAttr(attrs, 'Id') === rid) target = getAttr(attrs, 'Target');
    },
  });
  if (!target) throw new InputError(file, 'xlsx.noSheets');
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function sharedStrings(zip: ZipReader, file: string): string[] {
  const xml = part(zip, 'xl/sharedStrings.xml', file);
  if (xml === undefined) return [];
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let cur = '';
  scan(xml, 'xl/sharedStrings.xml', file, {
    open(name) {
      if (name === 'si') [inSi, cur] = [true, ''];
      else if (name === 't') inT = inSi;
    },
    close(name) {
      if (name === 'si') {
        inSi = false;
        out.push(cur);
      } else if (name === 't') inT = false;
    },
    text(raw, cdata) {
      if (inT) cur += decodeText(raw, cdata);
    },
  });
  return out;
}

/** Rows of the first worksheet: [column A, column B] as text (numbers as written). */
export function rosterRowsFromXlsx(bytes: Uint8Array, file: string, limits?: Partial<Limits>): string[][] {
  return firstSheetRows(bytes, file, limits, 2);
}

const colIndex = (letters: string): number => lettersToCol(letters) - 1;

/**
 * Rows of the first worksheet, the first `cols` columns as text (numbers as written in the file,
 * e.g. "0.25"); a missing cell is "". Rows without a kept cell are left out.
 */
export function firstSheetRows(
  bytes: Uint8Array,
  file: string,
  limits: Partial<Limits> | undefined,
  cols: number,
): string[][] {
  const lim = resolveLimits(limits);
  const zip = openZip(bytes, file, lim, { deadline: new Deadline(lim.maxMillis, file) });
  const sheetPath = firstSheetPath(zip, file);
  const strings = sharedStrings(zip, file);
  const xml = part(zip, sheetPath, file);
  if (xml === undefined) throw new InputError(file, 'xlsx.firstSheetMissing');
  const rows = new Map<number, string[]>();
  let cell: { row: number; col: number; type: string } | undefined;
  let text = '';
  let inValue = false;
  scan(xml, sheetPath, file, {
    open(name, attrs) {
      if (name === 'c') {
        const m = /^([A-Z]+)(\d+)$/.exec(getAttr(attrs, 'r') ?? '');
        const col = m?.[1] !== undefined ? colIndex(m[1]) : -1;
        cell =
          m && col >= 0 && col < cols
            ? { row: Number(m[2]), col, type: getAttr(attrs, 't') ?? 'n' }
            : undefined;
        text = '';
      } else if (name === 'v' || name === 't') inValue = cell !== undefined;
    },
    close(name) {
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'c' && cell) {
        const value = cell.type === 's' ? (strings[Number(text)] ?? '') : text;
        const r = rows.get(cell.row) ?? Array.from({ length: cols }, () => '');
        r[cell.col] = value;
        rows.set(cell.row, r);
        cell = undefined;
      }
    },
    text(raw, cdata) {
      if (inValue) text += decodeText(raw, cdata);
    },
  });
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}
