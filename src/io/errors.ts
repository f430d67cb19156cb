/**
 * Errors for unreadable input files. Every message is one Vietnamese line that names the file and
 * the reason — never a stack trace — so the CLI can print it as is and a batch can list it.
 */
import { formatNumber } from '../engine/numbers';
import { codeOf } from '../engine/thrown';

/** A file that cannot be read, with a reason an official can act on. */
export class InputError extends Error {
  readonly file: string;
  readonly reason: string;

  constructor(file: string, reason: string) {
    // one line, whatever the file name or the reason hold
    super(`Không đọc được tệp "${file}": ${reason}`.replace(/[\r\n\u2028\u2029]+/g, ' '));
    this.name = 'InputError';
    this.file = file;
    this.reason = reason;
  }
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'không tìm thấy tệp',
  ENOTDIR: 'đường dẫn không đúng (một phần của đường dẫn không phải thư mục)',
  EISDIR: 'đây là một thư mục, không phải tệp',
  EACCES: 'không có quyền đọc tệp',
  EPERM: 'không có quyền đọc tệp',
  EBUSY: 'tệp đang bị chương trình khác khóa',
  EMFILE: 'quá nhiều tệp đang mở cùng lúc',
  ENFILE: 'quá nhiều tệp đang mở cùng lúc',
  ENAMETOOLONG: 'tên tệp quá dài',
  ELOOP: 'đường dẫn có vòng liên kết',
  EIO: 'lỗi đọc đĩa',
};

/** The reason part for any thrown value (first line of its message only). */
export function reasonOf(e: unknown): string {
  if (e instanceof InputError) return e.reason;
  const code = codeOf(e);
  if (code !== undefined && FS_REASONS[code]) return FS_REASONS[code];
  if (e instanceof RangeError) return 'tệp quá lớn hoặc cấu trúc bất thường, không xử lý được';
  const msg = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  const first = (msg.split(/\r?\n/, 1)[0] ?? '').trim().slice(0, 300);
  return first ? `lỗi không mong đợi (${first})` : 'lỗi không mong đợi';
}

/** One Vietnamese line for an unexpected error while reading `file` (never a stack trace). */
export function describeError(e: unknown, file: string): string {
  if (e instanceof InputError) return e.message;
  return new InputError(file, reasonOf(e)).message;
}

/** Wrap any thrown value as an InputError for `file` (InputErrors pass through). */
export function toInputError(e: unknown, file: string): InputError {
  return e instanceof InputError ? e : new InputError(file, reasonOf(e));
}

/** 1234567 → "1.234.567" (Vietnamese thousands separator). */
export function fmtInt(n: number): string {
  return formatNumber(Math.trunc(n));
}

/** Bytes as "20 MB", "1,5 MB", "312 KB", "12 byte" (Vietnamese decimal comma). */
export function fmtBytes(n: number): string {
  const MB = 1024 * 1024;
  const scaled = (v: number, unit: string): string =>
    `${Number.isInteger(v) ? fmtInt(v) : v >= 100 ? fmtInt(Math.round(v)) : formatNumber(v, { minFractionDigits: 1, maxFractionDigits: 1 })} ${unit}`;
  if (n >= 1024 * MB) return scaled(n / (1024 * MB), 'GB');
  if (n >= MB) return scaled(n / MB, 'MB');
  if (n >= 1024) return `${fmtInt(Math.round(n / 1024))} KB`;
  return `${fmtInt(n)} byte`;
}
