import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { excelDate } from '../../src/engine/dates';
import { InputError } from '../../src/io/errors';
import { readWorkbookFile } from '../../src/io/files';
import { parseCellRef, readWorkbookBuffer } from '../../src/io/xlsx';
import { buildXlsx, buildZip } from './zipBuilder';

const SHEET = 'Tiêu chí đánh giá';
const SHEET2 = "Năm 'trước' (cũ)";

async function excelJsWorkbook(withResults: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  const ws2 = wb.addWorksheet(SHEET2);
  ws.getCell('E12').value = 'Xã An Bình & "Phú Lộc" <1>';
  ws.getCell('E13').value = 42;
  ws.getCell('E14').value = 2.5;
  ws.getCell('E15').value = true;
  ws.getCell('E16').value = false;
  ws.getCell('E17').value = new Date(Date.UTC(2025, 2, 31));
  ws.getCell('E17').numFmt = 'dd/mm/yyyy';
  ws.getCell('E18').value = withResults ? { formula: 'E13*2', result: 84 } : { formula: 'E13*2' };
  ws.getCell('E19').value = withResults
    ? { formula: 'IF(E13>1,"Đạt","Không đạt")', result: 'Đạt' }
    : { formula: 'IF(E13>1,"Đạt","Không đạt")' };
  ws.getCell('E20').value = withResults ? { formula: 'E13>100', result: false } : { formula: 'E13>100' };
  ws.getCell('E21').value = withResults
    ? { formula: 'NA()', result: { error: '#N/A' } }
    : { formula: 'NA()' };
  ws.getCell('E22').value = {
    richText: [{ text: 'Số ' }, { text: '12/QĐ-UBND', font: { bold: true } }, { text: ' ngày 05/01/2025' }],
  };
  ws2.getCell('B3').value = 1234;
  for (const [addr, name] of [
    ['E12', 'ten_don_vi'],
    ['E13', 'so_nguyen'],
    ['E14', 'so_le'],
    ['E15', 'dung'],
    ['E16', 'sai'],
    ['E17', 'ngay'],
    ['E18', 'cong_thuc_so'],
    ['E19', 'cong_thuc_chu'],
    ['E20', 'cong_thuc_bool'],
    ['E21', 'loi'],
    ['E22', 'giau'],
    ['E30', 'trong'],
  ]) {
    wb.definedNames.add(`'${SHEET}'!$${addr.slice(0, 1)}$${addr.slice(1)}`, name);
  }
  wb.definedNames.add(`'${SHEET2.replace(/'/g, "''")}'!$B$3`, 'nam_truoc');
  wb.definedNames.add(`'${SHEET}'!$E$12:$E$13`, 'vung');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const EXPECTED: Record<string, unknown> = {
  ten_don_vi: 'Xã An Bình & "Phú Lộc" <1>',
  so_nguyen: 42,
  so_le: 2.5,
  dung: true,
  sai: false,
  ngay: excelDate(2025, 3, 31),
  cong_thuc_so: 84,
  cong_thuc_chu: 'Đạt',
  cong_thuc_bool: false,
  loi: '#N/A',
  giau: 'Số 12/QĐ-UBND ngày 05/01/2025',
  trong: null,
  nam_truoc: 1234,
};

describe('readWorkbookBuffer on an ExcelJS workbook', () => {
  test('reads every single-cell defined name with its type', async () => {
    const buf = await excelJsWorkbook(true);
    let inflated = 0;
    const data = readWorkbookBuffer(buf, 'don_vi.xlsx', undefined, { onInflate: () => inflated++ });
    expect(data.file).toBe('don_vi.xlsx');
    expect(data.sheetNames).toEqual([SHEET, SHEET2]);
    expect(Object.fromEntries(data.names)).toEqual(EXPECTED);
    expect(data.names.has('vung')).toBe(false); // a two-cell range is not a single cell
    expect(data.nameRefs.get('ten_don_vi')).toEqual({ sheet: SHEET, address: 'E12' });
    expect(data.nameRefs.get('nam_truoc')).toEqual({ sheet: SHEET2, address: 'B3' });
    expect(data.date1904).toBe(false);
    // rels, workbook, workbook rels, two sheets, shared strings — not styles, theme or anything else
    expect(inflated).toBeLessThanOrEqual(6);
  });

  test('the 1904 date system is reported', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    wb.addWorksheet('S').getCell('A1').value = 5;
    wb.definedNames.add('S!$A$1', 'x');
    const data = readWorkbookBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), 'a.xlsx');
    expect(data.date1904).toBe(true);
    expect(data.names.get('x')).toBe(5);
  });
});

