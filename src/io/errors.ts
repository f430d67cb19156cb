/**
 * Errors for unreadable input files. Every message is one Vietnamese line that names the file and
 * the reason — never a stack trace — so the CLI can print it as is and a batch can list it.
 */
import { formatNumber } from '../engine/numbers';
import { codeOf } from '../engine/thrown';

import type { FileError } from '../sheet/aggregate';
import type { Lang } from '../i18n/lang';
import {
  bytesText,
  fsReason,
  inputErrorLine,
  inputReason,
  reason,
  type ReasonArgs,
  type ReasonKey,
} from '../i18n/inputReasons';

export { reason, type ReasonArgs, type ReasonKey, type ReasonParam } from '../i18n/inputReasons';

/** A reader's way to refuse its file: a reason of src/i18n/inputReasons.ts and its values. */
export type Refuse = (...why: ReasonArgs) => InputError;

/** A file that cannot be read, with a reason an official can act on. */
export class InputError extends Error {
  readonly file: string;
  /** the reason in Vietnamese */
  readonly reason: string;
  /** the reason as a key of src/i18n/inputReasons.ts and its values (to say it in any language) */
  readonly reasonKey: ReasonKey;

  /** `new InputError(file, 'zip.crc', { entry })`, or with a reason already made (`reason(…)`). */
  constructor(file: string, ...why: ReasonArgs | [ReasonKey]) {
    const first = why[0];
    const key: ReasonKey = typeof first === 'object' ? first : { key: first, params: why[1] };
    super(inputErrorLine('vi', { file, reasonKey: key }));
    this.name = 'InputError';
    this.file = file;
    this.reason = inputReason('vi', key);
    this.reasonKey = key;
  }

  /** The one line in `lang`. */
  line(lang: Lang): string {
    return inputErrorLine(lang, this);
  }
}

/**
 * No file reader could be started at all (the worker's bundle did not load): the batch stops as a
 * whole. Not a file's fault, so no file is named; said in either language like a reason.
 */
export class ReaderStartError extends Error {
  constructor(readonly reasonKey: ReasonKey) {
    super(inputReason('vi', reasonKey));
    this.name = 'ReaderStartError';
  }

  /** The one line in `lang`. */
  line(lang: Lang): string {
    return inputReason(lang, this.reasonKey);
  }
}

/** The workbook has no cell named after an indicator of the pack (not a criteria workbook of it). */
export function noIndicatorCells(file: string, packId: string): InputError {
  return new InputError(file, 'noIndicatorCells', { pack: packId });
}

/** The reason for any thrown value, as a key (first line of a foreign message only). */
function reasonFor(e: unknown): ReasonKey {
  if (e instanceof InputError) return e.reasonKey;
  const code = codeOf(e);
  const fs = code === undefined ? undefined : fsReason(code);
  if (fs) return fs;
  if (e instanceof RangeError) return reason('tooLarge');
  const msg = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  const first = (msg.split(/\r?\n/, 1)[0] ?? '').trim().slice(0, 300);
  return first ? reason('unexpectedDetail', { detail: first }) : reason('unexpected');
}

/** The reason part for any thrown value, in `lang` (first line of its message only). */
export function reasonOf(e: unknown, lang: Lang = 'vi'): string {
  return inputReason(lang, reasonFor(e));
}

/** One Vietnamese line for an unexpected error while reading `file` (never a stack trace). */
export function describeError(e: unknown, file: string): string {
  return toInputError(e, file).message;
}

/** Wrap any thrown value as an InputError for `file` (InputErrors pass through). */
export function toInputError(e: unknown, file: string): InputError {
  return e instanceof InputError ? e : new InputError(file, reasonFor(e));
}

/** An unreadable file's line in Vietnamese (`message`) and in English (`messageEn`). */
export interface ErrorLines {
  message: string;
  messageEn: string;
}

/**
 * The lines for any thrown value while reading `file`, made where the error is caught (in a worker
 * thread: only these plain strings cross back).
 */
export function errorLines(e: unknown, file: string): ErrorLines {
  const err = toInputError(e, file);
  return { message: err.message, messageEn: err.line('en') };
}

/** A file a batch lists as unreadable, with its lines in both languages. */
export function fileErrorOf(e: unknown, file: string): FileError {
  return { file, ...errorLines(e, file) };
}

/** A FileError's line in `lang` (an error made without English keeps its Vietnamese). */
export function fileErrorLine(e: FileError, lang: Lang): string {
  return lang === 'en' && e.messageEn !== undefined ? e.messageEn : e.message;
}

/** 1234567 → "1.234.567" (Vietnamese thousands separator). */
export function fmtInt(n: number): string {
  return formatNumber(Math.trunc(n));
}

/** Bytes as "20 MB", "1,5 MB", "312 KB", "12 byte" (Vietnamese decimal comma). */
export function fmtBytes(n: number): string {
  return bytesText('vi', n);
}
