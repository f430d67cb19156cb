import { evaluate } from '../../src/engine/evaluate';
import { getBuiltinPack } from '../../src/pack/registry';
import { HostError } from '../../src/excel/errors';
import { InputError } from '../../src/io/errors';
import { en } from '../../src/i18n/en';
import { vi } from '../../src/i18n/vi';
import { format, formatNumber, pickLanguage, verdictText } from '../../src/i18n';
import {
  countByStatus,
  describeError,
  filterCriteria,
  isUserError,
  firstInputId,
  groupProgress,
  parseYear,
  suggestSheetName,
  validSheetName,
} from '../../src/taskpane/model';
import { at } from '../helpers/at';

const xa = getBuiltinPack('xa');
if (!xa) throw new Error('pack xa missing');
const TODAY = 46347; // 21/11/2026

describe('pane language', () => {
  it('Vietnamese by default and for vi-*, English for any other known language', () => {
    expect(pickLanguage(undefined)).toBe('vi');
    expect(pickLanguage('vi-VN')).toBe('vi');
    expect(pickLanguage('VI')).toBe('vi');
    expect(pickLanguage('en-US')).toBe('en');
    expect(pickLanguage('fr-FR')).toBe('en');
  });

  it('both tables have the same keys and the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const holes = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(vi) as Array<keyof typeof vi>)
      expect([k, holes(en[k])]).toEqual([k, holes(vi[k])]);
  });

  it('fills placeholders and keeps unknown ones visible; comma decimals in Vietnamese', () => {
    expect(format('Đạt {passed}/{applicable}', { passed: 3, applicable: 34 })).toBe('Đạt 3/34');
    expect(format('{x} {y}', { x: 1 })).toBe('1 {y}');
    expect(formatNumber('vi', 12.5, 1)).toBe('12,5');
    expect(formatNumber('en', 12.5, 1)).toBe('12.5');
  });
});

describe('pane model', () => {
  const ev = evaluate(xa, { tc1_quan_triet: 'Không', tc3_cach_lam_hay: -1 }, { today: TODAY });

  it('groups the criteria with their progress', () => {
    const groups = groupProgress(ev);
    expect(groups.map((g) => g.id)).toEqual(xa.groups.map((g) => g.id));
    expect(groups.reduce((n, g) => n + g.applicable, 0)).toBe(ev.applicable);
  });

  it('filters by status; "all" lists the worst first', () => {
    const counts = countByStatus(ev);
    expect(counts.fail).toBeGreaterThanOrEqual(1);
    expect(filterCriteria(ev, 'fail').every((c) => c.status === 'fail')).toBe(true);
    expect(filterCriteria(ev, 'fail').map((c) => c.id)).toContain('TC1');
    const all = filterCriteria(ev, 'all');
    expect(at(all, 0).status).toBe('fail');
    expect(all.some((c) => c.status === 'na')).toBe(false);
  });

  it('Đi tới targets the input that decides the status', () => {
    const tc1 = ev.criteria.find((c) => c.id === 'TC1');
    expect(tc1 && firstInputId(tc1)).toBe('tc1_quan_triet');
    const tc3 = ev.criteria.find((c) => c.id === 'TC3');
    expect(tc3?.status).toBe('invalid');
    expect(tc3 && firstInputId(tc3)).toBe('tc3_cach_lam_hay');
  });

  it('the English verdict keeps the failing ids', () => {
    expect(verdictText('en', ev)).toBe('Not met: TC1');
    expect(verdictText('vi', ev)).toBe(ev.verdict.label);
  });

  it('validates years and sheet names like Excel', () => {
    expect(parseYear('2026')).toBe(2026);
    expect(parseYear(' 2026 ')).toBe(2026);
    expect(parseYear('26')).toBeUndefined();
    expect(parseYear('2026a')).toBeUndefined();
    expect(validSheetName('Tiêu chí 2', ['Tiêu chí'])).toBe(true);
    expect(validSheetName('tiêu CHÍ', ['Tiêu chí'])).toBe(false);
    expect(validSheetName('a/b', [])).toBe(false);
    expect(validSheetName('x'.repeat(32), [])).toBe(false);
    expect(validSheetName('  ', [])).toBe(false);
    expect(suggestSheetName('Tiêu chí', ['Tiêu chí', 'Tiêu chí 2'])).toBe('Tiêu chí 3');
  });

  it('errors become sentences, never stack traces', () => {
    expect(describeError({ code: 'InvalidOperationInCellEditMode', message: 'x' })).toEqual({
      key: 'error.editMode',
    });
    expect(describeError({ code: 'AccessDenied' })).toEqual({ key: 'error.protected' });
    // ours by class, whatever the language of the text
    const host = new HostError('Trang “X” dùng gói tiêu chí “abc”, add-in này không có gói đó.');
    expect(describeError(host)).toEqual({ text: host.message });
    const input = new InputError('xa.xlsx', 'file.empty');
    expect(describeError(input)).toEqual({ text: 'Không đọc được tệp "xa.xlsx": tệp rỗng (0 byte)' });
    // a file's reason follows the pane's language
    expect(describeError(input, 'en')).toEqual({
      text: 'Cannot read file "xa.xlsx": the file is empty (0 bytes)',
    });
    expect(isUserError(input) && isUserError(host)).toBe(true);
    // a fault is not shown as it is, even with Vietnamese letters in it
    const fault = new Error('Địa chỉ ô không hợp lệ: ZZ');
    expect(isUserError(fault)).toBe(false);
    expect(describeError(fault)).toEqual({ key: 'error.generic' });
    expect(describeError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toEqual({
      key: 'error.generic',
    });
    expect(describeError('boom\n    at foo (bar.js:1:2)')).toEqual({ key: 'error.generic' });
  });
});
