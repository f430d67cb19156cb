import { cellText, table, terminalSafe, truncate, wrap } from '../../src/cli/text';

/*
 * Speed is not asserted here: a quadratic wrap of 1 MB took minutes, which jest's test timeout
 * reports as a hang; `npm run bench` (section text) prints the 2 MB / 1 MB ratio.
 */
describe('terminal text', () => {
  test('control characters and bidi overrides never reach the terminal', () => {
    expect(terminalSafe('a\x1b[31mb\u202Ec\x07d\x9be\nf\tg')).toBe('a[31mbcde\nf\tg');
    expect(cellText('dòng 1\r\ndòng 2\tx')).toBe('dòng 1 dòng 2 x');
  });

  test('truncate cuts by display columns with an ellipsis (combining marks take none)', () => {
    expect(truncate('Xã An Bình', 20)).toBe('Xã An Bình');
    expect(truncate('Xã An Bình', 5)).toBe('Xã A…');
    expect(truncate('Xa\u0303 An', 3)).toBe('Xã…');
  });

  test('1 MB values: wrap and table stay linear, cells are cut, lines fit the width', () => {
    const mb = 'ngắn dài '.repeat(120_000) + 'x'.repeat(100_000);
    const lines = wrap(mb, 80);
    expect(lines.length).toBeGreaterThan(10_000);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    const out = table(
      ['Đơn vị', 'Loại', 'Tệp'],
      [
        [mb, 'Xã', mb],
        ['Xã Một', mb, 'a.xlsx'],
      ],
      100,
    );
    const rows = out.split('\n');
    expect(rows.length).toBeLessThan(40);
    for (const l of rows) expect([...l].length).toBeLessThanOrEqual(100);
    expect(out).toContain('…');
  });
});
