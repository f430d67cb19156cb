/**
 * A plan or pack file the official loads in the pane (src/taskpane/scoring.ts `parseFile`): why it
 * cannot be read is said in the pane's language.
 */
import { parseFile } from '../../src/taskpane/scoring';

test('a file that is not JSON: the line and column, in Vietnamese or English', () => {
  expect(parseFile('{"id": }', 'goi.json')).toEqual({
    kind: 'error',
    message:
      'Không đọc được tệp "goi.json": JSON không hợp lệ ở dòng 1, cột 8: cần một giá trị (gặp ký tự “}”)',
  });
  expect(parseFile('{"id": }', 'goi.json', 'en')).toEqual({
    kind: 'error',
    message:
      'Cannot read file "goi.json": invalid JSON at line 1, column 8: a value is expected (found the character “}”)',
  });
});

test('JSON that is neither a plan nor a pack', () => {
  expect(parseFile('{"id": "x"}', 'goi.json')).toEqual({
    kind: 'error',
    message: 'goi.json: không phải tệp kế hoạch (có "period") hay bộ tiêu chí (có "groups")',
  });
  expect(parseFile('{"id": "x"}', 'goi.json', 'en')).toEqual({
    kind: 'error',
    message: 'goi.json: neither a plan file (with "period") nor a criteria pack (with "groups")',
  });
});
