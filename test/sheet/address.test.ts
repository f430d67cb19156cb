/**
 * Sheet names in references: quoted whenever Excel could read the bare name as something else
 * (issue: a sheet named "R1C1" was left unquoted). A HyperFormula workbook resolves every quoted
 * reference the function prints, so the quoting is checked by a real formula engine too.
 */
import { HyperFormula } from 'hyperformula';
import {
  absoluteArea,
  absoluteCell,
  areaAddress,
  colToLetters,
  lettersToCol,
  parseReference,
  quoteSheet,
  sheetRef,
} from '../../src/sheet/address';

describe('quoteSheet', () => {
  it.each([
    ['Tiêu chí', "'Tiêu chí'"],
    ['Sheet1', 'Sheet1'],
    ['Du_lieu.2025', 'Du_lieu.2025'],
    ['R1C1', "'R1C1'"],
    ['r1c1', "'r1c1'"],
    ['R', "'R'"],
    ['C', "'C'"],
    ['RC', "'RC'"],
    ['R12', "'R12'"],
    ['C3', "'C3'"],
    ['RC5', "'RC5'"],
    ['A1', "'A1'"],
    ['XFD1048576', "'XFD1048576'"],
    ['TRUE', "'TRUE'"],
    ['2025', "'2025'"],
    ["Báo cáo 'mới'", "'Báo cáo ''mới'''"],
    ['Tổng hợp (2)', "'Tổng hợp (2)'"],
    // names Excel would read as an address, a number or something else
    ['xfd1', "'xfd1'"],
    ['FALSE', "'FALSE'"],
    ['1abc', "'1abc'"],
    ['.x', "'.x'"],
    ['Sheet 1', "'Sheet 1'"],
    ['Tiêu_chí', "'Tiêu_chí'"],
    ['Đơn_vị', "'Đơn_vị'"],
    ["O'Neil", "'O''Neil'"],
    // plain identifiers that are no reference stay bare
    ['ABCD1', 'ABCD1'],
    ['R1C1X', 'R1C1X'],
    ['_tong', '_tong'],
    ['History', 'History'],
  ])('%s → %s', (name, quoted) => {
    expect(quoteSheet(name)).toBe(quoted);
    // and it parses back to the same sheet
    expect(parseReference(`${quoted}!$B$2`)?.sheet).toBe(name);
  });

  it('a formula engine resolves the quoted references', () => {
    const names = ['R1C1', 'RC', 'A1', "Báo cáo 'mới'", 'Sheet1'];
    const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
    try {
      for (const [i, n] of names.entries()) {
        const id = hf.getSheetId(hf.addSheet(n)) ?? -1;
        hf.setCellContents({ sheet: id, row: 1, col: 1 }, i + 10);
      }
      const sum = hf.getSheetId(hf.addSheet('Tổng')) ?? -1;
      hf.setCellContents(
        { sheet: sum, row: 0, col: 0 },
        `=${names.map((n) => `${quoteSheet(n)}!B2`).join('+')}`,
      );
      expect(hf.getCellValue({ sheet: sum, row: 0, col: 0 })).toBe(10 + 11 + 12 + 13 + 14);
    } finally {
      hf.destroy();
    }
  });
});

describe('A1 helpers', () => {
  it('column letters round-trip at the edges of each letter count', () => {
    for (const [col, letters] of [
      [1, 'A'],
      [26, 'Z'],
      [27, 'AA'],
      [702, 'ZZ'],
      [703, 'AAA'],
      [16384, 'XFD'],
    ] as const) {
      expect(colToLetters(col)).toBe(letters);
      expect(lettersToCol(letters)).toBe(col);
      expect(lettersToCol(letters.toLowerCase())).toBe(col);
    }
  });

  it('prints cells, areas and sheet-qualified references', () => {
    expect(absoluteCell(7, 2)).toBe('$B$7');
    expect(areaAddress(7, 2, 7, 2)).toBe('B7:B7');
    expect(absoluteArea(7, 2, 9, 4)).toBe('$B$7:$D$9');
    expect(sheetRef('R1C1', '$B$7')).toBe("'R1C1'!$B$7");
    expect(sheetRef('Sheet1', 'B7:D9')).toBe('Sheet1!B7:D9');
    expect(parseReference(sheetRef("Báo cáo 'mới'", '$B$7:$D$9'))).toEqual({
      sheet: "Báo cáo 'mới'",
      address: 'B7:D9',
      rect: { row: 7, col: 2, rows: 3, cols: 3 },
    });
  });
});
