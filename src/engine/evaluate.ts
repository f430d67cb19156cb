/**
 * The TypeScript backend of the rule trees, and the unit evaluation (statuses, verdict, warnings).
 * Pure, deterministic and total: any values and any `today` give a result, never an exception.
 */
import { sheetDecimal } from './numbers';
import type { Bool, Msg, Num, StatusExpr } from './ast';
import type { Pack } from '../pack/schema';
import { AS_OF_ID, evidenceId, YEAR_ID } from '../pack/workbookNames';
import type { Plan } from '../plan/schema';
import { compilePack, validity, type CompiledPack } from './compile';
import {
  MAX_DATE_SERIAL,
  MIN_DATE_SERIAL,
  dayOf,
  excelDate,
  monthOf,
  serialToIso,
  serialToVi,
  yearOf,
} from './dates';
import {
  STATUS_LABELS,
  VERDICT_LABELS,
  VERDICT_ON_TRACK_PREFIX,
  VERDICT_PASS_TAIL,
  combineStatuses,
  type StatusCode,
  type VerdictCode,
} from './status';
import { excelTrim, isBlank, rawText, type CellValue, type Values } from './values';

export interface Env {
  values: Values;
  today: number;
  asOf: number;
  year: number;
}

function value(env: Pick<Env, 'values'>, id: string): CellValue {
  const v = env.values[id];
  return v === undefined ? null : v;
}

export function evalNum(x: Num, env: Env): number {
  switch (x.t) {
    case 'n':
      return x.v;
    case 'ref': {
      const v = value(env, x.id);
      return typeof v === 'number' ? v : NaN;
    }
    case 'today':
      return env.today;
    case 'asOf':
      return env.asOf;
    case 'year':
      return env.year;
    case 'date':
      return excelDate(env.year + (x.yearOffset ?? 0), x.m, x.d);
    case 'yearOf':
      return yearOf(evalNum(x.x, env));
    case 'monthOf':
      return monthOf(evalNum(x.x, env));
    case 'dayOf':
      return dayOf(evalNum(x.x, env));
    case 'int':
      return Math.floor(evalNum(x.x, env));
    case 'add':
      return evalNum(x.a, env) + evalNum(x.b, env);
    case 'sub':
      return evalNum(x.a, env) - evalNum(x.b, env);
    case 'mul':
      return evalNum(x.a, env) * evalNum(x.b, env);
    case 'div':
      return evalNum(x.a, env) / evalNum(x.b, env);
    case 'ifn':
      return evalBool(x.c, env) ? evalNum(x.then, env) : evalNum(x.else, env);
  }
}

/** How the sheet's `TRIM(x)="label"` compares: trimmed as Excel does, case-insensitive. */
const fold = (s: string): string => excelTrim(s).toLowerCase();

/** Case-folded label sets, computed once per label list of a compiled tree. */
const folded = new WeakMap<readonly string[], ReadonlySet<string>>();
function foldedSet(values: readonly string[]): ReadonlySet<string> {
  let set = folded.get(values);
  if (!set) {
    set = new Set(values.map(fold));
    folded.set(values, set);
  }
  return set;
}

export function evalBool(x: Bool, env: Env): boolean {
  switch (x.t) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'blank':
      return isBlank(value(env, x.id));
    case 'isNum': {
      const v = value(env, x.id);
      return typeof v === 'number' && Number.isFinite(v);
    }
    case 'is': {
      const v = value(env, x.id);
      return typeof v === 'string' && foldedSet(x.values).has(fold(v));
    }
    case 'isText':
      return typeof value(env, x.id) === 'string';
    case 'cmp': {
      const a = evalNum(x.a, env);
      const b = evalNum(x.b, env);
      switch (x.op) {
        case '<':
          return a < b;
        case '<=':
          return a <= b;
        case '=':
          return a === b;
        case '>=':
          return a >= b;
        case '>':
          return a > b;
        case '<>':
          return a !== b;
      }
      return false;
    }
    case 'and':
      return x.xs.every((b) => evalBool(b, env));
    case 'or':
      return x.xs.some((b) => evalBool(b, env));
    case 'not':
      return !evalBool(x.x, env);
  }
}

/** The cell content as typed; a non-finite number (no worksheet cell holds one) shows as "?". */
function rawShown(v: CellValue): string {
  return typeof v === 'number' && !Number.isFinite(v) ? '?' : rawText(v);
}

export function renderMsg(msg: Msg, env: Env): string {
  let out = '';
  for (const part of msg) {
    if (typeof part === 'string') out += part;
    else if ('raw' in part) out += rawShown(value(env, part.raw));
    else if ('pick' in part) out += part.pick.find(([c]) => evalBool(c, env))?.[1] ?? part.else;
    else {
      const v = evalNum(part.num, env);
      if (!Number.isFinite(v)) out += '?';
      else if (part.fmt === 'int') out += String(v);
      else if (part.fmt === 'pct1') out += sheetDecimal(v, 1);
      else if (part.fmt === 'pct2') out += sheetDecimal(v, 2);
      else out += serialToVi(v);
    }
  }
  return out;
}

