/**
 * Sheet names in references: quoted whenever Excel could read the bare name as something else
 * (issue: a sheet named "R1C1" was left unquoted). A HyperFormula workbook resolves every quoted
 * reference the function prints, so the quoting is checked by a real formula engine too.
 */
import { HyperFormula } from 'hyperformula';
import { parseReference, quoteSheet } from '../../src/sheet/address';

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
