/**
 * Compiles a pack under a plan into status trees (./ast.ts): the as-of date and year, the period,
 * the prerequisites, indicator validity and applicability here; each requirement's meaning in its
 * kind's file (src/kinds/, the only place it is written down), called with this file's `Ctx`. Both
 * the TS evaluator and the sheet formulas are generated from what this file returns.
 */
import type { Plan, PlanDay } from '../plan/schema';
import { defaultPlan } from '../plan/registry';
import { spellings } from './values';
import type {
  BoolOrParam,
  Criterion,
  Indicator,
  LabelOrParam,
  NumberOrParam,
  Pack,
  Requirement,
} from '../pack/schema';
import { AS_OF_ID, BOOL_NO, BOOL_YES, FROZEN_AS_OF_ID, YEAR_ID } from '../pack/workbookNames';
import { PERIOD_END_DUE, kindOf, type CompileContext } from '../kinds';
import { packIndicators } from '../pack/inputs';
import { paramBool, paramLabel, paramNumber, type ParamValues } from '../pack/params';
import { parseDayMonth } from './dates';
import { MAX_DATE_SERIAL, MIN_DATE_SERIAL } from './dates';
import {
  ASOF,
  YEAR,
  add,
  type Bool,
  type CompiledRequirement,
  type Msg,
  type MsgPart,
  type Num,
  type StatusExpr,
  and,
  blank,
  chain,
  cmp,
  date,
  iff,
  leaf,
  mul,
  n,
  not,
  ref,
  sub,
} from './ast';

export { PERIOD_END_DUE };

export interface CompiledCriterion {
  criterion: Criterion;
  requirements: CompiledRequirement[];
}

/** A selection prerequisite (điều kiện lựa chọn) as rule trees. */
export interface CompiledPrerequisite {
  indicator: string;
  label: string;
  blank: Bool;
  valid: Bool;
  met: Bool;
}

export interface CompiledPack {
  pack: Pack;
  plan: Plan;
  /** the pack's parameters with the plan's overrides applied */
  parameters: ParamValues;
  indicators: ReadonlyMap<string, Indicator>;
  /** effective as-of date: a valid `ngay_danh_gia`, else the frozen date, else today */
  asOf: Num;
  /** which source the as-of date comes from: `ngay_danh_gia` valid, else the frozen date valid */
  asOfFrom: { input: Bool; frozen: Bool };
  /** effective year: a valid `nam`, else the year of the as-of date */
  year: Num;
  /** first and last day of the plan's evaluation period for the effective year */
  periodStart: Num;
  periodEnd: Num;
  /** the prerequisites decide the verdict (`ineligible`) */
  gate: boolean;
  prerequisites: CompiledPrerequisite[];
  criteria: CompiledCriterion[];
}

// ---------------------------------------------------------------------------------------------
// Indicator validity and display

/** Accepted spellings of Có / Không: with or without diacritics, NFC or NFD, any case. */
const BOOL_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  [BOOL_YES]: spellings([BOOL_YES, 'Co']),
  [BOOL_NO]: spellings([BOOL_NO, 'Khong']),
};

/** The `is` test for an indicator taking one of `labels` (every accepted spelling). */
export function isOneOf(ind: Indicator, labels: readonly string[]): Bool {
  const values =
    ind.type === 'bool' ? labels.flatMap((l) => BOOL_SPELLINGS[l] ?? spellings([l])) : spellings(labels);
  return { t: 'is', id: ind.id, values };
}

export function validity(ind: Indicator, pack: Pack): Bool {
  const x = ref(ind.id);
  switch (ind.type) {
    case 'text':
      return { t: 'true' };
    case 'bool':
      return isOneOf(ind, [BOOL_YES, BOOL_NO]);
    case 'choice':
      return isOneOf(ind, scaleOf(ind, pack));
    case 'date':
      return and(
        { t: 'isNum', id: ind.id },
        cmp(x, '>=', n(MIN_DATE_SERIAL)),
        cmp(x, '<=', n(MAX_DATE_SERIAL)),
      );
    case 'count': {
      const parts: Bool[] = [{ t: 'isNum', id: ind.id }, cmp(x, '>=', n(0)), cmp(x, '=', { t: 'int', x })];
      if (ind.min !== undefined) parts.push(cmp(x, '>=', n(ind.min)));
      if (ind.max !== undefined) parts.push(cmp(x, '<=', n(ind.max)));
      return and(...parts);
    }
  }
}