describe('readWorkbookBuffer on a LibreOffice-recalculated workbook', () => {
  test('formula cells give the cached results LibreOffice computed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-lo-'));
    try {
      const src = join(dir, 'src');
      const out = join(dir, 'out');
      mkdirSync(src);
      mkdirSync(out);
      writeFileSync(join(src, 'tinh.xlsx'), await excelJsWorkbook(false));
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--calc',
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          out,
          join(src, 'tinh.xlsx'),
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const data = await readWorkbookFile(join(out, 'tinh.xlsx'));
      expect(data.sheetNames).toEqual([SHEET, SHEET2]);
      expect(Object.fromEntries(data.names)).toEqual(EXPECTED);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const NS =
  'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

describe('readWorkbookBuffer on hand-written SpreadsheetML', () => {
  const workbook = `<?xml version="1.0" encoding="UTF-8"?>
<!-- generated by hand -->
<x:workbook ${NS}><x:workbookPr date1904="0"/><x:sheets>
  <x:sheet name="Tiêu chí" sheetId="1" r:id="rId1"/>
  <x:sheet name="Khác" sheetId="2" r:id="rId2"/>
</x:sheets><x:definedNames>
  <x:definedName name="_xlnm.Print_Area" localSheetId="0">'Tiêu chí'!$A$1:$F$50</x:definedName>
  <x:definedName name="chu_noi">'Tiêu chí'!$B$2</x:definedName>
  <x:definedName name="phat_am">'Tiêu chí'!$B$3</x:definedName>
  <x:definedName name="thuc_the">'Tiêu chí'!B4</x:definedName>
  <x:definedName name="ngay_d">'Tiêu chí'!$B$5</x:definedName>
  <x:definedName name="loi">'Tiêu chí'!$B$6</x:definedName>
  <x:definedName name="khong_r">'Tiêu chí'!$C$7</x:definedName>
  <x:definedName name="So_Lon">'Tiêu chí'!$B$8</x:definedName>
  <x:definedName name="cdata"><![CDATA['Tiêu chí'!$B$9]]></x:definedName>
  <x:definedName name="ss_ngoai">'Tiêu chí'!$B$10</x:definedName>
  <x:definedName name="hong">#REF!</x:definedName>
  <x:definedName name="hong2">'Tiêu chí'!#REF!</x:definedName>
  <x:definedName name="cong_thuc">IF(1,2,3)</x:definedName>
  <x:definedName name="hang_so">0.05</x:definedName>
  <x:definedName name="ngoai">[1]Sheet1!$A$1</x:definedName>
  <x:definedName name="ba_chieu">'Tiêu chí:Khác'!$A$1</x:definedName>
  <x:definedName name="khong_co">'Không tồn tại'!$A$1</x:definedName>
  <x:definedName name="pham_vi" localSheetId="1">$A$1</x:definedName>
  <x:definedName name="trung" localSheetId="1">Khác!$A$1</x:definedName>
  <x:definedName name="trung">'Tiêu chí'!$B$2</x:definedName>
  <x:definedName name="rong">'Tiêu chí'!$Z$99</x:definedName>
</x:definedNames></x:workbook>`;
  const sheet1 = `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet ${NS}><x:sheetData>
  <x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>Ấp </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Bình  Minh</x:t></x:r></x:is></x:c></x:row>
  <x:row r="3"><x:c r="B3" t="s"><x:v>1</x:v></x:c></x:row>
  <x:row r="4"><x:c r="B4" t="str"><x:f>"a"&amp;"b"</x:f><x:v>&lt;Đ&#7841;t&gt; &amp; &#x1EA1; &quot;q&quot; &apos;s&apos; dòng_x000D__x000A_mới</x:v></x:c></x:row>
  <x:row r="5"><x:c r="B5" t="d"><x:v>2025-03-31T12:00:00</x:v></x:c></x:row>
  <x:row r="6"><x:c r="B6" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c></x:row>
  <x:row r="7"><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c><x:c><x:v>3</x:v></x:c></x:row>
  <x:row><x:c r="B8"><x:v>1.5E+3</x:v></x:c></x:row>
  <x:row r="9"><x:c r="B9" t="n"><x:v>9</x:v></x:c></x:row>
  <x:row r="10"><x:c r="B10" t="s"><x:v>99</x:v></x:c></x:row>
</x:sheetData></x:worksheet>`;
  const sheet2 = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="b"><v>1</v></c></row></sheetData></worksheet>`;
  const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">
<si><t>đầu</t></si>
<si><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><r><t xml:space="preserve"> Tokyo</t></r></si>
</sst>`;

  test('types, entities, scopes, skipped names', () => {
    const buf = buildXlsx({ workbook, sheets: [sheet1, sheet2], sharedStrings: shared });
    const data = readWorkbookBuffer(buf, 'tay.xlsx');
    expect(data.sheetNames).toEqual(['Tiêu chí', 'Khác']);
    expect(Object.fromEntries(data.names)).toEqual({
      chu_noi: 'Ấp Bình  Minh',
      phat_am: '東京 Tokyo',
      thuc_the: '<Đạt> & ạ "q" \'s\' dòng\r\nmới',
      ngay_d: excelDate(2025, 3, 31) + 0.5,
      loi: '#DIV/0!',
      khong_r: 3,
      so_lon: 1500,
      cdata: 9,
      ss_ngoai: null,
      pham_vi: true,
      trung: 'Ấp Bình  Minh',
      rong: null,
    });
    expect(data.nameRefs.get('pham_vi')).toEqual({ sheet: 'Khác', address: 'A1' });
    for (const skipped of [
      'hong',
      'hong2',
      'cong_thuc',
      'hang_so',
      'ngoai',
      'ba_chieu',
      'khong_co',
      '_xlnm.print_area',
    ]) {
      expect(data.names.has(skipped)).toBe(false);
    }
  });

  test('malformed workbook XML is a clear error', () => {
    const buf = buildXlsx({ workbook: '<workbook><sheets><sheet name="a', sheets: [] });
    expect(() => readWorkbookBuffer(buf, 'hong.xlsx')).toThrow(
      'Không đọc được tệp "hong.xlsx": phần "xl/workbook.xml" hỏng (XML không hợp lệ: thẻ <sheet> chưa kết thúc)',
    );
  });

  test('a zip that is not a workbook', () => {
    const docx = buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]);
    expect(() => readWorkbookBuffer(docx, 'bao_cao.xlsx')).toThrow(
      'Không đọc được tệp "bao_cao.xlsx": đây là tệp Word (.docx), không phải tệp Excel (.xlsx)',
    );
    const other = buildZip([{ name: 'readme.txt', data: 'hello' }]);
    expect(() => readWorkbookBuffer(other, 'a.xlsx')).toThrow(/thiếu xl\/workbook\.xml/);
  });

  test('the time limit applies to the whole workbook', () => {
    const buf = buildXlsx({ workbook, sheets: [sheet1, sheet2], sharedStrings: shared });
    let t = 0;
    expect(() =>
      readWorkbookBuffer(buf, 'cham.xlsx', { maxMillis: 1000 }, { now: () => (t += 400) }),
    ).toThrow('Không đọc được tệp "cham.xlsx": đọc tệp quá thời gian cho phép (1 giây)');
  });

  test('a DOCTYPE (billion laughs, or one hiding fake cells) is refused, never skipped or expanded', () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      workbook.replace('<?xml version="1.0" encoding="UTF-8"?>', '');
    expect(() =>
      readWorkbookBuffer(
        buildXlsx({ workbook: lol, sheets: [sheet1, sheet2], sharedStrings: shared }),
        'l.xlsx',
      ),
    ).toThrow(
      'Không đọc được tệp "l.xlsx": phần "xl/workbook.xml" hỏng (XML không hợp lệ: có khai báo DOCTYPE — Excel không bao giờ ghi khai báo này, tệp đã bị sửa)',
    );
    // the parser differential of issue 12: "]>" inside an entity value, then a fake sheetData
    const fake = sheet1.replace(
      '<x:sheetData>',
      '<!DOCTYPE x [<!ENTITY e "]>"><x:sheetData><x:row r="9"><x:c r="B9"><x:v>0</x:v></x:c></x:row></x:sheetData>">]><x:sheetData>',
    );
    expect(() =>
      readWorkbookBuffer(buildXlsx({ workbook, sheets: [fake, sheet2], sharedStrings: shared }), 'f.xlsx'),
    ).toThrow(/phần "xl\/worksheets\/sheet1.xml" hỏng \(XML không hợp lệ: có khai báo DOCTYPE/);
  });

  test.each([
    ['an undefined entity', '<x:v>&unknown;</x:v>', /tham chiếu thực thể không xác định/],
    ['an entity named like an Object property', '<x:v>&valueOf;</x:v>', /tham chiếu thực thể không xác định/],
    ['&__proto__;', '<x:v>&__proto__;</x:v>', /tham chiếu thực thể không xác định/],
    ['a reference to a surrogate', '<x:v>&#xD800;</x:v>', /tham chiếu thực thể không xác định/],
    ['a bare ampersand', '<x:v>a & b</x:v>', /ký tự & không hợp lệ/],
    ['a control character', '<x:v>a\u0001b</x:v>', /ký tự không được phép/],
    ['a misnested tag', '<x:v>9</x:c></x:v>', /đóng bằng/],
    ['a duplicate attribute', '<x:v>9</x:v></x:c><x:c r="C9" r="D9"><x:v>1</x:v>', /r lặp lại/],
    ['an unquoted attribute', '<x:v>9</x:v></x:c><x:c r=C9><x:v>1</x:v>', /dấu nháy/],
    ['"]]>" in text', '<x:v>9]]></x:v>', /"\]\]>"/],
  ])('refused like a real XML parser: %s', (_what, v, reason) => {
    const bad = sheet1.replace('<x:v>9</x:v>', v);
    expect(() =>
      readWorkbookBuffer(buildXlsx({ workbook, sheets: [bad, sheet2], sharedStrings: shared }), 'x.xlsx'),
    ).toThrow(reason);
  });

  test('an unprefixed attribute is not a prefixed one (r is not xmlns:r)', () => {
    const swapped = sheet1.replace('<x:c r="B9" t="n">', '<x:c xmlns:r="urn:r" r="B9" t="n">');
    const data = readWorkbookBuffer(
      buildXlsx({ workbook, sheets: [swapped, sheet2], sharedStrings: shared }),
      'r.xlsx',
    );
    expect(data.names.get('cdata')).toBe(9);
    const only = sheet1.replace('<x:c r="B9" t="n">', '<x:c xmlns:r="B9" t="n">');
    const d2 = readWorkbookBuffer(
      buildXlsx({ workbook, sheets: [only, sheet2], sharedStrings: shared }),
      'r2.xlsx',
    );
    expect(d2.names.get('cdata')).not.toBe(9);
  });
});

