/** Test helper: build zip archives byte by byte, with every header field overridable. */
import { deflateSync, strToU8 } from 'fflate';
import { crc32 } from '../../src/io/zip';

export interface RawEntry {
  name: string;
  data?: Uint8Array | string;
  /** 0 stored, 8 deflate (default 8). */
  method?: number;
  /** Use these bytes as the compressed payload instead of compressing `data`. */
  payload?: Uint8Array;
  flags?: number;
  /** Overrides for the central directory. */
  declaredUncompressed?: number;
  declaredCompressed?: number;
  crc?: number;
  /** Extra field bytes in the central directory. */
  extra?: Uint8Array;
  /** Use this local header offset in the central directory instead of the real one. */
  offsetOverride?: number;
}

export interface BuildOptions {
  /** Override the entry count in the EOCD. */
  count?: number;
  comment?: string;
}

function le(n: number, bytes: number): number[] {
  const out: number[] = [];
  let v = n;
  for (let i = 0; i < bytes; i++) {
    out.push(v & 0xff);
    v = Math.floor(v / 256);
  }
  return out;
}

export function buildZip(entries: RawEntry[], opts: BuildOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const data =
      e.data === undefined ? new Uint8Array(0) : typeof e.data === 'string' ? strToU8(e.data) : e.data;
    const method = e.method ?? 8;
    const payload = e.payload ?? (method === 8 ? deflateSync(data) : data);
    const name = strToU8(e.name);
    const crc = e.crc ?? crc32(data);
    const comp = e.declaredCompressed ?? payload.length;
    const unc = e.declaredUncompressed ?? data.length;
    const flags = (e.flags ?? 0) | 0x0800;
    const local = new Uint8Array([
      ...le(0x04034b50, 4),
      ...le(20, 2),
      ...le(flags, 2),
      ...le(method, 2),
      ...le(0, 4),
      ...le(crc, 4),
      ...le(Math.min(comp, 0xffffffff), 4),
      ...le(Math.min(unc, 0xffffffff), 4),
      ...le(name.length, 2),
      ...le(0, 2),
      ...name,
    ]);
    const extra = e.extra ?? new Uint8Array(0);
    const cd = new Uint8Array([
      ...le(0x02014b50, 4),
      ...le(20, 2),
      ...le(20, 2),
      ...le(flags, 2),
      ...le(method, 2),
      ...le(0, 4),
      ...le(crc, 4),
      ...le(Math.min(comp, 0xffffffff), 4),
      ...le(Math.min(unc, 0xffffffff), 4),
      ...le(name.length, 2),
      ...le(extra.length, 2),
      ...le(0, 2),
      ...le(0, 2),
      ...le(0, 2),
      ...le(0, 4),
      ...le(e.offsetOverride ?? offset, 4),
      ...name,
      ...extra,
    ]);
    chunks.push(local, payload);
    central.push(cd);
    offset += local.length + payload.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const comment = strToU8(opts.comment ?? '');
  const count = opts.count ?? entries.length;
  const eocd = new Uint8Array([
    ...le(0x06054b50, 4),
    ...le(0, 2),
    ...le(0, 2),
    ...le(Math.min(count, 0xffff), 2),
    ...le(Math.min(count, 0xffff), 2),
    ...le(cdSize, 4),
    ...le(offset, 4),
    ...le(comment.length, 2),
    ...comment,
  ]);
  const all = [...chunks, ...central, eocd];
  const total = all.reduce((s, c) => s + c.length, 0);
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of all) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** A minimal .xlsx from hand-written XML parts (for edge cases ExcelJS cannot produce). */
export function buildXlsx(parts: {
  workbook: string;
  sheets: string[];
  sharedStrings?: string;
  extra?: RawEntry[];
  /** Leave these parts out of the package (the relationships still point at them). */
  omit?: string[];
}): Uint8Array {
  const rels =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    parts.sheets
      .map(
        (_s, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('') +
    (parts.sharedStrings !== undefined
      ? `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>`
      : '') +
    `</Relationships>`;
  const entries: RawEntry[] = [
    { name: '[Content_Types].xml', data: CT },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: parts.workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    ...parts.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s })),
  ];
  if (parts.sharedStrings !== undefined)
    entries.push({ name: 'xl/sharedStrings.xml', data: parts.sharedStrings });
  entries.push(...(parts.extra ?? []));
  return buildZip(entries.filter((e) => !(parts.omit ?? []).includes(e.name)));
}