export function scaleOf(ind: Indicator, pack: Pack): string[] {
  const s = ind.scale ? pack.scales[ind.scale] : undefined;
  return s ?? [];
}

function expectation(ind: Indicator, pack: Pack): string {
  switch (ind.type) {
    case 'text':
      return 'văn bản';
    case 'bool':
      return '“Có” hoặc “Không”';
    case 'choice':
      return 'một trong: ' + scaleOf(ind, pack).join('; ');
    case 'date':
      return 'một ngày (dd/mm/yyyy)';
    case 'count':
      if (ind.min !== undefined && ind.max !== undefined) return `số nguyên từ ${ind.min} đến ${ind.max}`;
      if (ind.min !== undefined) return `số nguyên ≥ ${ind.min}`;
      if (ind.max !== undefined) return `số nguyên từ 0 đến ${ind.max}`;
      return 'số nguyên ≥ 0';
  }
}

/** A valid value as it is shown in messages. */
function shown(ind: Indicator): MsgPart {
  if (ind.type === 'count') return { num: ref(ind.id), fmt: 'int' };
  if (ind.type === 'date') return { num: ref(ind.id), fmt: 'date' };
  return { raw: ind.id };
}

// ---------------------------------------------------------------------------------------------

/** What a kind's `compile` is handed (src/kinds/types.ts `CompileContext`). */
class Ctx implements CompileContext {
  readonly periodStart: Num;
  readonly periodEnd: Num;
  constructor(
    readonly pack: Pack,
    readonly plan: Plan,
    readonly parameters: ParamValues,
    readonly indicators: ReadonlyMap<string, Indicator>,
  ) {
    this.periodStart = planDate(plan.period.start);
    this.periodEnd = planDate(plan.period.end);
  }

  ind(id: string): Indicator {
    const found = this.indicators.get(id);
    // The schema's cross-checks guarantee references exist; this keeps the function total.
    return found ?? { id, label: id, type: 'text' };
  }

  num(v: NumberOrParam): number {
    return paramNumber(this.parameters, v);
  }

  bool(v: BoolOrParam): boolean {
    return paramBool(this.parameters, v);
  }

  label(v: LabelOrParam): string {
    return paramLabel(this.parameters, v);
  }

  isOneOf(ind: Indicator, labels: readonly string[]): Bool {
    return isOneOf(ind, labels);
  }

  yes(ind: Indicator): Bool {
    return isOneOf(ind, [BOOL_YES]);
  }

  shown(ind: Indicator): MsgPart {
    return shown(ind);
  }

  /** Scale labels at least as good as `min` (scales are best first). */
  atLeast(ind: Indicator, min: string): string[] {
    const scale = scaleOf(ind, this.pack);
    const i = scale.indexOf(min);
    return i < 0 ? scale : scale.slice(0, i + 1);
  }

  // --- time relative to the plan ---------------------------------------------------------------

  /** The due day: a calendar day of year `nam`, or the end of the evaluation period. */
  dueDate(due: string): Num {
    if (due === PERIOD_END_DUE) return this.periodEnd;
    const { m, d } = parseDayMonth(due);
    return date(m, d);
  }

  /** Still open on the as-of date: on or before the due day and before the period's end. */
  open(due: string): Bool {
    const beforeEnd = cmp(ASOF, '<', this.periodEnd);
    return due === PERIOD_END_DUE ? beforeEnd : and(cmp(ASOF, '<=', this.dueDate(due)), beforeEnd);
  }

  dueText(due: string): Msg {
    const day: MsgPart = { num: this.dueDate(due), fmt: 'date' };
    return due === PERIOD_END_DUE ? [day, ' (hết kỳ đánh giá)'] : [day];
  }

  get beforePeriod(): Bool {
    return cmp(ASOF, '<', this.periodStart);
  }