export interface LeafResult {
  status: StatusCode;
  reason: string;
}

export function evalStatus(x: StatusExpr, env: Env): LeafResult {
  let node = x;
  while (node.t === 'if') node = evalBool(node.c, env) ? node.then : node.else;
  return { status: node.status, reason: renderMsg(node.msg, env) };
}

// ---------------------------------------------------------------------------------------------

export interface RequirementResult extends LeafResult {
  indicators: readonly string[];
}

export interface CriterionResult {
  id: string;
  number: number;
  title: string;
  group: string;
  groupId: string;
  status: StatusCode;
  label: string;
  /** reasons of the requirements that decide the status (all of them when it passes) */
  reasons: string[];
  requirements: RequirementResult[];
  /** input ids of the criterion, evidence last */
  indicators: string[];
  evidence: string;
}

export type WarningCode = 'thieu_minh_chung' | 'chua_du_dieu_kien' | 'ho_so';

export interface Warning {
  code: WarningCode;
  criterion?: string;
  indicator?: string;
  message: string;
}

/** A selection prerequisite on the as-of date. */
export interface PrerequisiteResult {
  indicator: string;
  label: string;
  state: 'met' | 'unmet' | 'blank' | 'invalid';
}

export interface Evaluation {
  pack: { id: string; version: string };
  plan: { id: string; version: string };
  /** the plan's evaluation period for the effective year (serials and YYYY-MM-DD) */
  period: { start: number; end: number; startIso: string; endIso: string };
  /** the prerequisites decide the verdict under this plan */
  gated: boolean;
  prerequisites: PrerequisiteResult[];
  asOf: number;
  asOfIso: string;
  /**
   * where the as-of date comes from: `ngay_danh_gia`, the date an earlier evaluation froze, or
   * today's date (a verdict that would drift: never put in a dossier)
   */
  asOfSource: 'input' | 'frozen' | 'today';
  year: number;
  verdict: { code: VerdictCode; label: string };
  passed: number;
  applicable: number;
  failing: string[];
  criteria: CriterionResult[];
  warnings: Warning[];
}

export interface EvaluateOptions {
  /** today as an Excel serial; callers pass the local date (the engine never reads the clock) */
  today: number;
  /** the plan in force (default: the built-in default plan) */
  plan?: Plan;
}

export function makeEnv(compiled: CompiledPack, values: Values, today: number): Env {
  const base: Env = { values, today, asOf: today, year: 0 };
  const asOf = evalNum(compiled.asOf, base);
  const withAsOf = { ...base, asOf };
  const year = evalNum(compiled.year, withAsOf);
  return { ...withAsOf, year };
}

const groupCache = new WeakMap<Pack, ReadonlyMap<string, { id: string; title: string }>>();

/** criterion id → its group, once per pack */
function groupsOf(pack: Pack): ReadonlyMap<string, { id: string; title: string }> {
  let m = groupCache.get(pack);
  if (!m) {
    const built = new Map<string, { id: string; title: string }>();
    for (const g of pack.groups) for (const c of g.criteria) built.set(c.id, { id: g.id, title: g.title });
    groupCache.set(pack, built);
    m = built;
  }
  return m;
}

