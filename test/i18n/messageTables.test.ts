/**
 * The tables of messages beside the code that finds the problems (src/pack/texts.ts): a pack or
 * plan file's problems (src/pack/issueTexts.ts) and the consolidation's warnings
 * (src/sheet/warningTexts.ts) say their values in the language of the line. Every key's two texts
 * are checked with the reasons' (inputReasons.test.ts).
 */
import { issueLine, issueMsg, issueText, packIssue, ROOT_PATH } from '../../src/pack/issueTexts';
import { warningText } from '../../src/sheet/warningTexts';

test('values follow the language: nested messages, alternatives, texts given in both languages', () => {
  const msg = issueMsg('pack.refType', {
    what: issueMsg('what.kind', { kind: 'zero' }),
    want: { or: [{ key: 'ind.count' }, { key: 'ind.date' }] },
    id: 'a{id}',
    got: { vi: 'khác', en: 'other' },
  });
  expect(issueText('vi', msg)).toBe(
    'yêu cầu loại zero cần chỉ tiêu kiểu số đếm (count) hoặc ngày (date); “a{id}” là khác',
  );
  expect(issueText('en', msg)).toBe(
    'a requirement of kind zero needs an indicator of type count or date; “a{id}” is of type other',
  );
});

test('an issue keeps its Vietnamese message; its line names the root in the language', () => {
  const i = packIssue(ROOT_PATH, 'pack.unreadable', { why: 'x' });
  expect(i.message).toBe('không đọc được gói tiêu chí: x');
  expect(issueLine('vi', i)).toBe('(gốc): không đọc được gói tiêu chí: x');
  expect(issueLine('en', i)).toBe('(root): the criteria pack cannot be read: x');
});

test('warnings in either language', () => {
  const args = ['priorYear', { prior: 2023, expected: 2024, year: 2025 }] as const;
  expect(warningText('vi', ...args)).toBe(
    'Bảng tổng hợp dùng để so sánh là của năm 2023, không phải năm 2024 (năm trước năm tổng hợp 2025).',
  );
  expect(warningText('en', ...args)).toBe(
    'The summary used for comparison is for 2023, not 2024 (the year before the summary year 2025).',
  );
});