  get notStarted(): Msg {
    return ['chưa đến kỳ đánh giá (kỳ bắt đầu ', { num: this.periodStart, fmt: 'date' }, ')'];
  }

  /** Whole months of the period up to the as-of date (a month counts once its last day has passed). */
  get monthsElapsed(): Num {
    const { m: sm, d: sd } = parseDayMonth(this.plan.period.start.dayMonth);
    const startYear = add(YEAR, n(this.plan.period.start.yearOffset));
    const monthsTo = (x: Num): Num =>
      sub(add(mul(sub({ t: 'yearOf', x }, startYear), n(12)), sub({ t: 'monthOf', x }, n(sm))), {
        t: 'ifn',
        c: cmp({ t: 'dayOf', x }, '<', n(sd)),
        then: n(1),
        else: n(0),
      });
    return {
      t: 'ifn',
      c: cmp(ASOF, '<', this.periodStart),
      then: n(0),
      else: {
        t: 'ifn',
        c: cmp(ASOF, '>=', this.periodEnd),
        then: monthsTo(add(this.periodEnd, n(1))),
        else: monthsTo(ASOF),
      },
    };
  }

  /** A requirement that reads one indicator: its malformed values first, then `expr`. */
  single(ind: Indicator, expr: StatusExpr): CompiledRequirement {
    return { indicators: [ind.id], expr: this.guard([ind.id], expr) };
  }

  /** Reject malformed inputs first: a non-blank value that is not valid for its type → invalid. */
  guard(ids: readonly string[], body: StatusExpr): StatusExpr {
    return chain(
      ids.flatMap((id) => invalidCases(this.ind(id), this.pack)),
      body,
    );
  }
}

/** DATE(nam + offset, m, d) of a plan day. */
function planDate(d: PlanDay): Num {
  const { m, d: day } = parseDayMonth(d.dayMonth);
  return date(m, day, d.yearOffset);
}

/**
 * A non-blank value that is not valid for its type → invalid, saying exactly what is wrong. One
 * case per indicator whose message picks the detail (the label is printed once: formula length).
 */
function invalidCases(ind: Indicator, pack: Pack): Array<readonly [Bool, StatusExpr]> {
  if (ind.type === 'text') return [];
  const want = expectation(ind, pack);
  const head: MsgPart[] = [`${ind.label}: giá trị “`, { raw: ind.id }, '” không hợp lệ'];
  const isText: Bool = { t: 'isText', id: ind.id };
  const isNum: Bool = { t: 'isNum', id: ind.id };
  let detail: MsgPart = ` — cần ${want}`;
  if (ind.type === 'date') {
    detail = {
      pick: [[isText, ': đang là văn bản, cần nhập dạng ngày (dd/mm/yyyy)']],
      else: `: không phải một ngày, cần ${want}`,
    };
  } else if (ind.type === 'count') {
    // reached only when the value is not valid: the first case that explains it
    const x = ref(ind.id);
    detail = {
      pick: [
        // a number stored as text ("12" pasted, or typed after an apostrophe) is not read as a
        // number: Excel offers "Convert to Number" on the cell; nothing is guessed
        [isText, `: đang là văn bản, cần nhập dạng số (${want})`],
        [not(isNum), `: không phải số, cần ${want}`],
        [cmp(x, '<', n(0)), `: là số âm, cần ${want}`],
        [cmp(x, '<>', { t: 'int', x }), `: không phải số nguyên, cần ${want}`],
      ],
      else: `: nằm ngoài giới hạn, cần ${want}`,
    };
  }
  return [[and(not(blank(ind.id)), not(validity(ind, pack))), leaf('invalid', ...head, detail)]];
}

function compileRequirement(c: Ctx, r: Requirement): CompiledRequirement {
  const body = kindOf(r).compile(c, r);
  const a = r.applicability;
  if (!a) return body;
  const ind = c.ind(a.indicator);
  const hit: Bool = isOneOf(ind, a.values);
  const naWhen = a.mode === 'only' ? not(hit) : hit;
  const why =
    a.mode === 'only'
      ? `chỉ áp dụng khi ${ind.label} là ${a.values.join(' hoặc ')}`
      : `không áp dụng khi ${ind.label} là ${a.values.join(' hoặc ')}`;
  const naLeaf = leaf('na', `Không áp dụng: ${why}`);
  return { indicators: body.indicators, expr: iff(naWhen, naLeaf, body.expr) };
}

