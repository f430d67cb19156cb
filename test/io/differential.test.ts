/**
 * Property: for random mutations of a valid workbook's XML parts, `readWorkbookBuffer` either
 * refuses the file or reads exactly the named cells that a reader built on an independent XML
 * parser (saxes) reads. In particular, whenever saxes finds a part malformed, the product refuses
 * the file: no document a real parser rejects is ever read "somehow".
 *
 * The reference below shares with the product only what is not XML: how a defined name's formula
 * names a cell (`parseCellRef`) and Excel's `_xHHHH_` escapes. Namespace prefixes are ignored on
 * both sides (`x:c` is `c`), as documented for the product.
 */
import fc from 'fast-check';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { strToU8, zipSync } from 'fflate';
import { excelDate } from '../../src/engine/dates';
import type { CellValue } from '../../src/engine/values';
import { InputError } from '../../src/io/errors';
import { decodeExcelEscapes } from '../../src/io/xml';
import { parseAddress, parseCellRef, readWorkbookBuffer } from '../../src/io/xlsx';
import { at, entry } from '../helpers/at';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const PARTS: Record<string, string> = {
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook ${NS} ${R}><workbookPr date1904="0"/><sheets><sheet name="Tiêu chí" sheetId="1" r:id="rId1"/></sheets>
<definedNames><definedName name="ten_don_vi">'Tiêu chí'!$B$2</definedName><definedName name="so">'Tiêu chí'!$B$3</definedName><definedName name="co">'Tiêu chí'!$B$4</definedName><definedName name="ngay">'Tiêu chí'!$B$5</definedName><definedName name="kq">'Tiêu chí'!$B$6</definedName><definedName name="ghi_chu">'Tiêu chí'!$C$7</definedName></definedNames><calcPr calcId="191029"/></workbook>`,
  'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS} ${R}><sheetData><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>0</v></c></row><row r="3"><c r="B3"><v>7</v></c></row><row r="4"><c r="B4" t="b"><v>1</v></c></row><row r="5"><c r="B5" t="d"><v>2025-03-31</v></c></row><row r="6"><c r="B6" t="str"><f>"Đạt"&amp;""</f><v>Đạt &amp; &lt;tốt&gt;</v></c></row><row r="7"><c r="B7"><v>1</v></c><c t="inlineStr"><is><r><t xml:space="preserve">Ghi </t></r><r><t>chú</t></r></is></c></row></sheetData></worksheet>`,
  'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst ${NS} count="2" uniqueCount="2"><si><t>Xã An Bình</t></si><si><r><t>Tiêu</t></r><rPh sb="0" eb="1"><t>x</t></rPh><r><t> đề</t></r></si></sst>`,
};

const FIXED: Record<string, string> = {
  '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
};

function workbook(parts: Record<string, string>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries({ ...FIXED, ...parts })) files[k] = strToU8(v);
  return zipSync(files, { level: 1 });
}

// --- the reference reader (saxes) --------------------------------------------------------------

const local = (q: string): string => q.slice(q.indexOf(':') + 1);

/** Parse with saxes (throws on anything not well-formed); callbacks get local names. */
function sax(
  xml: string,
  on: {
    open?: (name: string, attrs: Record<string, string>) => void;
    close?: (name: string) => void;
    text?: (t: string) => void;
  },
): void {
  const p = new SaxesParser({ xmlns: false });
  p.on('opentag', (t: SaxesTagPlain) => on.open?.(local(t.name), t.attributes));
  p.on('closetag', (t: SaxesTagPlain) => on.close?.(local(t.name)));
  p.on('text', (t) => on.text?.(t));
  p.on('cdata', (t) => on.text?.(t));
  p.write(xml).close();
}

const DAYS_1904 = excelDate(1904, 1, 1);

