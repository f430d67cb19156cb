/**
 * The consolidation's warnings, each a key with its Vietnamese and English text and the same
 * `{params}` (src/pack/texts.ts). The sheet cannot import src/i18n, so the table lives here;
 * `aggregate` makes both lines when a warning is found (`warnings`, `warningsEn`).
 */
import { textOf, type TextArgs, type TextLang } from '../pack/texts';

const WARNINGS = {
  years: [
    'Các bảng tính thuộc nhiều năm ({years}): tổng hợp năm {year}; {other} bảng tính của năm khác được đánh dấu và không tính vào số liệu.',
    'The workbooks belong to several years ({years}): the summary covers {year}; workbooks of another year ({other}) are marked and left out of the figures.',
  ],
  strangers: [
    '{n} đơn vị không có trong danh sách đơn vị: {names}{more}.',
    'Units not in the roster ({n}): {names}{more}.',
  ],
  priorYear: [
    'Bảng tổng hợp dùng để so sánh là của năm {prior}, không phải năm {expected} (năm trước năm tổng hợp {year}).',
    'The summary used for comparison is for {prior}, not {expected} (the year before the summary year {year}).',
  ],
} as const;

export type WarningKey = keyof typeof WARNINGS;

/** A warning's key and, when its text has placeholders, exactly their values. */
export type WarningArgs = TextArgs<typeof WARNINGS>;

/** Every warning with its texts (tests check each pair). */
export const WARNING_TEXTS: Readonly<Record<WarningKey, readonly [vi: string, en: string]>> = WARNINGS;

/** A warning in `lang`, named by its key and values. */
export function warningText(lang: TextLang, ...args: WarningArgs): string {
  const [key, params] = args;
  return textOf(WARNINGS, lang, { key, params });
}
