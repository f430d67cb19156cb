/**
 * Why a file cannot be read, in Vietnamese (the default, and the text of every InputError's
 * message) and English (the CLI's `--lang en`, the pane in English). Every reason is a key of one
 * table (split by area in ./reasons/) with `{params}`; a throw site names the key and its values,
 * and the text is made only when a line is asked for (never on a reader's success path).
 *
 * A value is a string (as is), a whole number (digits grouped as the language writes them), a
 * size in bytes, a decimal, or another reason (said in the same language: the XML error inside
 * "part … is broken", the kind of file inside "this is …").
 */
import { formatNumber } from '../engine/numbers';
import type { Placeholders } from '../pack/texts';
import type { Lang } from './lang';
import { FILE_REASONS } from './reasons/files';
import { WORKBOOK_REASONS } from './reasons/workbook';
import { XML_REASONS } from './reasons/xml';
import { ZIP_REASONS } from './reasons/zip';

const REASONS = { ...FILE_REASONS, ...ZIP_REASONS, ...XML_REASONS, ...WORKBOOK_REASONS } as const;

export type InputReasonKey = keyof typeof REASONS;

/** Every reason with its texts (tests check each pair; the readers use keys). */
export const INPUT_REASONS: Readonly<Record<InputReasonKey, readonly [vi: string, en: string]>> = REASONS;

/** A value put into a reason's text. */
export type ReasonParam =
  string | number | { bytes: number } | { decimal: number; digits?: number } | ReasonKey;

/** A reason as a key and its values: plain data (a worker can post it), said in either language. */
export interface ReasonKey {
  key: InputReasonKey;
  params?: Readonly<Record<string, ReasonParam>>;
}

type NamesOf<K extends InputReasonKey> = Placeholders<(typeof REASONS)[K][0]>;

/** A key and, when its text has placeholders, exactly their values (checked where it is thrown). */
export type ReasonArgs = {
  [K in InputReasonKey]: [NamesOf<K>] extends [never]
    ? [key: K]
    : [key: K, params: { readonly [P in NamesOf<K>]: ReasonParam }];
}[InputReasonKey];

/** The reason named by a key and its values (see ReasonArgs). */
export function reason(...args: ReasonArgs): ReasonKey {
  return args.length === 1 ? { key: args[0] } : { key: args[0], params: args[1] };
}

const isReasonKey = (key: string): key is InputReasonKey =>
  Object.prototype.hasOwnProperty.call(REASONS, key);

/** The reason for a Node file-system error code (ENOENT, EACCES…) we have words for. */
export function fsReason(code: string): ReasonKey | undefined {
  const key = `fs.${code}`;
  return isReasonKey(key) ? { key } : undefined;
}

const LOCALE = { vi: 'vi-VN', en: 'en-US' } as const;

/** A size: "20 MB", "1,5 MB", "312 KB", "12 byte" (English: "1.5 MB", "12 bytes"). */
export function bytesText(lang: Lang, n: number): string {
  const locale = LOCALE[lang];
  const int = (v: number): string => formatNumber(Math.trunc(v), { locale });
  const MB = 1024 * 1024;
  const scaled = (v: number, unit: string): string =>
    `${Number.isInteger(v) ? int(v) : v >= 100 ? int(Math.round(v)) : formatNumber(v, { locale, minFractionDigits: 1, maxFractionDigits: 1 })} ${unit}`;
  if (n >= 1024 * MB) return scaled(n / (1024 * MB), 'GB');
  if (n >= MB) return scaled(n / MB, 'MB');
  if (n >= 1024) return `${int(Math.round(n / 1024))} KB`;
  return lang === 'vi' || n === 1 ? `${int(n)} byte` : `${int(n)} bytes`;
}

function paramText(lang: Lang, v: ReasonParam): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(Math.trunc(v), { locale: LOCALE[lang] });
  if ('key' in v) return inputReason(lang, v);
  if ('bytes' in v) return bytesText(lang, v.bytes);
  return formatNumber(v.decimal, { locale: LOCALE[lang], maxFractionDigits: v.digits });
}

/** The reason in `lang`; the values are inserted in one pass (a "{…}" inside a value stays). */
export function inputReason(lang: Lang, r: ReasonKey): string {
  const [vi, en] = REASONS[r.key];
  const text: string = lang === 'vi' ? vi : en;
  const params = r.params;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    return v === undefined ? whole : paramText(lang, v);
  });
}

const PREFIX: Record<Lang, readonly [string, string]> = {
  vi: ['Không đọc được tệp "', '": '],
  en: ['Cannot read file "', '": '],
};

/** One line naming the file and the reason (whatever line breaks the name or the reason hold). */
export function inputErrorLine(lang: Lang, e: { file: string; reasonKey: ReasonKey }): string {
  const [before, after] = PREFIX[lang];
  return `${before}${e.file}${after}${inputReason(lang, e.reasonKey)}`.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