export function evaluate(pack: Pack, values: Values, options: EvaluateOptions): Evaluation {
  const compiled = compilePack(pack, options.plan);
  // Keep `today` inside Excel's date range (01/01/1900..31/12/9999) so every date prints as dd/mm/yyyy.
  const today = Number.isFinite(options.today)
    ? Math.min(MAX_DATE_SERIAL, Math.max(MIN_DATE_SERIAL, Math.floor(options.today)))
    : excelDate(2000, 1, 1);
  const env = makeEnv(compiled, values, today);
  const groupOf = groupsOf(pack);

  const criteria: CriterionResult[] = compiled.criteria.map(({ criterion, requirements }) => {
    const results: RequirementResult[] = requirements.map((r) => {
      const { status, reason } = evalStatus(r.expr, env);
      return { status, reason, indicators: r.indicators };
    });
    const status = combineStatuses(results.map((r) => r.status));
    const group = groupOf.get(criterion.id) ?? { id: '', title: '' };
    const ev = evidenceId(criterion);
    return {
      id: criterion.id,
      number: criterion.number,
      title: criterion.title,
      group: group.title,
      groupId: group.id,
      status,
      label: STATUS_LABELS[status],
      reasons: results
        .filter((r) => (status === 'pass' ? r.status !== 'na' : r.status === status))
        .map((r) => r.reason),
      requirements: results,
      indicators: [...criterion.indicators.map((i) => i.id), ev],
      evidence: ev,
    };
  });

  const applicable = criteria.filter((c) => c.status !== 'na');
  const passed = applicable.filter((c) => c.status === 'pass').length;
  const failing = criteria.filter((c) => c.status === 'fail').map((c) => c.id);
  const prerequisites = compiled.prerequisites.map((p): PrerequisiteResult => ({
    indicator: p.indicator,
    label: p.label,
    state: evalBool(p.blank, env)
      ? 'blank'
      : !evalBool(p.valid, env)
        ? 'invalid'
        : evalBool(p.met, env)
          ? 'met'
          : 'unmet',
  }));
  const gate = compiled.gate ? prerequisites : [];
  const unmet = gate.filter((p) => p.state === 'unmet').map((p) => p.label);
  const verdictCode: VerdictCode = failing.length
    ? 'fail'
    : criteria.some((c) => c.status === 'invalid' || c.status === 'missing') ||
        gate.some((p) => p.state === 'blank' || p.state === 'invalid')
      ? 'incomplete'
      : unmet.length
        ? 'ineligible'
        : criteria.some((c) => c.status === 'not_due')
          ? 'on_track'
          : 'pass';
  const periodStart = evalNum(compiled.periodStart, env);
  const periodEnd = evalNum(compiled.periodEnd, env);

  return {
    pack: { id: pack.id, version: pack.version },
    plan: { id: compiled.plan.id, version: compiled.plan.version },
    period: {
      start: periodStart,
      end: periodEnd,
      startIso: serialToIso(periodStart),
      endIso: serialToIso(periodEnd),
    },
    gated: compiled.gate,
    prerequisites,
    asOf: env.asOf,
    asOfIso: serialToIso(env.asOf),
    asOfSource: evalBool(compiled.asOfFrom.input, env)
      ? 'input'
      : evalBool(compiled.asOfFrom.frozen, env)
        ? 'frozen'
        : 'today',
    year: env.year,
    verdict: { code: verdictCode, label: verdictLabel(verdictCode, env.asOf, failing, unmet) },
    passed,
    applicable: applicable.length,
    failing,
    criteria,
    warnings: warnings(pack, prerequisites, criteria, env),
  };
}

export function verdictLabel(
  code: VerdictCode,
  asOf: number,
  failing: readonly string[],
  unmet: readonly string[] = [],
): string {
  switch (code) {
    case 'ineligible':
      return `${VERDICT_LABELS.ineligible}: ${unmet.join('; ')}`;
    case 'fail':
      return `${VERDICT_LABELS.fail}: ${failing.join(', ')}`;
    case 'incomplete':
      return VERDICT_LABELS.incomplete;
    case 'on_track':
      return `${VERDICT_LABELS.on_track}${VERDICT_ON_TRACK_PREFIX}${serialToVi(asOf)})`;
    case 'pass':
      return `${VERDICT_LABELS.pass}${VERDICT_PASS_TAIL}`;
  }
}

function warnings(
  pack: Pack,
  prerequisites: readonly PrerequisiteResult[],
  criteria: CriterionResult[],
  env: Env,
): Warning[] {
  const out: Warning[] = [];
  for (const ind of pack.profile) {
    const v = value(env, ind.id);
    if (ind.required && isBlank(v)) {
      out.push({ code: 'ho_so', indicator: ind.id, message: `Thông tin đơn vị: “${ind.label}” chưa nhập` });
    } else if (
      (ind.id === AS_OF_ID || ind.id === YEAR_ID) &&
      !isBlank(v) &&
      !evalBool(validity(ind, pack), env)
    ) {
      const fallback =
        ind.id === AS_OF_ID
          ? `; tính đến hôm nay (${serialToVi(env.asOf)})`
          : `; dùng năm ${env.year} của ngày tính đến`;
      out.push({
        code: 'ho_so',
        indicator: ind.id,
        message: `Thông tin đơn vị: “${ind.label}” có giá trị “${rawShown(v)}” không hợp lệ${fallback}`,
      });
    }
  }
  for (const p of prerequisites) {
    const v = value(env, p.indicator);
    if (p.state === 'blank') {
      out.push({
        code: 'chua_du_dieu_kien',
        indicator: p.indicator,
        message: `Chưa đủ điều kiện lựa chọn: chưa nhập “${p.label}”`,
      });
    } else if (p.state !== 'met') {
      out.push({
        code: 'chua_du_dieu_kien',
        indicator: p.indicator,
        message: `Chưa đủ điều kiện lựa chọn: ${p.label} (hiện: ${rawShown(v)})`,
      });
    }
  }
  for (const c of criteria) {
    if (c.status === 'pass' && isBlank(value(env, c.evidence))) {
      out.push({
        code: 'thieu_minh_chung',
        criterion: c.id,
        indicator: c.evidence,
        message: `${c.id}: Thiếu minh chứng (số, ngày văn bản)`,
      });
    }
  }
  return out;
}