describe('readWorkbookFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'io-file-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function reason(path: string): Promise<string> {
    try {
      await readWorkbookFile(path);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).file).toBe(path);
      return (e as InputError).reason;
    }
    throw new Error('expected an InputError');
  }

  test('missing file, directory, empty file, oversize (checked via stat, before reading)', async () => {
    expect(await reason(join(dir, 'khong_co.xlsx'))).toBe('không tìm thấy tệp');
    expect(await reason(dir)).toBe('đây là một thư mục, không phải tệp');
    writeFileSync(join(dir, 'rong.xlsx'), '');
    expect(await reason(join(dir, 'rong.xlsx'))).toBe('tệp rỗng (0 byte)');
    const big = join(dir, 'lon.xlsx');
    writeFileSync(big, '');
    truncateSync(big, 25 * 1024 * 1024); // sparse: costs nothing on disk
    expect(await reason(big)).toBe('tệp quá lớn (25 MB; tối đa 20 MB)');
  });

  test('reads a real file', async () => {
    const path = join(dir, 'that.xlsx');
    writeFileSync(path, await excelJsWorkbook(true));
    const data = await readWorkbookFile(path);
    expect(data.file).toBe(path);
    expect(data.names.get('ten_don_vi')).toBe(EXPECTED.ten_don_vi);
    expect(readFileSync(path).length).toBeGreaterThan(0);
  });
});