/** The shared strings (parsed only when a wanted cell needs them, as the product does). */
function sharedStrings(xml: string): string[] {
  const shared: string[] = [];
  let si: string | undefined;
  let inT = false;
  let ph = 0;
  sax(xml, {
    open(n) {
      if (n === 'si') si = '';
      else if (n === 'rPh') ph++;
      else if (n === 't') inT = true;
    },
    close(n) {
      if (n === 'si' && si !== undefined) shared.push(decodeExcelEscapes(si));
      else if (n === 'rPh') ph--;
      else if (n === 't') inT = false;
    },
    text(t) {
      if (si !== undefined && inT && ph === 0) si += t;
    },
  });
  return shared;
}

function reference(parts: Record<string, string>): Map<string, CellValue> {
  // workbook: sheet names, names, date system
  const sheets: string[] = [];
  const defined: Array<{ name: string; formula: string }> = [];
  let date1904 = false;
  let cur: { name: string; formula: string } | undefined;
  sax(entry(parts, 'xl/workbook.xml'), {
    open(n, a) {
      if (n === 'sheet') sheets.push(a.name ?? '');
      else if (n === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (n === 'definedName') cur = { name: a.name ?? '', formula: '' };
    },
    text(t) {
      if (cur) cur.formula += t;
    },
    close(n) {
      if (n === 'definedName' && cur) {
        if (cur.name) defined.push(cur);
        cur = undefined;
      }
    },
  });
  // the worksheet is read only when some name points at a cell of it
  const wanted = defined
    .map((d) => parseCellRef(d.formula))
    .filter((r) => r && sheets.some((s) => s.toLowerCase() === r.sheet.toLowerCase()));
  const out = new Map<string, CellValue>();
  if (wanted.length === 0) return out;
  // cells of sheetData/row/c
  const cells = new Map<string, { t: string; v: string; is: string }>();
  let row = 0;
  let col = 0;
  let path: string[] = [];
  let cell: { t: string; v: string; is: string } | undefined;
  let phC = 0;
  sax(entry(parts, 'xl/worksheets/sheet1.xml'), {
    open(n, a) {
      path.push(n);
      const p = path.join('/');
      if (p === 'worksheet/sheetData/row') {
        row = a.r !== undefined ? Number(a.r) : row + 1;
        col = 0;
      } else if (p === 'worksheet/sheetData/row/c') {
        const addr = a.r !== undefined ? parseAddress(a.r) : undefined;
        if (addr) {
          row = addr.row;
          col = addr.col;
        } else col++;
        const address = addr ? addr.address : colLetters(col) + row;
        cell = { t: a.t ?? 'n', v: '', is: '' };
        if (!cells.has(address)) cells.set(address, cell);
      } else if (n === 'rPh') phC++;
    },
    close(n) {
      if (n === 'rPh') phC--;
      if (path.join('/') === 'worksheet/sheetData/row/c') cell = undefined;
      path = path.slice(0, -1);
    },
    text(t) {
      if (!cell) return;
      const p = path.join('/');
      if (p.endsWith('/c/v')) cell.v += t;
      else if (p.endsWith('/c/is/t') || (p.endsWith('/c/is/r/t') && phC === 0)) cell.is += t;
    },
  });
  let shared: string[] | undefined;
  const strings = (): string[] => (shared ??= sharedStrings(entry(parts, 'xl/sharedStrings.xml')));
  for (const d of defined) {
    const ref = parseCellRef(d.formula);
    if (!ref || !sheets.some((s) => s.toLowerCase() === ref.sheet.toLowerCase())) continue;
    const c = cells.get(ref.address);
    out.set(d.name.toLowerCase(), c ? value(c, strings, date1904) : null);
  }
  return out;
}

function colLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function value(
  c: { t: string; v: string; is: string },
  shared: () => string[],
  date1904: boolean,
): CellValue {
  const v = c.v.trim();
  switch (c.t) {
    case 's':
      return /^[0-9]{1,9}$/.test(v) ? (shared()[Number(v)] ?? null) : null;
    case 'inlineStr':
      return decodeExcelEscapes(c.is);
    case 'str':
      return decodeExcelEscapes(c.v);
    case 'b':
      return v === '1' || v.toLowerCase() === 'true';
    case 'e':
      return v;
    case 'd': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return v === '' ? null : v;
      const serial = excelDate(Number(m[1]), Number(m[2]), Number(m[3]));
      return date1904 ? serial - DAYS_1904 : serial;
    }
    default: {
      if (v === '') return null;
      const num = Number(v);
      return Number.isFinite(num) ? num : v;
    }
  }
}

