/**
 * Inputs from outside: the answers JSON `{"pack":"xa","values":{"<id>": value}}` and the defined
 * names of a workbook, normalised the same way for the engine:
 * - bool: true/false, 1/0, "Có"/"Không", "co"/"khong" (any case) → "Có" / "Không";
 * - count: numbers as they are (non-integers and negatives stay, so the engine reports them
 *   invalid); a string of digits becomes a number;
 * - date: "YYYY-MM-DD" or "dd/mm/yyyy" → Excel serial; numbers are serials; anything else stays a
 *   string so the engine reports it invalid;
 * - choice: a scale label, matched ignoring case → the label as the pack writes it;
 * - every string is NFC-normalised. A missing key is a blank cell.
 */
import { excelDate, isoToSerial, viToSerial } from '../engine/dates';
import type { CellValue, Values } from '../engine/values';
import type { Indicator, Pack } from '../pack/schema';
import {
  BOOL_NO,
  BOOL_YES,
  FROZEN_AS_OF_ID,
  PACK_ID_NAME,
  PACK_VERSION_NAME,
  PLAN_ID_NAME,
  PLAN_VERSION_NAME,
} from '../pack/workbookNames';
import { packInputs } from '../pack/inputs';
import { InputError, reason, type ReasonKey } from './errors';
import type { Plan } from '../plan/schema';
import { parseJsonText } from './json';
import type { JsonLimits } from './limits';
import type { WorkbookData } from './xlsx';

/** The answers file after its shape was checked (values not yet normalised). */
export interface RawAnswers {
  file: string;
  packId: string;
  values: Readonly<Record<string, unknown>>;
  /** Top-level keys other than `pack` and `values`. */
  extraKeys: string[];
}

