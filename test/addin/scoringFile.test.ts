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

test("a pack or plan file's problems: the first five in the pane's language, the rest counted", () => {
  const pack = { groups: [], id: 'Goi', version: 1 };
  const vi = parseFile(JSON.stringify(pack), 'goi.json', 'vi');
  const en = parseFile(JSON.stringify(pack), 'goi.json', 'en');
  if (vi.kind !== 'error' || en.kind !== 'error') throw new Error('the pack should be refused');
  expect(vi.message).toMatch(
    /^goi\.json không hợp lệ \(\d+ lỗi\): schemaVersion: thiếu trường bắt buộc \(cần 1\); id: mã chỉ được gồm .* \(và \d+ lỗi khác\)$/,
  );
  expect(en.message).toMatch(
    /^goi\.json is not valid \(problems: \d+\): schemaVersion: a required field is missing \(1 expected\); id: an id may contain only .*; version: wrong type: text \(a string\) expected, got the number 1; .* \(and \d+ more\)$/,
  );
  expect(en.message).not.toMatch(/[À-ỹ]/);
  const plan = parseFile(JSON.stringify({ period: {}, id: 'x' }), 'ke-hoach.json', 'en');
  expect(plan).toEqual({
    kind: 'error',
    message: expect.stringMatching(/^ke-hoach\.json is not valid \(problems: \d+\): /),
  });
  if (plan.kind === 'error') expect(plan.message).not.toMatch(/[À-ỹ]/);
});
