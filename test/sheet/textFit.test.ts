import { wrappedLines } from '../../src/sheet/textFit';

describe('wrappedLines', () => {
  it.each([
    ['', 10, 1],
    ['một hai ba', 10, 1],
    // "một hai ba bốn": the fourth word does not fit after 10 characters
    ['một hai ba bốn', 10, 2],
    ['dòng một\ndòng hai', 40, 2],
    // a word longer than a line takes as many lines as it needs
    ['x'.repeat(25), 10, 3],
    ['a ' + 'x'.repeat(25), 10, 4],
  ])('%j in %d characters → %d lines', (text, per, want) => {
    expect(wrappedLines(text, per)).toBe(want);
  });
});