// ---------------------------------------------------------------------------------------------

function compilePrerequisites(c: Ctx): CompiledPrerequisite[] {
  return c.pack.prerequisites.map((p) => {
    const ind = c.ind(p.indicator);
    const ok = [...(p.anyOf ?? [])];
    if (p.atLeast !== undefined) ok.push(...c.atLeast(ind, c.label(p.atLeast)));
    return {
      indicator: ind.id,
      label: p.label,
      blank: blank(ind.id),
      valid: validity(ind, c.pack),
      met: isOneOf(ind, ok),
    };
  });
}

/** The pack's parameters with the plan's overrides for this pack applied. */
export function effectiveParameters(pack: Pack, plan: Plan): Record<string, number | boolean | string> {
  return { ...pack.parameters, ...(plan.parameters[pack.id] ?? {}) };
}

const FROZEN_AS_OF: Indicator = { id: FROZEN_AS_OF_ID, label: 'Ngày đã chốt khi đánh giá', type: 'date' };

function asOfAndYear(c: Ctx): { asOf: Num; asOfFrom: { input: Bool; frozen: Bool }; year: Num } {
  const has = (id: string): boolean => c.indicators.has(id);
  const asOfFrom = {
    input: has(AS_OF_ID) ? validity(c.ind(AS_OF_ID), c.pack) : ({ t: 'false' } as const),
    frozen: validity(FROZEN_AS_OF, c.pack),
  };
  const asOf: Num = {
    t: 'ifn',
    c: asOfFrom.input,
    then: { t: 'int', x: ref(AS_OF_ID) },
    else: {
      t: 'ifn',
      c: asOfFrom.frozen,
      then: { t: 'int', x: ref(FROZEN_AS_OF_ID) },
      else: { t: 'today' },
    },
  };
  const yearOfAsOf: Num = { t: 'yearOf', x: ASOF };
  const year: Num = {
    t: 'ifn',
    c: has(YEAR_ID) ? validity(c.ind(YEAR_ID), c.pack) : { t: 'false' },
    then: ref(YEAR_ID),
    // Kept inside 1901..9998 so that the period's DATE(year ± 1, …) stays inside Excel's calendar.
    else: {
      t: 'ifn',
      c: cmp(yearOfAsOf, '>', n(9998)),
      then: n(9998),
      else: { t: 'ifn', c: cmp(yearOfAsOf, '<', n(1901)), then: n(1901), else: yearOfAsOf },
    },
  };
  return { asOf, asOfFrom, year };
}

const cache = new WeakMap<Pack, WeakMap<Plan, CompiledPack>>();

/** Compile a (validated) pack under a plan once; results are cached per pack and plan object. */
export function compilePack(pack: Pack, plan: Plan = defaultPlan()): CompiledPack {
  let perPlan = cache.get(pack);
  if (!perPlan) {
    perPlan = new WeakMap();
    cache.set(pack, perPlan);
  }
  const hit = perPlan.get(plan);
  if (hit) return hit;
  const indicators = packIndicators(pack);
  const parameters = effectiveParameters(pack, plan);
  const c = new Ctx(pack, plan, parameters, indicators);
  const compiled: CompiledPack = {
    pack,
    plan,
    parameters,
    indicators,
    ...asOfAndYear(c),
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    gate: plan.prerequisitesGate,
    prerequisites: compilePrerequisites(c),
    criteria: pack.groups.flatMap((g) =>
      g.criteria.map((criterion) => ({
        criterion,
        requirements: criterion.requirements.map((r) => compileRequirement(c, r)),
      })),
    ),
  };
  perPlan.set(plan, compiled);
  return compiled;
}

/** Exposed for tests: true when some requirement of the pack reads the id. */
export function isRead(compiled: CompiledPack, id: string): boolean {
  return compiled.criteria.some((cc) => cc.requirements.some((r) => r.indicators.includes(id)));
}
