/**
 * The evaluation time as the stamp writes it: dd/mm/yyyy hh:mm in the evaluating machine's time
 * zone, with its UTC offset so that readers get the exact instant back (and older ISO stamps still read).
 */
import { stampTime, stampTimeText } from '../../src/sheet/stampState';

const names = (v: string | number): Record<string, string | number> => ({ dg_thoi_gian: v });

describe('dg_thoi_gian', () => {
  it('is written as local dd/mm/yyyy hh:mm (UTC±hh:mm)', () => {
    const now = new Date(2026, 10, 30, 8, 5, 42); // local time
    const text = stampTimeText(now);
    expect(text).toMatch(/^30\/11\/2026 08:05 \(UTC[+-]\d{2}:\d{2}\)$/);
  });

  it('reads back to the same minute, in any time zone the text names', () => {
    const now = new Date(Date.UTC(2026, 0, 2, 23, 59, 0));
    expect(stampTime(names(stampTimeText(now)))).toBe(now.getTime());
    expect(stampTime(names('02/01/2026 23:59 (UTC+07:00)'))).toBe(Date.UTC(2026, 0, 2, 16, 59));
    expect(stampTime(names('02/01/2026 03:30 (UTC-05:30)'))).toBe(Date.UTC(2026, 0, 2, 9, 0));
  });

  it('still reads the ISO text of older versions, and refuses what is not a time', () => {
    expect(stampTime(names('2026-01-02T16:59:00.000Z'))).toBe(Date.UTC(2026, 0, 2, 16, 59));
    expect(stampTime(names('hôm qua'))).toBeUndefined();
  });
});
