/**
 * Errors for unreadable input files. Every message is one Vietnamese line that names the file and
 * the reason — never a stack trace — so the CLI can print it as is and a batch can list it.
 */
import { formatNumber } from '../engine/numbers';
import { codeOf } from '../engine/thrown';

import type { Lang } from '../i18n/lang';
import { inputErrorLine, inputReason, fsReason, type ReasonKey } from '../i18n/inputReasons';

/** A file that cannot be read, with a reason an official can act on. */
export class InputError extends Error {
  readonly file: string;
  /** the reason in Vietnamese */
  readonly reason: string;
  /** the reason as a key of src/i18n/inputReasons.ts, when it is said in other languages too */
  readonly reasonKey: ReasonKey | undefined;

  constructor(file: string, reason: string | ReasonKey) {
    const key = typeof reason === 'string' ? undefined : reason;
    const text = typeof reason === 'string' ? reason : inputReason('vi', reason);
    super(inputErrorLine('vi', { file, reason: text }));
    this.name = 'InputError';
    this.file = file;
    this.reason = text;
    this.reasonKey = key;
  }

  /** The one line in `lang` (the reason stays Vietnamese when it has no other text). */
  line(lang: Lang): string {
    return inputErrorLine(lang, this);
  }
}

/** The workbook has no cell named after an indicator of the pack (not a criteria workbook of it). */
export function noIndicatorCells(file: string, packId: string): InputError {
  return new InputError(file, { key: 'noIndicatorCells', params: { pack: packId } });
}

/** The reason for any thrown value, as a key where it has one (first line of a message only). */
function reasonFor(e: unknown): string | ReasonKey {
  if (e instanceof InputError) return e.reasonKey ?? e.reason;
  const code = codeOf(e);
  const fs = code === undefined ? undefined : fsReason(code);
  if (fs) return fs;
  if (e instanceof RangeError) return { key: 'tooLarge' };
  const msg = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  const first = (msg.split(/\r?\n/, 1)[0] ?? '').trim().slice(0, 300);
  return first ? { key: 'unexpectedDetail', params: { detail: first } } : { key: 'unexpected' };
}

/** The reason part for any thrown value, in `lang` (first line of its message only). */
export function reasonOf(e: unknown, lang: Lang = 'vi'): string {
  const r = reasonFor(e);
  return typeof r === 'string' ? r : inputReason(lang, r);
}

/** One Vietnamese line for an unexpected error while reading `file` (never a stack trace). */
export function describeError(e: unknown, file: string): string {
  return toInputError(e, file).message;
}

/** Wrap any thrown value as an InputError for `file` (InputErrors pass through). */
export function toInputError(e: unknown, file: string): InputError {
  return e instanceof InputError ? e : new InputError(file, reasonFor(e));
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
