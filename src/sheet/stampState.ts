/**
 * The evaluation stamp ("Đánh giá gần nhất" cells `dg_*`) as values, and the classification every
 * reader applies to a workbook it receives: fresh, edited (inputs changed after the evaluation),
 * none (never evaluated) or other_version (evaluated with another pack or pack version).
 * Pure; the hash is the shared one from src/engine/stamp.ts.
 */
import type { Evaluation } from '../engine/evaluate';
import { excelDate, viToSerial } from '../engine/dates';
import { inputsSha256 } from '../engine/stamp';
import { inputIds } from '../pack/inputs';
import { isBlank, plainText, type CellValue, type Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import { STAMP_NAMES } from '../pack/workbookNames';

export const STAMP_STATES = ['fresh', 'edited', 'none', 'other_version'] as const;
export type StampState = (typeof STAMP_STATES)[number];

export const STAMP_STATE_LABELS: Record<StampState, string> = {
  fresh: 'Khớp dấu đánh giá',
  edited: 'Đã sửa sau khi đánh giá',
  none: 'Chưa đánh giá',
  other_version: 'Đánh giá bằng phiên bản khác',
};

/** SHA-256 of the canonical inputs of `pack` (the same function the add-in stamps with). */
export function stampHash(pack: Pack, values: Values): string {
  return inputsSha256(inputIds(pack), values);
}

/** "xa 1.0.0" — what `dg_goi` holds. */
export function packTag(pack: Pick<Pack, 'id' | 'version'>): string {
  return `${pack.id} ${pack.version}`;
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * The evaluation time as the official reads it — "30/11/2026 18:45 (UTC+07:00)", in the time zone
 * of the machine that evaluated (the workbook user's) — and still an exact instant for readers:
 * the offset is kept, `stampTime` parses it back.
 */
export function stampTimeText(now: Date): string {
  const off = -now.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return (
    `${two(now.getDate())}/${two(now.getMonth() + 1)}/${now.getFullYear()} ` +
    `${two(now.getHours())}:${two(now.getMinutes())} (UTC${sign}${two(Math.floor(a / 60))}:${two(a % 60)})`
  );
}

const STAMP_TIME_TEXT = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}) \(UTC([+-])(\d{2}):(\d{2})\)$/;

/** Values of the six stamp cells after an evaluation at `now`. */
export function stampValues(
  pack: Pack,
  values: Values,
  evaluation: Evaluation,
  now: Date,
): Record<string, string | number> {
  return {
    [STAMP_NAMES.time]: stampTimeText(now),
    // a date serial, not text: with `ngay_danh_gia` blank the sheet and every reader use it as the
    // as-of date, so the checked verdict does not drift (src/engine/compile.ts FROZEN_AS_OF_ID)
    [STAMP_NAMES.asOf]: evaluation.asOf,
    [STAMP_NAMES.pack]: packTag(pack),
    [STAMP_NAMES.verdict]: evaluation.verdict.label,
    [STAMP_NAMES.ratio]: `${evaluation.passed}/${evaluation.applicable}`,
    [STAMP_NAMES.sha256]: stampHash(pack, values),
  };
}

export type StampNames = ReadonlyMap<string, CellValue> | Readonly<Record<string, CellValue | undefined>>;

function get(names: StampNames, key: string): CellValue | undefined {
  if (names instanceof Map) {
    const map: ReadonlyMap<string, CellValue> = names;
    return map.get(key);
  }
  return (names as Readonly<Record<string, CellValue | undefined>>)[key];
}

/**
 * none: no `dg_sha256`; other_version: `dg_goi` is not this pack's id and version; edited: the
 * inputs no longer hash to `dg_sha256`; fresh otherwise.
 */
export function classifyStamp(pack: Pack, values: Values, names: StampNames): StampState {
  const sha = get(names, STAMP_NAMES.sha256);
  if (isBlank(sha ?? null)) return 'none';
  if (plainText(get(names, STAMP_NAMES.pack)).toLowerCase() !== packTag(pack).toLowerCase())
    return 'other_version';
  return plainText(sha).toLowerCase() === stampHash(pack, values) ? 'fresh' : 'edited';
}

/** The stamp's as-of date (`dg_ngay_tinh`, dd/mm/yyyy text or a date serial) as a serial. */
export function stampAsOf(names: StampNames): number | undefined {
  const v = get(names, STAMP_NAMES.asOf);
  if (typeof v === 'number' && Number.isFinite(v) && v >= 1) return Math.floor(v);
  return viToSerial(plainText(v));
}

/**
 * The stamp's time (`dg_thoi_gian`: "dd/mm/yyyy hh:mm (UTC±hh:mm)", ISO text from older versions,
 * or a date-time serial) in ms since the epoch.
 */
export function stampTime(names: StampNames): number | undefined {
  const v = get(names, STAMP_NAMES.time);
  if (typeof v === 'number' && Number.isFinite(v) && v >= 1) {
    // a date-time serial: days since 30/12/1899 (Excel 1900 system, after 28/02/1900)
    return (v - excelDate(1970, 1, 1)) * 86_400_000;
  }
  const text = plainText(v);
  const m = STAMP_TIME_TEXT.exec(text);
  if (m) {
    const [d, mo, y, h, mi, sign, oh, om] = m.slice(1);
    const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
    const off = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
    return local - off * 60_000;
  }
  const t = Date.parse(text);
  return Number.isFinite(t) ? t : undefined;
}
