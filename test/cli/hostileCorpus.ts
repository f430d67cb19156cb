/**
 * The hostile-input corpus of issue 12, generated (no binary blobs): every file is derived from a
 * real workbook written by `tieuchi demo` (or built from scratch for the special files), so it
 * stays valid in every respect but the one under test. Each case says what `tieuchi check` must
 * answer: the exit code and a pattern for its one stderr line (which must also name the file).
 */
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { at, entry } from '../helpers/at';

export interface HostileCase {
  name: string;
  /** the path given to `tieuchi check` */
  file: string;
  /** extra arguments after the file */
  args?: string[];
  exit: number;
  /** what the single stderr line must say */
  line: RegExp;
  /** the path the line must name (default `file`) */
  names?: string;
}

type Parts = Record<string, Uint8Array>;

/** A copy of the workbook with some parts changed (XML edited as text). */
export function editWorkbook(base: Uint8Array, edit: (xml: Record<string, string>) => void): Uint8Array {
  const parts: Parts = unzipSync(base);
  const xml: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(parts))
    if (/\.(xml|rels)$/.test(name)) xml[name] = strFromU8(bytes);
  edit(xml);
  const out: Zippable = {};
  for (const [name, bytes] of Object.entries(parts))
    out[name] = name in xml ? strToU8(entry(xml, name)) : bytes;
  for (const name of Object.keys(xml)) if (!(name in parts)) out[name] = strToU8(entry(xml, name));
  return zipSync(out, { level: 6 });
}

/** Address of a defined name (`'Tiêu chí'!$E$4` → E4) in workbook.xml. */
export function addressOf(workbookXml: string, name: string): string {
  const m = new RegExp(`<definedName name="${name}"[^>]*>[^<]*!\\$([A-Z]+)\\$([0-9]+)<`).exec(workbookXml);
  if (!m) throw new Error(`no defined name ${name}`);
  return at(m, 1) + at(m, 2);
}

const SHEET = 'xl/worksheets/sheet1.xml';
const WB = 'xl/workbook.xml';

/** Replace the cell `address` of the sheet by `cellXml` (which must carry r="address"). */
export function setCell(xml: Record<string, string>, address: string, cellXml: string): void {
  const re = new RegExp(`<c r="${address}"[^>]*?(/>|>.*?</c>)`);
  if (!re.test(entry(xml, SHEET))) throw new Error(`no cell ${address}`);
  xml[SHEET] = entry(xml, SHEET).replace(re, cellXml);
}