export interface Answers {
  packId: string;
  values: Values;
  /** Non-fatal problems (unknown ids, odd values), said in either language (`inputReason`). */
  problems: ReasonKey[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Most keys an answers file may have (a pack has a few hundred inputs). */
export const MAX_ANSWER_KEYS = 5000;

/** Check the shape of parsed answers JSON; throws InputError naming `file`. */
export function parseAnswers(data: unknown, file: string): RawAnswers {
  if (!isRecord(data)) {
    throw new InputError(file, 'answers.notObject');
  }
  const pack = data.pack;
  if (pack === undefined) throw new InputError(file, 'answers.noPack');
  if (typeof pack !== 'string' || pack.trim() === '') {
    throw new InputError(file, 'answers.badPack');
  }
  const values = data.values ?? {};
  if (!isRecord(values)) {
    throw new InputError(file, 'answers.badValues');
  }
  const extraKeys = Object.keys(data).filter((k) => k !== 'pack' && k !== 'values');
  const count = Object.keys(values).length + extraKeys.length;
  if (count > MAX_ANSWER_KEYS) {
    throw new InputError(file, 'answers.tooManyKeys', { count, max: MAX_ANSWER_KEYS });
  }
  return { file, packId: pack.trim(), values, extraKeys };
}

/** Parse answers JSON text (limits on size and depth, errors with line/column). */
export function parseAnswersText(text: string, file: string, limits?: Partial<JsonLimits>): RawAnswers {
  return parseAnswers(parseJsonText(text, file, limits), file);
}

/** Normalise answers against the pack: typed values plus non-fatal problems. */
export function answersToValues(raw: RawAnswers, pack: Pack): Answers {
  const problems: ReasonKey[] = [];
  if (raw.packId !== pack.id) {
    problems.push(reason('answers.otherPack', { declared: raw.packId, used: pack.id }));
  }
  for (const k of raw.extraKeys) problems.push(reason('answers.unusedField', { field: k }));
  const inputs = packInputs(pack);
  const values: Record<string, CellValue> = {};
  for (const [rawId, v] of Object.entries(raw.values)) {
    const id = rawId.normalize('NFC').trim();
    const ind = inputs.get(id) ?? inputs.get(id.toLowerCase());
    if (!ind) {
      problems.push(reason('answers.unknownIndicator', { id: rawId, pack: pack.id }));
      continue;
    }
    if (v === undefined) continue;
    if (typeof v === 'object' && v !== null) {
      problems.push(reason('answers.badValue', { id: ind.id }));
      values[ind.id] = JSON.stringify(v).slice(0, 200);
      continue;
    }
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean' && v !== null) continue;
    values[ind.id] = normaliseInput(ind, v, pack);
  }
  return { packId: raw.packId, values, problems };
}

/** Parse, check and normalise answers JSON text in one step. */
export function answersFromText(
  text: string,
  file: string,
  pack: Pack,
  limits?: Partial<JsonLimits>,
): Answers {
  return answersToValues(parseAnswersText(text, file, limits), pack);
}

const fold = (s: string): string => s.normalize('NFC').trim().toLowerCase();
const YES = new Set(['có', 'co', 'true', '1']);
const NO = new Set(['không', 'khong', 'false', '0']);

/** dd/mm/yyyy (or d/m/yyyy, with / - .) → serial; undefined if not a real date. */
function viDateToSerial(s: string): number | undefined {
  return viToSerial(s, true);
}

/** One value normalised for one input (see the module comment). */
export function normaliseInput(ind: Indicator, v: CellValue, pack: Pack): CellValue {
  if (v === null) return null;
  switch (ind.type) {
    case 'bool':
      if (typeof v === 'boolean') return v ? BOOL_YES : BOOL_NO;
      if (typeof v === 'number') return v === 1 ? BOOL_YES : v === 0 ? BOOL_NO : v;
      {
        const f = fold(v);
        if (YES.has(f)) return BOOL_YES;
        if (NO.has(f)) return BOOL_NO;
      }
      return v.normalize('NFC');
    case 'count':
      if (typeof v === 'string') {
        const t = v.trim();
        if (/^-?[0-9]{1,15}$/.test(t)) return Number(t);
        return v.normalize('NFC');
      }
      return v;
    case 'date':
      if (typeof v === 'string') {
        const t = v.trim();
        if (t === '') return v;
        const serial = isoToSerial(t) ?? viDateToSerial(t);
        return serial ?? v.normalize('NFC');
      }
      return v;
    case 'choice':
      if (typeof v === 'string') {
        const scale = ind.scale ? (pack.scales[ind.scale] ?? []) : [];
        const f = fold(v);
        const hit = scale.find((label) => fold(label) === f);
        return hit ?? v.normalize('NFC');
      }
      return v;
    case 'text':
      return typeof v === 'string' ? v.normalize('NFC') : v;
  }
}

/**
 * The pack's inputs read from a workbook's defined names, as the cells hold them: the engine and
 * the sheet's formulas accept the same typed forms (text digits, padded or NFD labels, Co/Khong), so
 * a reader must not "fix" values the sheet would reject. Only date serials of a 1904-system workbook
 * are moved to the 1900 system. The frozen as-of date of an evaluation is read too.
 */
export function valuesFromWorkbook(pack: Pack, data: WorkbookData): Values {
  const values: Record<string, CellValue> = {};
  const dateIds = new Set<string>([FROZEN_AS_OF_ID]);
  const ids = [...packInputs(pack).entries()].map(([id, ind]) => {
    if (ind.type === 'date') dateIds.add(id);
    return id;
  });
  for (const id of [...ids, FROZEN_AS_OF_ID]) {
    if (!data.names.has(id)) continue;
    let v = data.names.get(id) ?? null;
    if (dateIds.has(id) && typeof v === 'number' && data.date1904) v += DAYS_1904;
    values[id] = v;
  }
  return values;
}

/** Serial(1900 system) − serial(1904 system). */
export const DAYS_1904 = excelDate(1904, 1, 1);

/** Input ids of the pack that the workbook has no defined name for. */
export function missingInputNames(pack: Pack, data: WorkbookData): string[] {
  return [...packInputs(pack).keys()].filter((id) => !data.names.has(id));
}

/** Pack id and version the workbook declares (names `goi_tieu_chi`, `phien_ban_goi`). */
export function packRefFromWorkbook(data: WorkbookData): { id?: string; version?: string } {
  const text = (v: CellValue | undefined): string | undefined => {
    if (v === null || v === undefined || typeof v === 'boolean') return undefined;
    const s = (typeof v === 'number' ? String(v) : v).normalize('NFC').trim();
    return s === '' ? undefined : s;
  };
  const out: { id?: string; version?: string } = {};
  const id = text(data.names.get(PACK_ID_NAME));
  const version = text(data.names.get(PACK_VERSION_NAME));
  if (id !== undefined) out.id = id;
  if (version !== undefined) out.version = version;
  return out;
}

/** Plan id and version a workbook records (names `ke_hoach`, `phien_ban_ke_hoach`). */
export function planRefFromWorkbook(data: WorkbookData): { id?: string; version?: string } {
  const text = (v: CellValue | undefined): string | undefined => {
    if (v === null || v === undefined || typeof v === 'boolean') return undefined;
    const s = (typeof v === 'number' ? String(v) : v).normalize('NFC').trim();
    return s === '' ? undefined : s;
  };
  const id = text(data.names.get(PLAN_ID_NAME));
  const version = text(data.names.get(PLAN_VERSION_NAME));
  return { ...(id !== undefined ? { id } : {}), ...(version !== undefined ? { version } : {}) };
}

/**
 * The plan a workbook is scored under: `override` when given (--plan, the pane's choice); else the
 * plan it records, which must be among `plans` with the same version — a reader never applies
 * another plan's dates in its place; a workbook that records none (made before plans existed) gets
 * `fallback`. Throws InputError naming the file and the plan it needs.
 */
export function planForWorkbook(
  file: string,
  data: WorkbookData,
  plans: readonly Plan[],
  fallback: Plan,
  override?: Plan,
): Plan {
  if (override) return override;
  const ref = planRefFromWorkbook(data);
  if (ref.id === undefined) return fallback;
  const plan = plans.find((p) => p.id === ref.id && (ref.version === undefined || p.version === ref.version));
  if (!plan) {
    const known = plans.map((p) => `${p.id} ${p.version}`).join(', ');
    throw new InputError(file, 'record.unknownPlan', { plan: ref.id, version: ref.version ?? '?', known });
  }
  return plan;
}