// --- mutations -----------------------------------------------------------------------------------

const TOKENS = [
  '<!DOCTYPE x [<!ENTITY e "]><c r=\'B3\'><v>0</v></c>">]>',
  '<!DOCTYPE worksheet>',
  '&valueOf;',
  '&__proto__;',
  '&amp;',
  '&#x41;',
  '&#0;',
  '&',
  '<!-- x -->',
  '<!--',
  '-->',
  '<![CDATA[9]]>',
  ']]>',
  '<c r="B3"><v>9</v></c>',
  '<row r="3"><c r="B3"><v>5</v></c></row>',
  ' xmlns:r="B3"',
  ' r="B2"',
  ' t="s"',
  '</row>',
  '<row>',
  '</c>',
  '<v>',
  '"',
  "'",
  '<',
  '>',
  '=',
  '/',
  '\r\n',
  '\t',
  '\u0001',
  '\uFFFE',
  'x:',
  '<?xml version="1.0"?>',
  '<?pi x?>',
];

type Mutation = { part: string; at: number; kind: 'insert' | 'delete' | 'dup'; token: number; len: number };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  part: fc.constantFrom(...Object.keys(PARTS)),
  at: fc.nat(),
  kind: fc.constantFrom('insert' as const, 'delete' as const, 'dup' as const),
  token: fc.nat({ max: TOKENS.length - 1 }),
  len: fc.integer({ min: 1, max: 24 }),
});

function mutate(muts: readonly Mutation[]): Record<string, string> {
  const parts = { ...PARTS };
  for (const m of muts) {
    const s = entry(parts, m.part);
    const i = m.at % (s.length + 1);
    if (m.kind === 'insert') parts[m.part] = s.slice(0, i) + at(TOKENS, m.token) + s.slice(i);
    else if (m.kind === 'delete') parts[m.part] = s.slice(0, i) + s.slice(i + m.len);
    else parts[m.part] = s.slice(0, i) + s.slice(i, i + m.len) + s.slice(i);
  }
  return parts;
}

type Outcome = { ok: true; names: Record<string, CellValue> } | { ok: false; why: string };

function product(parts: Record<string, string>): Outcome {
  try {
    return { ok: true, names: Object.fromEntries(readWorkbookBuffer(workbook(parts), 'm.xlsx').names) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ok: false, why: e.reason };
  }
}

function ref(parts: Record<string, string>): Outcome {
  try {
    return { ok: true, names: Object.fromEntries(reference(parts)) };
  } catch (e) {
    return { ok: false, why: String(e) };
  }
}

describe('the reader agrees with an independent XML parser', () => {
  test('on the unmutated workbook both read the same cells', () => {
    const p = product(PARTS);
    expect(p).toEqual(ref(PARTS));
    expect(p.ok && p.names).toEqual({
      ten_don_vi: 'Xã An Bình',
      so: 7,
      co: true,
      ngay: excelDate(2025, 3, 31),
      kq: 'Đạt & <tốt>',
      ghi_chu: 'Ghi chú',
    });
  });

  test('random mutations: refused, or read exactly as saxes reads them', () => {
    const stats = { read: 0, bothRefused: 0, productOnlyRefused: 0 };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (muts) => {
        const parts = mutate(muts);
        const p = product(parts);
        const r = ref(parts);
        if (!r.ok) {
          // a part saxes rejects is never read
          expect({ product: p, saxes: r.why }).toEqual({
            product: { ok: false, why: expect.any(String) },
            saxes: r.why,
          });
          stats.bothRefused++;
        } else if (p.ok) {
          expect(p.names).toEqual(r.names);
          stats.read++;
        } else stats.productOnlyRefused++;
      }),
      { numRuns: 4000, seed: 9745 },
    );
    // the property was exercised both ways (not vacuous)
    expect(stats.read).toBeGreaterThan(250);
    expect(stats.bothRefused).toBeGreaterThan(1000);
  });
});
