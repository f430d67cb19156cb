/**
 * The table of reasons a file cannot be read (src/i18n/inputReasons.ts, src/i18n/reasons/) and the
 * tables of problems and warnings (src/pack/issueTexts.ts, src/sheet/warningTexts.ts): every key
 * says its text in both languages with the same values, the English has no Vietnamese left,
 * and the values are said in the language of the line (sizes, numbers, nested reasons).
 */
import { INPUT_REASONS, inputErrorLine, inputReason, reason } from '../../src/i18n/inputReasons';
import { ISSUE_TEXTS } from '../../src/pack/issueTexts';
import { WARNING_TEXTS } from '../../src/sheet/warningTexts';

const VIETNAMESE = /[À-ỹ]/;
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

// the reasons, and the tables of the rooms that cannot import src/i18n (src/pack/texts.ts): a pack
// or plan file's problems and the consolidation's warnings (their values: messageTables.test.ts)
describe.each([
  ['reasons', INPUT_REASONS],
  ['pack and plan problems', ISSUE_TEXTS],
  ['consolidation warnings', WARNING_TEXTS],
] as const)('%s', (_, table) => {
  describe.each(Object.entries(table))('%s', (key, [vi, en]) => {
    test('has a Vietnamese and an English text with the same {params}', () => {
      expect(vi.trim()).not.toBe('');
      expect(en.trim()).not.toBe('');
      expect(placeholders(en)).toEqual(placeholders(vi));
    });

    test('the English text has no Vietnamese letter', () => {
      expect(`${key}: ${en}`).not.toMatch(VIETNAMESE);
    });
  });
});

test('the table is the whole set (the readers raise well over a hundred reasons)', () => {
  expect(Object.keys(INPUT_REASONS).length).toBeGreaterThan(150);
});

test('values follow the language: sizes, whole numbers, decimals and nested reasons', () => {
  const big = reason('file.tooBig', { size: { bytes: 1.5 * 1024 * 1024 }, max: { bytes: 12 } });
  expect([inputReason('vi', big), inputReason('en', big)]).toEqual([
    'tệp quá lớn (1,5 MB; tối đa 12 byte)',
    'the file is too large (1.5 MB; at most 12 bytes)',
  ]);
  const many = reason('zip.tooManyEntries', { count: 123456, max: 10000 });
  expect(inputReason('vi', many)).toBe('tệp nén có quá nhiều mục (123.456; tối đa 10.000)');
  expect(inputReason('en', many)).toBe('the zip file has too many entries (123,456; at most 10,000)');
  const slow = reason('file.timeout', { seconds: { decimal: 2.5, digits: 1 } });
  expect(inputReason('en', slow)).toBe('reading the file took longer than allowed (2.5 seconds)');
  expect(inputReason('vi', slow)).toBe('đọc tệp quá thời gian cho phép (2,5 giây)');
  const part = reason('part.badXml', {
    path: 'xl/workbook.xml',
    xml: reason('xml.badAttribute', { tag: 'sheet', why: reason('xml.attrRepeated', { name: 'name' }) }),
  });
  expect(inputReason('vi', part)).toBe(
    'phần "xl/workbook.xml" hỏng (XML không hợp lệ: thẻ <sheet> có thuộc tính không hợp lệ (name lặp lại))',
  );
  expect(inputReason('en', part)).toBe(
    'part "xl/workbook.xml" is broken (invalid XML: tag <sheet> has an invalid attribute (name repeated))',
  );
});

test('a value is inserted as it is, on one line, whatever braces or line breaks it holds', () => {
  const r = reason('zip.crc', { entry: 'a{entry}\nb' });
  expect(inputErrorLine('en', { file: 'x{file}.xlsx', reasonKey: r })).toBe(
    'Cannot read file "x{file}.xlsx": entry "a{entry} b" is broken (wrong CRC checksum)',
  );
});
