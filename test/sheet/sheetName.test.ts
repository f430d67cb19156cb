/**
 * Worksheet names: one rule set for the add-in's checks and its free-name picker (issue 11: the
 * rules lived in three places and only one refused "History").
 */
import { freeSheetName, isFreeSheetName, sheetNameProblem } from '../../src/sheet/sheetName';

describe('sheetNameProblem', () => {
  it.each([
    ['Tiêu chí', undefined],
    ['Sheet1', undefined],
    ["Báo cáo 'mới' 2025", undefined],
    ['R1C1', undefined],
    ['x'.repeat(31), undefined],
    ['', 'empty'],
    ['x'.repeat(32), 'tooLong'],
    ['a/b', 'forbiddenChar'],
    ['a\\b', 'forbiddenChar'],
    ['a?', 'forbiddenChar'],
    ['a*', 'forbiddenChar'],
    ['[a]', 'forbiddenChar'],
    ['a:b', 'forbiddenChar'],
    ["'a", 'apostropheEdge'],
    ["a'", 'apostropheEdge'],
    ['History', 'reserved'],
    ['HISTORY', 'reserved'],
    ['history', 'reserved'],
  ])('%j → %s', (name, problem) => {
    expect(sheetNameProblem(name)).toBe(problem);
  });
});

describe('isFreeSheetName', () => {
  it('refuses an invalid name and a taken one, whatever the case', () => {
    expect(isFreeSheetName('Tổng hợp', ['Tiêu chí'])).toBe(true);
    expect(isFreeSheetName('tổng HỢP', ['Tổng hợp'])).toBe(false);
    expect(isFreeSheetName('History', [])).toBe(false);
    expect(isFreeSheetName('a:b', [])).toBe(false);
  });
});

describe('freeSheetName', () => {
  it('numbers a taken name, never returns a reserved one, stays within 31 characters', () => {
    expect(freeSheetName('Tổng hợp', [])).toBe('Tổng hợp');
    expect(freeSheetName('Tổng hợp', ['tổng hợp', 'TỔNG HỢP (2)'])).toBe('Tổng hợp (3)');
    expect(freeSheetName('History', [])).toBe('History (2)');
    const long = 'x'.repeat(31);
    expect(freeSheetName(long, [long])).toBe(`${'x'.repeat(27)} (2)`);
    // a base Excel refuses as it stands gets a number that makes it valid
    expect(freeSheetName("Đơn vị 'A'", [])).toBe("Đơn vị 'A' (2)");
  });

  it('refuses a base Excel can never accept', () => {
    expect(() => freeSheetName('a/b', [])).toThrow('no free sheet name from “a/b”');
  });
});