describe('parseCellRef', () => {
  test.each([
    ["'Tiêu chí'!$E$12", undefined, { sheet: 'Tiêu chí', address: 'E12' }],
    ["='It''s'!a1", undefined, { sheet: "It's", address: 'A1' }],
    ['Sheet1!$E$12:$E$12', undefined, { sheet: 'Sheet1', address: 'E12' }],
    ['$XFD$1048576', 'S', { sheet: 'S', address: 'XFD1048576' }],
    ['$A$1', undefined, undefined],
    ['Sheet1!$E$12:$E$13', undefined, undefined],
    ['Sheet1!$XFE$1', undefined, undefined],
    ['Sheet1!$A$1048577', undefined, undefined],
    ['Sheet1!#REF!', undefined, undefined],
    ['[1]Sheet1!$A$1', undefined, undefined],
    ["'[1]Sheet1'!$A$1", undefined, undefined],
    ['Sheet1:Sheet2!$A$1', undefined, undefined],
    ['SUM(Sheet1!A1)', undefined, undefined],
    ['"text"', undefined, undefined],
    ['0.05', undefined, undefined],
    ["'unterminated!A1", undefined, undefined],
  ])('%s', (formula, local, expected) => {
    expect(parseCellRef(formula, local)).toEqual(expected);
  });
});

