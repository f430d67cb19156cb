/** Pure helpers of the task pane (no React, no Office): summaries, filters, validation, errors. */
import type { CriterionResult, Evaluation } from '../engine/evaluate';
import { serialFromJsDate } from '../engine/dates';
import { codeOf } from '../engine/thrown';
import type { StatusCode } from '../engine/status';
import type { Lang, StringKey } from '../i18n';
import { HostError } from '../excel/errors';
import type { InputError } from '../io/errors';
import { isFreeSheetName } from '../sheet/sheetName';

/** Filter chips in the order the pane shows them. */
export const FILTER_STATUSES: readonly StatusCode[] = ['fail', 'invalid', 'missing', 'not_due', 'pass'];
export type Filter = StatusCode | 'all';

export interface GroupProgress {
  id: string;
  title: string;
  passed: number;
  applicable: number;
}

export function groupProgress(evaluation: Evaluation): GroupProgress[] {
  const out: GroupProgress[] = [];
  const byId = new Map<string, GroupProgress>();
  for (const c of evaluation.criteria) {
    let g = byId.get(c.groupId);
    if (!g) {
      g = { id: c.groupId, title: c.group, passed: 0, applicable: 0 };
      byId.set(c.groupId, g);
      out.push(g);
    }
    if (c.status !== 'na') g.applicable++;
    if (c.status === 'pass') g.passed++;
  }
  return out;
}

export function countByStatus(evaluation: Evaluation): Record<StatusCode, number> {
  const counts: Record<StatusCode, number> = { na: 0, pass: 0, not_due: 0, missing: 0, fail: 0, invalid: 0 };
  for (const c of evaluation.criteria) counts[c.status]++;
  return counts;
}

/** Criteria shown for a filter; "all" lists the applicable ones, worst first, then by number. */
export function filterCriteria(evaluation: Evaluation, filter: Filter): CriterionResult[] {
  if (filter !== 'all') return evaluation.criteria.filter((c) => c.status === filter);
  const order = new Map<StatusCode, number>(FILTER_STATUSES.map((s, i) => [s, i]));
  return evaluation.criteria
    .filter((c) => c.status !== 'na')
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (order.get(a.c.status) ?? 9) - (order.get(b.c.status) ?? 9) || a.i - b.i)
    .map(({ c }) => c);
}

/** The input to select for a criterion: the first input of the requirement that decides its status. */
export function firstInputId(c: CriterionResult): string {
  const deciding = c.requirements.find((r) => r.status === c.status && r.indicators.length > 0);
  return deciding?.indicators[0] ?? c.indicators[0] ?? c.evidence;
}

export const YEAR_MIN = 2020;
export const YEAR_MAX = 2100;

export function parseYear(text: string): number | undefined {
  if (!/^\s*\d{4}\s*$/.test(text)) return undefined;
  const y = Number(text.trim());
  return y >= YEAR_MIN && y <= YEAR_MAX ? y : undefined;
}

/** Excel's rules for a worksheet name, plus not colliding (case-insensitively) with known names. */
export function validSheetName(name: string, taken: readonly string[]): boolean {
  return isFreeSheetName(name.trim(), taken);
}

/** "Tiêu chí 2", "Tiêu chí 3", … the first name not taken. */
export function suggestSheetName(base: string, taken: readonly string[]): string {
  for (let i = 2; i < 1000; i++) {
    const name = `${base} ${i}`.slice(0, 31);
    if (validSheetName(name, taken)) return name;
  }
  return `${base} ${Date.now() % 100000}`.slice(0, 31);
}

/** Today as an Excel serial (local calendar date): the pane reads the clock, the engine never does. */
export function todaySerial(now: Date = new Date()): number {
  return serialFromJsDate(now);
}

/**
 * An error the user is meant to read, by its class: a HostError from the Excel layer, or an
 * InputError naming a picked file and the reason (one line each) — not a fault to log.
 */
export function isUserError(err: unknown): err is HostError | Pick<InputError, 'message' | 'line'> {
  return err instanceof HostError || isInputError(err);
}

/**
 * An InputError of src/io/errors.ts, told by its name and its `line` method rather than by
 * `instanceof`: importing the class would bring every reason in both languages into the pane's
 * first load, while such an error only ever comes from the readers, which load later. A
 * ReaderStartError (no file reader could start, the batch stops) is told the same way.
 */
function isInputError(err: unknown): err is Pick<InputError, 'message' | 'line'> {
  return (
    err instanceof Error &&
    (err.name === 'InputError' || err.name === 'ReaderStartError') &&
    'line' in err &&
    typeof err.line === 'function'
  );
}

/**
 * A user-facing message for an error: the line of one of our own user-facing errors (a file's
 * reason in the pane's language), Office
 * error codes we know, or a generic message — never a stack trace nor a fault's technical text.
 */
export function describeError(err: unknown, lang: Lang = 'vi'): { key: StringKey } | { text: string } {
  if (isInputError(err)) return { text: err.line(lang) };
  if (err instanceof HostError) return { text: err.message };
  const code = codeOf(err) ?? '';
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return { key: 'error.editMode' };
    case 'ItemNotFound':
      return { key: 'error.notFound' };
    case 'AccessDenied':
    case 'WorkbookProtected':
    case 'ReadOnly':
      return { key: 'error.protected' };
  }
  return { key: 'error.generic' };
}

/** What to fix, most severe first (like Excel's Accessibility Checker): the statuses the list groups by. */
export const FIX_STATUSES = ['fail', 'invalid', 'missing'] as const;
export type FixStatusCode = (typeof FIX_STATUSES)[number];

export interface FixGroup {
  status: FixStatusCode;
  criteria: CriterionResult[];
}

/** The non-empty groups of the list of what to fix, in FIX_STATUSES order, criteria by number. */
export function fixGroups(evaluation: Pick<Evaluation, 'criteria'>): FixGroup[] {
  return FIX_STATUSES.map((status) => ({
    status,
    criteria: evaluation.criteria.filter((c) => c.status === status),
  })).filter((g) => g.criteria.length > 0);
}

/** Number of criteria in the list of what to fix (the count the notification states). */
export function fixCount(evaluation: Pick<Evaluation, 'criteria'>): number {
  return fixGroups(evaluation).reduce((n, g) => n + g.criteria.length, 0);
}
