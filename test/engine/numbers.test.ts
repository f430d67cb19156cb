/** Numbers as text: Intl for people, the sheet's own arithmetic where a formula prints the same text. */
import { formatNumber, formatPercent, sheetDecimal, sheetNumberText } from '../../src/engine/numbers';

describe('formatNumber / formatPercent (Intl)', () => {
  it('uses Vietnamese separators by default and English on request', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(-1234.5)).toBe('-1.234,5');
    expect(formatNumber(1.5, { locale: 'en-US' })).toBe('1.5');
    expect(formatNumber(12345.25, { locale: 'en-US' })).toBe('12,345.25');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1.04, { minFractionDigits: 1, maxFractionDigits: 1 })).toBe('1,0');
    expect(formatNumber(2.345, { maxFractionDigits: 2 })).toBe('2,35');
  });

  it('prints ratios as percentages with at most one decimal', () => {
    expect(formatPercent(0.965)).toBe('96,5%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.12345, { maxFractionDigits: 2 })).toBe('12,35%');
    expect(formatPercent(0.5, { locale: 'en-US' })).toBe('50%');
  });
});

describe('sheetDecimal / sheetNumberText (what the formulas print)', () => {
  it.each([
    [1.25, 1, '1,3'],
    [0, 1, '0,0'],
    [99.96, 1, '100,0'],
    [(1 / 66) * 100, 2, '1,52'],
    [(1 / 67) * 100, 2, '1,49'],
    [5, 2, '5,00'],
  ] as const)('%d with %d decimals → %s', (v, places, want) => {
    expect(sheetDecimal(v, places)).toBe(want);
  });

  it('prints a number as the & operator of a Vietnamese Excel does', () => {
    expect(sheetNumberText(1.5)).toBe('1,5');
    expect(sheetNumberText(1234)).toBe('1234');
  });
});