describe('values as the spreadsheet shows them', () => {
  const wbXml = (date1904: boolean, calc = '', names = ''): string =>
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><workbookPr date1904="${date1904 ? 1 : 0}"/><sheets><sheet name="S" sheetId="1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></sheets><definedNames><definedName name="iso">S!$A$1</definedName><definedName name="so">S!$A$2</definedName><definedName name="cong_thuc">S!$A$3</definedName><definedName name="chua_tinh">S!$A$4</definedName>${names}</definedNames>${calc}</workbook>`;
  const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="d"><v>2025-03-31</v></c></row><row r="2"><c r="A2"><v>43000</v></c></row><row r="3"><c r="A3"><f>1+1</f><v>2</v></c></row><row r="4"><c r="A4"><f>1+1</f></c></row></sheetData></worksheet>`;

  test('an ISO date cell (t="d") is the same day in a 1904 workbook', () => {
    for (const date1904 of [false, true]) {
      const data = readWorkbookBuffer(buildXlsx({ workbook: wbXml(date1904), sheets: [sheet] }), 'd.xlsx');
      // serials are in the workbook's own system; valuesFromWorkbook adds 1 462 days for 1904
      const serial = data.names.get('iso') as number;
      expect(serial + (date1904 ? 1462 : 0)).toBe(excelDate(2025, 3, 31));
    }
  });

  test('formula cells: no cached value, or fullCalcOnLoad, make the value stale', () => {
    const plain = readWorkbookBuffer(buildXlsx({ workbook: wbXml(false), sheets: [sheet] }), 'f.xlsx');
    expect(plain.names.get('cong_thuc')).toBe(2);
    expect([...(plain.stale ?? [])]).toEqual(['chua_tinh']);
    expect(plain.fullCalcOnLoad).toBe(false);
    const full = readWorkbookBuffer(
      buildXlsx({ workbook: wbXml(false, '<calcPr fullCalcOnLoad="1"/>'), sheets: [sheet] }),
      'f.xlsx',
    );
    expect(full.fullCalcOnLoad).toBe(true);
    expect([...(full.stale ?? [])].sort()).toEqual(['chua_tinh', 'cong_thuc']);
  });

  test('a #REF! name is recorded as broken, not as a missing input', () => {
    const data = readWorkbookBuffer(
      buildXlsx({
        workbook: wbXml(
          false,
          '',
          '<definedName name="xoa">S!#REF!</definedName><definedName name="xoa2">#REF!</definedName>',
        ),
        sheets: [sheet],
      }),
      'r.xlsx',
    );
    expect([...(data.brokenNames ?? [])].sort()).toEqual(['xoa', 'xoa2']);
    expect(data.names.has('xoa')).toBe(false);
  });

  test('a cell longer than Excel allows is refused naming the cell', () => {
    const long = sheet.replace(
      '<c r="A2"><v>43000</v></c>',
      `<c r="A2" t="inlineStr"><is><t>${'x'.repeat(40_000)}</t></is></c>`,
    );
    expect(() => readWorkbookBuffer(buildXlsx({ workbook: wbXml(false), sheets: [long] }), 'l.xlsx')).toThrow(
      'Không đọc được tệp "l.xlsx": trang tính "S" có ô A2 dài 40.000 ký tự, quá giới hạn 32.767 ký tự của Excel',
    );
  });
});

describe('ambiguity is refused', () => {
  const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData></worksheet>`;
  const wb = (sheets: string, names: string): string =>
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets><definedNames>${names}</definedNames></workbook>`;
  const one = '<sheet name="S" sheetId="1" r:id="rId1"/>';

  test('a name declared twice in the same scope', () => {
    const buf = buildXlsx({
      workbook: wb(
        one,
        '<definedName name="so">S!$A$1</definedName><definedName name="SO">S!$B$1</definedName>',
      ),
      sheets: [sheet],
    });
    expect(() => readWorkbookBuffer(buf, 'n.xlsx')).toThrow(/tên ô “SO” được khai báo hai lần/);
  });

  test('two sheets with the same name (any letter case)', () => {
    const buf = buildXlsx({
      workbook: wb(
        one + '<sheet name="s" sheetId="2" r:id="rId2"/>',
        '<definedName name="so">S!$A$1</definedName>',
      ),
      sheets: [sheet, sheet],
    });
    expect(() => readWorkbookBuffer(buf, 's.xlsx')).toThrow(/có hai trang tính cùng tên “s”/);
  });
});
