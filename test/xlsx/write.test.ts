/**
 * The ExcelJS writer translates every SheetSpec feature: checked on the written .xlsx parts
 * (workbook defined names, print titles, sheet protection, frozen pane, hidden columns, unlocked
 * input styles, validations, conditional formats, text that looks like a formula).
 */
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { buildCriteriaSheet } from '../../src/sheet/layout';
import { inputIds } from '../../src/pack/inputs';
import type { SheetSpec } from '../../src/sheet/spec';
import { writeWorkbook } from '../../src/xlsx/write';
import { readWorkbookBuffer } from '../../src/io/xlsx';
import { builtinPacksForTests } from '../helpers/cases';
import { at, entry } from '../helpers/at';

const { xa, coquan } = builtinPacksForTests();

function parts(buf: Buffer): { workbook: string; sheet: string; styles: string } {
  const files = unzipSync(new Uint8Array(buf));
  const get = (p: string): string => strFromU8(entry(files, p));
  return {
    workbook: get('xl/workbook.xml'),
    sheet: get('xl/worksheets/sheet1.xml'),
    styles: get('xl/styles.xml'),
  };
}

describe('writeWorkbook', () => {
  let spec: SheetSpec;
  let buf: Buffer;
  let x: ReturnType<typeof parts>;
  beforeAll(async () => {
    spec = buildCriteriaSheet(xa, {
      values: { tc1_minh_chung: '=HYPERLINK("x")', tinh: '-3', ten_don_vi: '+84' },
    });
    buf = await writeWorkbook([spec], { creator: 'test' });
    x = parts(buf);
  });

  it('writes a zip with the sheet "Tiêu chí"', () => {
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(x.workbook).toContain('name="Tiêu chí"');
  });

  it('defines every name at workbook scope on the sheet', () => {
    const missing = spec.names.filter(
      (n) =>
        !x.workbook.includes(`<definedName name="${n.name}">&apos;Tiêu chí&apos;!${n.address}</definedName>`),
    );
    expect(missing).toEqual([]);
    expect(spec.names.length).toBeGreaterThan(100);
  });

  it('quotes a sheet name that reads as a reference in its defined names (ExcelJS leaves R1C1 bare)', async () => {
    for (const [sheetName, quoted] of [
      ['R1C1', '&apos;R1C1&apos;'],
      ['A1', '&apos;A1&apos;'],
      ['2025', '&apos;2025&apos;'],
      ['Sheet1', 'Sheet1'],
      ["O'Neil", '&apos;O&apos;&apos;Neil&apos;'],
    ] as const) {
      const s = buildCriteriaSheet(xa, { sheetName });
      const b = await writeWorkbook([s], { creator: 'test' });
      const address = s.names.find((n) => n.name === 'ten_don_vi')?.address ?? '?';
      const { workbook } = parts(b);
      expect(workbook).toContain(`<definedName name="ten_don_vi">${quoted}!${address}</definedName>`);
      expect(workbook).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">${quoted}!$A$1:`);
      // and the product's own reader finds the named cell on that sheet
      expect(readWorkbookBuffer(b, 'x.xlsx').nameRefs.get('ten_don_vi')).toEqual({
        sheet: sheetName,
        address: address.replace(/\$/g, ''),
      });
    }
  });

  it('sets print titles, print area, A4 landscape fitted to the page width', () => {
    const h = spec.freeze.rows;
    expect(x.workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Tiêu chí&apos;!$${h}:$${h}</definedName>`,
    );
    expect(x.workbook).toMatch(
      /_xlnm\.Print_Area" localSheetId="0">&apos;Tiêu chí&apos;!\$A\$1:\$H\$[0-9]+</,
    );
    expect(x.sheet).toMatch(
      /<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/,
    );
    expect(x.sheet).toContain('<pageSetUpPr fitToPage="1"/>');
  });

  it('writes page margins given in millimetres (dossier sheets: Nghị định 30/2020)', async () => {
    const withMargins: SheetSpec = {
      ...spec,
      print: { ...spec.print, margins: { top: 20, bottom: 25, left: 30, right: 15 } },
    };
    const sheet = parts(await writeWorkbook([withMargins])).sheet;
    expect(sheet).toMatch(/<pageMargins left="1.181" right="0.591" top="0.787" bottom="0.984"/);
    // the criteria sheet's own: A4 landscape, 10 mm sides, 15 mm top and bottom
    expect(x.sheet).toMatch(/<pageMargins left="0.394" right="0.394" top="0.591" bottom="0.591"/);
  });

  it('writes a manual page break above each row the spec lists, page numbers from 1, footer 10 pt', () => {
    const breaks = spec.print.rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(1);
    const rowBreaks = /<rowBreaks [^>]*>(.*?)<\/rowBreaks>/.exec(x.sheet)?.[1] ?? '';
    const ids = [...rowBreaks.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    // OOXML records the row after which the page breaks
    expect(ids).toEqual(breaks.map((r) => r - 1));
    expect(x.sheet).toMatch(/<pageSetup [^>]*firstPageNumber="1"[^>]*useFirstPageNumber="1"/);
    expect(x.sheet).toContain('<oddFooter>&amp;L&amp;10&amp;A&amp;R&amp;10Trang &amp;P/&amp;N</oddFooter>');
  });

  it('freezes the header, hides helper columns, protects without a password', () => {
    expect(x.sheet).toContain(`<pane ySplit="${spec.freeze.rows}" topLeftCell="A${spec.freeze.rows + 1}"`);
    expect(x.sheet).toContain('state="frozen"');
    expect(x.sheet).toMatch(/<col min="9" max="9" [^>]*hidden="1"/);
    expect(x.sheet).toMatch(/<col min="10" max="10" [^>]*hidden="1"/);
    expect(x.sheet).toMatch(/<sheetProtection sheet="1"/);
    expect(x.sheet).not.toMatch(/hashValue|password=/);
  });

  it('writes data validations and conditional formats', () => {
    const dv = [...x.sheet.matchAll(/<dataValidation /g)].length;
    expect(dv).toBe(spec.validations.length);
    expect(x.sheet).toContain('<formula1>&quot;Có,Không&quot;</formula1>');
    expect(x.sheet).toMatch(
      /<dataValidation type="date"[^>]*><formula1>1<\/formula1><formula2>2958465<\/formula2>/,
    );
    const cf = [...x.sheet.matchAll(/<cfRule type="expression"/g)].length;
    expect(cf).toBe(spec.conditionalFormats.length);
  });

  it('round-trips through ExcelJS: unlocked inputs, formulas, text that looks like a formula', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tiêu chí');
    if (!ws) throw new Error('no sheet “Tiêu chí” in the written workbook');
    expect(ws.name).toBe('Tiêu chí');
    const cellOf = (name: string): ExcelJS.Cell => {
      const loc = at(wb.definedNames.getRanges(name).ranges, 0);
      return ws.getCell(loc.slice(loc.lastIndexOf('!') + 1).replace(/\$/g, ''));
    };
    for (const id of inputIds(xa)) expect(cellOf(id).protection?.locked).toBe(false);
    expect(cellOf('kq_tc1').protection?.locked).not.toBe(false);
    expect(cellOf('ket_luan').formula).toMatch(/^IF\(COUNTIF\(/);
    expect(cellOf('tc1_minh_chung').value).toBe('=HYPERLINK("x")');
    expect(cellOf('tinh').value).toBe('-3');
    expect(cellOf('ten_don_vi').value).toBe('+84');
    expect(cellOf('tc1_minh_chung').type).toBe(ExcelJS.ValueType.String);
    expect(cellOf('goi_tieu_chi').value).toBe('xa');
  });

  it('writes several sheets in order', async () => {
    const a = buildCriteriaSheet(xa);
    const b = { ...buildCriteriaSheet(coquan, { sheetName: 'Cơ quan' }), names: [] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook([a, b])) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tiêu chí', 'Cơ quan']);
  });
});