const inline = (address: string, text: string): string =>
  `<c r="${address}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** Text that deflate cannot shrink much (a long but realistic cell). */
function varied(n: number): string {
  const alphabet = 'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY0123456789 ';
  let seed = 9745;
  let out = '';
  const chars = [...alphabet];
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out += chars[(seed >>> 16) % chars.length];
  }
  return out;
}

/** Zip with an End Of Central Directory record hidden in the comment of the real one. */
function hiddenEocd(base: Uint8Array): Uint8Array {
  const buf = Buffer.from(base);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  // a second EOCD (copy of the real one, pointing at the same directory) inside the comment
  const fake = Buffer.from(buf.subarray(eocd, eocd + 22));
  fake.writeUInt16LE(0, 20);
  const real = Buffer.from(buf.subarray(eocd, eocd + 22));
  real.writeUInt16LE(fake.length, 20);
  return Buffer.concat([buf.subarray(0, eocd), real, fake]);
}

/** Write every case's file under `dir` (the base is a filled `xa` workbook). */
export function buildCorpus(dir: string, base: Uint8Array): HostileCase[] {
  mkdirSync(dir, { recursive: true });
  const wbXml = strFromU8(entry(unzipSync(base), WB));
  const unit = addressOf(wbXml, 'ten_don_vi');
  const input = addressOf(wbXml, 'tc1_quan_triet');
  const cases: HostileCase[] = [];
  const file = (name: string, bytes: Uint8Array | string): string => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const add = (name: string, path: string, exit: number, line: RegExp, args?: string[]): void => {
    const out = args?.[args.indexOf('--out') + 1];
    cases.push({ name, file: path, exit, line, ...(args ? { args } : {}), ...(out ? { names: out } : {}) });
  };

  // --- not regular files -----------------------------------------------------------------------
  const fifo = join(dir, 'ong.xlsx');
  execFileSync('mkfifo', [fifo]);
  add('a FIFO named .xlsx', fifo, 2, /đường ống \(FIFO\)/);
  const zero = join(dir, 'zero.xlsx');
  symlinkSync('/dev/zero', zero);
  add('a symlink to /dev/zero named .xlsx', zero, 2, /liên kết tượng trưng tới một thiết bị/);
  add('a character device', '/dev/zero', 2, /thiết bị/);
  const sub = join(dir, 'thu-muc.xlsx');
  mkdirSync(sub);
  add('a folder named .xlsx', sub, 2, /thư mục/);

  // --- XML that real parsers read differently ----------------------------------------------------
  add(
    'a DOCTYPE hiding a fake sheetData in an entity value',
    file(
      'doctype.xlsx',
      editWorkbook(base, (x) => {
        const fake = `<worksheet><sheetData><row r="4">${inline(unit, 'Fake')}</row></sheetData></worksheet>`;
        x[SHEET] = entry(x, SHEET).replace(
          '?>',
          `?><!DOCTYPE worksheet [<!ENTITY e "]>${fake.replace(/"/g, "'")}">]>`,
        );
      }),
    ),
    2,
    /DOCTYPE/,
  );
  add(
    'a billion-laughs DOCTYPE',
    file(
      'lol.xlsx',
      editWorkbook(base, (x) => {
        const ents = ['<!ENTITY a "aaaaaaaaaa">'];
        for (let i = 1; i < 10; i++) ents.push(`<!ENTITY a${i} "${`&a${i - 1 || ''};`.repeat(10)}">`);
        x[WB] = entry(x, WB).replace('?>', `?><!DOCTYPE workbook [${ents.join('')}]>`);
      }),
    ),
    2,
    /DOCTYPE/,
  );
  add(
    '&valueOf; in a cell',
    file(
      'valueof.xlsx',
      editWorkbook(base, (x) => setCell(x, unit, inline(unit, '&valueOf;'))),
    ),
    2,
    /tham chiếu thực thể không xác định/,
  );
  add(
    '&__proto__; in a cell',
    file(
      'proto.xlsx',
      editWorkbook(base, (x) => setCell(x, unit, inline(unit, '&__proto__;'))),
    ),
    2,
    /tham chiếu thực thể không xác định/,
  );
  add(
    'a wanted cell given twice',
    file(
      'hai-lan.xlsx',
      editWorkbook(base, (x) => setCell(x, unit, inline(unit, 'Thật') + inline(unit, 'Giả'))),
    ),
    2,
    new RegExp(`ô ${unit} xuất hiện hai lần`),
  );
  add(
    'an EOCD hidden in the zip comment',
    file('eocd.xlsx', hiddenEocd(base)),
    2,
    /hai bản ghi kết thúc thư mục zip/,
  );
  add(
    'bytes appended after the zip',
    file('noi-duoi.xlsx', Buffer.concat([Buffer.from(base), Buffer.from('PK\u0005\u0006 rác')])),
    2,
    /dữ liệu lạ sau thư mục zip/,
  );

  // --- classic attacks -----------------------------------------------------------------------------
  const zeros = new Uint8Array(45 * 1024 * 1024);
  const bomb = unzipSync(base);
  bomb[SHEET] = zeros;
  add(
    'a zip bomb (45 MB of zeros in the worksheet)',
    file('bom.xlsx', zipSync(bomb, { level: 9 })),
    2,
    /bom nén/,
  );
  add(
    'an entry with ".." in its name',
    file(
      'traversal.xlsx',
      zipSync({ ...(unzipSync(base) as Zippable), '../../etc/evil.xml': strToU8('<x/>') }, { level: 6 }),
    ),
    2,
    /tên mục không an toàn/,
  );
  add(
    'a truncated download',
    file('cut.xlsx', base.subarray(0, Math.floor(base.length * 0.6))),
    2,
    /cắt cụt/,
  );
  add('an empty file', file('rong.xlsx', ''), 2, /tệp rỗng/);
  add('bytes that are not a zip', file('raw.xlsx', deflateSync(base)), 2, /không phải tệp Excel/);

  // --- huge inputs ---------------------------------------------------------------------------------
  add(
    'a 3-million-character unit name',
    file(
      'ten-dai.xlsx',
      editWorkbook(base, (x) => setCell(x, unit, inline(unit, varied(3_000_000)))),
    ),
    2,
    /quá giới hạn 32\.767 ký tự của Excel/,
  );
  add(
    'answers JSON with 400 000 unknown keys',
    file(
      'nhieu-truong.json',
      `{"pack":"xa","values":{${Array.from({ length: 400_000 }, (_, i) => `"${i.toString(36)}":1`).join(',')}}}`,
    ),
    2,
    /quá nhiều trường/,
  );

  // --- other formats -------------------------------------------------------------------------------
  add(
    'UTF-16 JSON',
    file('utf16.json', Buffer.from('\ufeff{"pack":"xa","values":{}}', 'utf16le')),
    2,
    /UTF-16/,
  );
  add('a .csv file', file('bang.csv', 'ten_don_vi,Xã A\n'), 2, /tệp CSV/);
  add(
    'an .xls file',
    file('cu.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
    2,
    /97-2003/,
  );
  add('an .ods file', file('lo.ods', zipSync({ 'content.xml': strToU8('<x/>') })), 2, /OpenDocument/);

  // --- values the spreadsheet does not show -----------------------------------------------------------
  add(
    'an input cell whose name is #REF! (its row was deleted)',
    file(
      'ref.xlsx',
      editWorkbook(base, (x) => {
        x[WB] = entry(x, WB).replace(/(<definedName name="tc1_quan_triet"[^>]*>)[^<]*</, '$1#REF!<');
      }),
    ),
    2,
    /“tc1_quan_triet” đã bị xóa/,
  );
  add(
    'an input formula with a stale cached value (fullCalcOnLoad)',
    file(
      'stale.xlsx',
      editWorkbook(base, (x) => setCell(x, input, `<c r="${input}" t="str"><f>"C"&amp;"ó"</f><v>Có</v></c>`)),
    ),
    2,
    /“tc1_quan_triet” chứa công thức .* cần mở bằng Excel\/LibreOffice và lưu lại/,
  );
  add(
    'an input formula with no cached value',
    file(
      'no-cache.xlsx',
      editWorkbook(base, (x) => {
        x[WB] = entry(x, WB).replace(/<calcPr[^>]*\/>/, '<calcPr calcId="171027"/>');
        setCell(x, input, `<c r="${input}"><f>1+1</f></c>`);
      }),
    ),
    2,
    /công thức chưa có giá trị đã tính\) — cần mở bằng Excel\/LibreOffice và lưu lại/,
  );

  // --- --out resolving to the input ------------------------------------------------------------------
  const good = file('tot.xlsx', base);
  const viaLink = join(dir, 'lien-ket.xlsx');
  symlinkSync(good, viaLink);
  add('--out through a symlink to the input', good, 2, /trùng với tệp đầu vào/, [
    '--out',
    viaLink,
    '--force',
  ]);
  const hard = join(dir, 'cung.xlsx');
  linkSync(good, hard);
  add('--out a hard link of the input', good, 2, /trùng với tệp đầu vào/, ['--out', hard, '--force']);
  add('--out the input through ".."', good, 2, /trùng với tệp đầu vào/, [
    '--out',
    join(dir, '..', dir.split('/').pop() as string, 'tot.xlsx'),
    '--force',
  ]);
  return cases;
}
