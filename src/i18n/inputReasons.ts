/**
 * Why a file cannot be read, in Vietnamese (the default, and the text of every InputError's
 * message) and English (the CLI's `--lang en`). Reasons written only in Vietnamese where they are
 * raised stay Vietnamese in both languages; these are the ones raised in several places.
 */
import { format, type Lang, type Params } from './lang';

const REASONS = {
  'fs.ENOENT': ['không tìm thấy tệp', 'file not found'],
  'fs.ENOTDIR': [
    'đường dẫn không đúng (một phần của đường dẫn không phải thư mục)',
    'wrong path (a part of the path is not a folder)',
  ],
  'fs.EISDIR': ['đây là một thư mục, không phải tệp', 'this is a folder, not a file'],
  'fs.EACCES': ['không có quyền đọc tệp', 'no permission to read the file'],
  'fs.EPERM': ['không có quyền đọc tệp', 'no permission to read the file'],
  'fs.EBUSY': ['tệp đang bị chương trình khác khóa', 'the file is locked by another program'],
  'fs.EMFILE': ['quá nhiều tệp đang mở cùng lúc', 'too many files open at once'],
  'fs.ENFILE': ['quá nhiều tệp đang mở cùng lúc', 'too many files open at once'],
  'fs.ENAMETOOLONG': ['tên tệp quá dài', 'the file name is too long'],
  'fs.ELOOP': ['đường dẫn có vòng liên kết', 'the path has a link loop'],
  'fs.EIO': ['lỗi đọc đĩa', 'disk read error'],
  tooLarge: [
    'tệp quá lớn hoặc cấu trúc bất thường, không xử lý được',
    'the file is too large or oddly built; it cannot be processed',
  ],
  unexpected: ['lỗi không mong đợi', 'unexpected error'],
  unexpectedDetail: ['lỗi không mong đợi ({detail})', 'unexpected error ({detail})'],
  noIndicatorCells: [
    'bảng tính không có ô nào mang tên chỉ số của bộ tiêu chí "{pack}"',
    'the workbook has no cell named after an indicator of criteria pack "{pack}"',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type InputReasonKey = keyof typeof REASONS;

/** A reason as a key and its values (InputError keeps it to say the reason in either language). */
export interface ReasonKey {
  key: InputReasonKey;
  params?: Params;
}

const isReasonKey = (key: string): key is InputReasonKey =>
  Object.prototype.hasOwnProperty.call(REASONS, key);

/** The reason for a Node file-system error code (ENOENT, EACCES…) we have words for. */
export function fsReason(code: string): ReasonKey | undefined {
  const key = `fs.${code}`;
  return isReasonKey(key) ? { key } : undefined;
}

export function inputReason(lang: Lang, r: ReasonKey): string {
  const [vi, en] = REASONS[r.key];
  return format(lang === 'vi' ? vi : en, r.params);
}

const PREFIX: Record<Lang, string> = {
  vi: 'Không đọc được tệp "{file}": {reason}',
  en: 'Cannot read file "{file}": {reason}',
};

/** One line naming the file and the reason (whatever line breaks the name or the reason hold). */
export function inputErrorLine(
  lang: Lang,
  e: { file: string; reason: string; reasonKey?: ReasonKey | undefined },
): string {
  const reason = e.reasonKey ? inputReason(lang, e.reasonKey) : e.reason;
  // the values are inserted in one pass: a "{…}" in a file name stays as it is
  return format(PREFIX[lang], { file: e.file, reason }).replace(/[\r\n\u2028\u2029]+/g, ' ');
}
