/**
 * Compiles pack requirements (data) into status trees (./ast.ts). This is the only place where the
 * meaning of a requirement kind is written down; both the TS evaluator and the sheet formulas
 * are generated from what this file returns.
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
import { BOOL_NO, BOOL_YES } from '../pack/names';
import { packIndicators } from '../pack/inputs';
import { formatNumber } from './numbers';
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
  div,
  iff,
  leaf,
  mul,
  n,
  not,
  ref,
  sub,
} from './ast';

/** Ids of the profile fields the engine itself reads. */
export const AS_OF_ID = 'ngay_danh_gia';
export const YEAR_ID = 'nam';
/**
 * The as-of date an evaluation froze into the workbook (the stamp's "Tính đến ngày", a date
 * serial). With `ngay_danh_gia` blank it replaces TODAY(), so a checked workbook keeps its verdict.
 */
export const FROZEN_AS_OF_ID = 'dg_ngay_tinh';
/** A requirement's `due` that means "the end of the plan's evaluation period". */
export const PERIOD_END_DUE = 'het_ky';

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

class Ctx {
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
  const body = compileBody(c, r);
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

function compileEquals(c: Ctx, r: RequirementOf<'equals'>): CompiledRequirement {
  const ind = c.ind(r.indicator);
  return c.single(
    ind,
    chain(
      [
        [blank(ind.id), leaf('missing', `${ind.label}: chưa nhập; yêu cầu “${r.value}”`)],
        [isOneOf(ind, [r.value]), leaf('pass', `${ind.label}: ${r.value}`)],
      ],
      leaf('fail', `${ind.label}: `, { raw: ind.id }, `; yêu cầu “${r.value}”`),
    ),
  );
}

function compileZero(c: Ctx, r: RequirementOf<'zero'>): CompiledRequirement {
  const ind = c.ind(r.indicator);
  return c.single(
    ind,
    chain(
      [
        [blank(ind.id), leaf('missing', `${ind.label}: chưa nhập; yêu cầu 0`)],
        [cmp(ref(ind.id), '=', n(0)), leaf('pass', `${ind.label}: 0`)],
      ],
      leaf('fail', `${ind.label}: `, shown(ind), '; yêu cầu 0 (không để xảy ra)'),
    ),
  );
}

function compileAtLeast(c: Ctx, r: RequirementOf<'atLeast'>): CompiledRequirement {
  const ind = c.ind(r.indicator);
  const min = c.num(r.min);
  const met = cmp(ref(ind.id), '>=', n(min));
  const passLeaf = leaf('pass', `${ind.label}: `, shown(ind), ` (yêu cầu ≥ ${min})`);
  const failMsg: MsgPart[] = [`${ind.label}: `, shown(ind), `; yêu cầu ≥ ${min}`];
  if (!r.due) {
    return {
      indicators: [ind.id],
      expr: c.guard(
        [ind.id],
        chain(
          [
            [blank(ind.id), leaf('missing', `${ind.label}: chưa nhập; yêu cầu ≥ ${min}`)],
            [met, passLeaf],
          ],
          leaf('fail', ...failMsg),
        ),
      ),
    };
  }
  const due = c.dueText(r.due);
  return c.single(
    ind,
    chain(
      [
        [c.beforePeriod, leaf('not_due', `${ind.label}: `, ...c.notStarted)],
        [
          blank(ind.id),
          iff(
            c.open(r.due),
            leaf('not_due', `${ind.label}: chưa nhập; yêu cầu ≥ ${min}, hạn `, ...due),
            leaf('missing', `${ind.label}: chưa nhập; yêu cầu ≥ ${min}, hạn `, ...due, ' đã qua'),
          ),
        ],
        [met, passLeaf],
        [c.open(r.due), leaf('not_due', ...failMsg, ', còn hạn đến ', ...due)],
      ],
      leaf('fail', ...failMsg, ', hạn ', ...due, ' đã qua'),
    ),
  );
}

function compileDatedDocument(c: Ctx, r: RequirementOf<'datedDocument'>): CompiledRequirement {
  const ind = c.ind(r.indicator);
  const from = parseDayMonth(r.from);
  const to = parseDayMonth(r.to);
  const win: Msg = [
    { num: date(from.m, from.d), fmt: 'date' },
    ' – ',
    { num: date(to.m, to.d), fmt: 'date' },
  ];
  const day: Num = { t: 'int', x: ref(ind.id) };
  return c.single(
    ind,
    chain(
      [
        [
          and(not(blank(ind.id)), cmp(day, '>', ASOF)),
          leaf(
            'invalid',
            `${ind.label}: ngày `,
            shown(ind),
            ' sau ngày tính đến (',
            { num: ASOF, fmt: 'date' },
            ') — kiểm tra lại ngày văn bản hoặc ngày đánh giá',
          ),
        ],
        [c.beforePeriod, leaf('not_due', `${ind.label}: `, ...c.notStarted)],
        [
          blank(ind.id),
          iff(
            c.open(r.to),
            leaf('not_due', `${ind.label}: chưa nhập; cần ban hành trong `, ...win),
            leaf('missing', `${ind.label}: chưa nhập; cần ban hành trong `, ...win),
          ),
        ],
        [
          and(cmp(day, '>=', date(from.m, from.d)), cmp(day, '<=', date(to.m, to.d))),
          leaf('pass', `${ind.label}: `, shown(ind), ' (trong ', ...win, ')'),
        ],
      ],
      leaf('fail', `${ind.label}: `, shown(ind), '; yêu cầu trong ', ...win),
    ),
  );
}

function compileDatedEvent(c: Ctx, r: RequirementOf<'datedEvent'>): CompiledRequirement {
  const ind = c.ind(r.indicator);
  const due = c.dueText(r.due);
  return c.single(
    ind,
    chain(
      [
        [c.beforePeriod, leaf('not_due', `${ind.label}: `, ...c.notStarted)],
        [isOneOf(ind, [BOOL_YES]), leaf('pass', `${ind.label}: Có`)],
        [
          c.open(r.due),
          iff(
            blank(ind.id),
            leaf('not_due', `${ind.label}: chưa nhập; hạn `, ...due),
            leaf('not_due', `${ind.label}: chưa tổ chức; hạn `, ...due),
          ),
        ],
        [blank(ind.id), leaf('missing', `${ind.label}: chưa nhập; hạn `, ...due, ' đã qua')],
      ],
      leaf('fail', `${ind.label}: Không; yêu cầu tổ chức chậm nhất ngày `, ...due),
    ),
  );
}

function compileMonthly(c: Ctx, r: RequirementOf<'monthly'>): CompiledRequirement {
  const ind = c.ind(r.indicator);
  const required = monthsRequired(c);
  const req: Msg = [{ num: required, fmt: 'int' }];
  return c.single(
    ind,
    chain(
      [
        [
          blank(ind.id),
          iff(
            cmp(required, '=', n(0)),
            leaf('not_due', `${ind.label}: chưa nhập; chưa hết tháng nào của kỳ đánh giá`),
            leaf('missing', `${ind.label}: chưa nhập; yêu cầu ≥ `, ...req, ' tháng'),
          ),
        ],
        [
          cmp(ref(ind.id), '>=', required),
          leaf('pass', `${ind.label}: `, shown(ind), ' (yêu cầu ≥ ', ...req, ')'),
        ],
      ],
      leaf(
        'fail',
        `${ind.label}: `,
        shown(ind),
        '; yêu cầu ≥ ',
        ...req,
        ' (mỗi tháng đã qua của kỳ đánh giá đến ',
        { num: ASOF, fmt: 'date' },
        ')',
      ),
    ),
  );
}

function compileRating(c: Ctx, r: RequirementOf<'rating'>): CompiledRequirement {
  const ind = c.ind(r.indicator);
  const min = c.label(r.atLeast);
  const ok = c.atLeast(ind, min);
  const want = ok.length === 1 ? `“${min}”` : `“${min}” trở lên`;
  return c.single(
    ind,
    chain(
      [
        [
          blank(ind.id),
          iff(
            c.open(PERIOD_END_DUE),
            leaf('not_due', `${ind.label}: chưa có kết quả; yêu cầu ${want}`),
            // issued after the review: the latest published is the year before's
            leaf(
              'missing',
              `${ind.label}: chưa nhập kết quả gần nhất (năm `,
              { num: sub(YEAR, n(1)), fmt: 'int' },
              ` nếu năm `,
              { num: YEAR, fmt: 'int' },
              ` chưa công bố); yêu cầu ${want}`,
            ),
          ),
        ],
        [isOneOf(ind, ok), leaf('pass', `${ind.label}: `, { raw: ind.id })],
      ],
      leaf('fail', `${ind.label}: `, { raw: ind.id }, `; yêu cầu ${want}`),
    ),
  );
}

function compileComplete(c: Ctx, r: RequirementOf<'complete'>): CompiledRequirement {
  const part = c.ind(r.part);
  const whole = c.ind(r.whole);
  const dueDm = r.due ?? PERIOD_END_DUE;
  const due = c.dueText(dueDm);
  const frac: Msg = [shown(part), '/', shown(whole)];
  const timed = r.timing !== 'state';
  const notComplete: Msg = [`${part.label}: `, ...frac, '; yêu cầu 100%'];
  const cases: Array<readonly [Bool, StatusExpr]> = [
    [
      and(not(blank(part.id)), not(blank(whole.id)), cmp(ref(part.id), '>', ref(whole.id))),
      leaf('invalid', `${part.label} (`, shown(part), `) lớn hơn ${whole.label} (`, shown(whole), ')'),
    ],
  ];
  if (r.timing === 'accruing')
    cases.push([c.beforePeriod, leaf('not_due', `${part.label}: `, ...c.notStarted)]);
  cases.push([blank(whole.id), leaf('missing', `${whole.label}: chưa nhập`)]);
  cases.push([
    blank(part.id),
    timed
      ? iff(
          c.open(dueDm),
          leaf('not_due', `${part.label}: chưa nhập; hạn `, ...due),
          leaf('missing', `${part.label}: chưa nhập; hạn `, ...due, ' đã qua'),
        )
      : leaf('missing', `${part.label}: chưa nhập`),
  ]);
  cases.push([cmp(ref(part.id), '=', ref(whole.id)), leaf('pass', `${part.label}: `, ...frac, ' (100%)')]);
  if (r.timing === 'accruing') {
    cases.push([c.open(dueDm), leaf('not_due', ...notComplete, ', còn hạn đến ', ...due)]);
  }
  return {
    indicators: [part.id, whole.id],
    expr: c.guard([whole.id, part.id], chain(cases, leaf('fail', ...notComplete))),
  };
}

function compileReduction(c: Ctx, r: RequirementOf<'reduction'>): CompiledRequirement {
  const p = c.ind(r.previous);
  const cur = c.ind(r.current);
  const pct = c.num(r.percent);
  const restraint = c.bool(r.acceptRestraint);
  const P = ref(p.id);
  const C = ref(cur.id);
  const pair: Msg = [' (', shown(p), ' → ', shown(cur), ')'];
  const want = restraint
    ? `; yêu cầu kiềm chế (không tăng) hoặc giảm ít nhất ${fmtPct(pct)}%`
    : `; yêu cầu giảm ít nhất ${fmtPct(pct)}%`;
  const decreased: Msg = [`${cur.label}: giảm `, pctOf(sub(P, C), P), '%', ...pair];
  const change: StatusExpr = chain(
    [[and(cmp(P, '=', n(0)), cmp(C, '=', n(0))), leaf('pass', `${cur.label}: không có vụ nào`, ...pair)]],
    iff(
      cmp(mul(C, n(100)), '<=', mul(P, n(100 - pct))),
      leaf('pass', ...decreased, `; đạt mức giảm ${fmtPct(pct)}%`),
      // not reduced enough: "kiềm chế" (not increasing) passes only when the pack parameter allows it
      iff(
        cmp(C, '<=', P),
        restraint
          ? leaf('pass', ...decreased, '; đạt “kiềm chế” (không tăng)')
          : leaf('fail', ...decreased, want),
        increased(cur.label, P, C, pair, want),
      ),
    ),
  );
  return {
    indicators: [p.id, cur.id],
    expr: c.guard(
      [p.id, cur.id],
      chain(
        [
          [blank(p.id), leaf('missing', `${p.label}: chưa nhập`)],
          [blank(cur.id), leaf('missing', `${cur.label}: chưa nhập`)],
        ],
        change,
      ),
    ),
  };
}

function compileAddicts(c: Ctx, r: RequirementOf<'addicts'>): CompiledRequirement {
  const p = c.ind(r.previous);
  const cur = c.ind(r.current);
  const T = c.num(r.threshold);
  const pct = c.num(r.percent);
  const K = c.num(r.people);
  const P = ref(p.id);
  const C = ref(cur.id);
  const pair: Msg = [' (', shown(p), ' → ', shown(cur), ')'];
  return {
    indicators: [p.id, cur.id],
    expr: c.guard(
      [p.id, cur.id],
      chain(
        [
          [blank(cur.id), leaf('missing', `${cur.label}: chưa nhập`)],
          [cmp(C, '=', n(0)), leaf('pass', `${cur.label}: 0 (không có người nghiện)`)],
          [blank(p.id), leaf('missing', `${p.label}: chưa nhập`)],
          [
            cmp(P, '>', n(T)),
            iff(
              cmp(mul(C, n(100)), '<=', mul(P, n(100 - pct))),
              leaf(
                'pass',
                `${cur.label}: giảm `,
                pctOf(sub(P, C), P),
                '%',
                ...pair,
                `; trên ${T} người cần giảm ≥ ${fmtPct(pct)}%`,
              ),
              leaf(
                'fail',
                `${cur.label}: `,
                shown(cur),
                ' người, năm trước ',
                shown(p),
                ` người; năm trước trên ${T} người thì phải giảm ít nhất ${fmtPct(pct)}%, tức còn tối đa `,
                { num: { t: 'int', x: div(mul(P, n(100 - pct)), n(100)) }, fmt: 'int' },
                ' người',
              ),
            ),
          ],
        ],
        iff(
          cmp(C, '<=', sub(P, n(K))),
          leaf('pass', `${cur.label}: giảm `, { num: sub(P, C), fmt: 'int' }, ' người', ...pair),
          leaf(
            'fail',
            `${cur.label}: `,
            shown(cur),
            ' người, năm trước ',
            shown(p),
            ` người; năm trước từ ${T} người trở xuống thì phải giảm ít nhất ${K} người`,
          ),
        ),
      ),
    ),
  };
}

function compileRateBelow(c: Ctx, r: RequirementOf<'rateBelow'>): CompiledRequirement {
  const part = c.ind(r.part);
  const whole = c.ind(r.whole);
  const pct = c.num(r.percent);
  const A = ref(part.id);
  const B = ref(whole.id);
  const frac: Msg = [' (', shown(part), '/', shown(whole), ')'];
  // the same sentence whether it passes or fails: "Tỷ lệ tái phạm 1,52% (1/66); yêu cầu dưới 1,5%"
  const rate: Msg = ['Tỷ lệ tái phạm ', pctOf(A, B, 'pct2'), '%', ...frac, `; yêu cầu dưới ${fmtPct(pct)}%`];
  return {
    indicators: [part.id, whole.id],
    expr: c.guard(
      [whole.id, part.id],
      chain(
        [
          [blank(whole.id), leaf('missing', `${whole.label}: chưa nhập`)],
          [blank(part.id), leaf('missing', `${part.label}: chưa nhập`)],
          [
            cmp(A, '>', B),
            leaf('invalid', `${part.label} (`, shown(part), `) lớn hơn ${whole.label} (`, shown(whole), ')'),
          ],
          [cmp(B, '=', n(0)), leaf('pass', `${part.label}: 0/0`)],
          [cmp(mul(A, n(100)), '<', mul(B, n(pct))), leaf('pass', ...rate)],
        ],
        leaf('fail', ...rate),
      ),
    ),
  };
}

/** The requirement of one kind. */
type RequirementOf<K extends Requirement['kind']> = Extract<Requirement, { kind: K }>;

/**
 * Each requirement kind's meaning, one function per kind (the only place it is written down); the
 * table is typed so that a kind without a compiler does not build.
 */
const COMPILERS: { [K in Requirement['kind']]: (c: Ctx, r: RequirementOf<K>) => CompiledRequirement } = {
  equals: compileEquals,
  zero: compileZero,
  atLeast: compileAtLeast,
  datedDocument: compileDatedDocument,
  datedEvent: compileDatedEvent,
  monthly: compileMonthly,
  rating: compileRating,
  complete: compileComplete,
  reduction: compileReduction,
  addicts: compileAddicts,
  rateBelow: compileRateBelow,
};

function compileBody(c: Ctx, r: Requirement): CompiledRequirement {
  // the table's key and the requirement's kind are the same: TS cannot relate them through the union
  const compile = COMPILERS[r.kind] as (c: Ctx, r: Requirement) => CompiledRequirement;
  return compile(c, r);
}

function increased(label: string, P: Num, C: Num, pair: Msg, want: string): StatusExpr {
  return iff(
    cmp(P, '=', n(0)),
    leaf('fail', `${label}: tăng`, ...pair, want),
    leaf('fail', `${label}: tăng `, pctOf(sub(C, P), P), '%', ...pair, want),
  );
}

/**
 * a / b × 100 as a percentage with one decimal, or two where one would hide the comparison (TC29:
 * 1/66 = 1,52% and 1/67 = 1,49% both round to 1,5%); b > 0 guaranteed by the caller's branch.
 */
function pctOf(a: Num, b: Num, fmt: 'pct1' | 'pct2' = 'pct1'): MsgPart {
  return { num: div(mul(a, n(100)), b), fmt };
}

/** A percentage parameter in a message: 5 → "5", 1.5 → "1,5" (a constant of the text, not computed by the sheet). */
export function fmtPct(v: number): string {
  return formatNumber(v);
}

// ---------------------------------------------------------------------------------------------

/** Required months of a monthly count: whole months of the period up to the as-of date. */
function monthsRequired(c: Ctx): Num {
  const { m: sm, d: sd } = parseDayMonth(c.plan.period.start.dayMonth);
  const startYear = add(YEAR, n(c.plan.period.start.yearOffset));
  // whole months from the period's first day to x: a month counts once its last day has passed
  const monthsTo = (x: Num): Num =>
    sub(add(mul(sub({ t: 'yearOf', x }, startYear), n(12)), sub({ t: 'monthOf', x }, n(sm))), {
      t: 'ifn',
      c: cmp({ t: 'dayOf', x }, '<', n(sd)),
      then: n(1),
      else: n(0),
    });
  return {
    t: 'ifn',
    c: cmp(ASOF, '<', c.periodStart),
    then: n(0),
    else: {
      t: 'ifn',
      c: cmp(ASOF, '>=', c.periodEnd),
      then: monthsTo(add(c.periodEnd, n(1))),
      else: monthsTo(ASOF),
    },
  };
}

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
