/** dd/mm/yyyy → serial: one parser for the stamp's date and the answers files. */
import { excelDate, viToSerial } from '../../src/engine/dates';

describe('viToSerial', () => {
  it.each([
    ['31/12/2025', false, excelDate(2025, 12, 31)],
    ['1/2/2025', false, excelDate(2025, 2, 1)],
    ['31-12-2025', false, undefined],
    ['31-12-2025', true, excelDate(2025, 12, 31)],
    ['31.12.2025', true, excelDate(2025, 12, 31)],
    ['29/02/2025', false, undefined],
    ['29/02/2024', false, excelDate(2024, 2, 29)],
    ['2025-12-31', true, undefined],
    [' 31/12/2025', false, undefined],
  ])('%j (any separator: %s) → %s', (text, any, want) => {
    expect(viToSerial(text, any)).toBe(want);
  });
});
