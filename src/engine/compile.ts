/**
 * Compiles pack requirements (data) into status trees (./ast.ts). This is the only place where the
 * meaning of a requirement kind is written down; both the TS evaluator and the sheet formulas
 * are generated from what this file returns.
 */
import type {
  BoolOrParam,
  Criterion,
  Indicator,
  LabelOrParam,
  NumberOrParam,
  Pack,
  Requirement,
} from '../pack/schema';
import { BOOL_NO, BOOL_YES } from '../pack/schema';
import { parseDayMonth } from './dates';
import { MAX_DATE_SERIAL, MIN_DATE_SERIAL } from './dates';
import {
  ASOF,
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

export interface CompiledCriterion {
  criterion: Criterion;
  requirements: CompiledRequirement[];
}

export interface CompiledPack {
  pack: Pack;
  indicators: ReadonlyMap<string, Indicator>;
  /** effective as-of date: a valid `ngay_danh_gia`, else today */
  asOf: Num;
  /** effective year: a valid `nam`, else the year of the as-of date */
  year: Num;
  criteria: CompiledCriterion[];
}

// ---------------------------------------------------------------------------------------------
// Indicator validity and display

export function validity(ind: Indicator, pack: Pack): Bool {
  const x = ref(ind.id);
  switch (ind.type) {
    case 'text':
      return { t: 'true' };
    case 'bool':
      return { t: 'is', id: ind.id, values: [BOOL_YES, BOOL_NO] };
    case 'choice':
      return { t: 'is', id: ind.id, values: scaleOf(ind, pack) };
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

function dueText(dm: string): Msg {
  const { m, d } = parseDayMonth(dm);
  return [{ num: date(m, d), fmt: 'date' }];
}

// ---------------------------------------------------------------------------------------------

class Ctx {
  constructor(
    readonly pack: Pack,
    readonly indicators: ReadonlyMap<string, Indicator>,
  ) {}

  ind(id: string): Indicator {
    const found = this.indicators.get(id);
    // The schema's cross-checks guarantee references exist; this keeps the function total.
    return found ?? { id, label: id, type: 'text' };
  }

  num(v: NumberOrParam): number {
    if (typeof v === 'number') return v;
    const p = this.pack.parameters[v.param];
    return typeof p === 'number' ? p : 0;
  }

  bool(v: BoolOrParam): boolean {
    if (typeof v === 'boolean') return v;
    return this.pack.parameters[v.param] === true;
  }

  label(v: LabelOrParam): string {
    if (typeof v === 'string') return v;
    const p = this.pack.parameters[v.param];
    return typeof p === 'string' ? p : '';
  }

  /** Scale labels at least as good as `min` (scales are best first). */
  atLeast(ind: Indicator, min: string): string[] {
    const scale = scaleOf(ind, this.pack);
    const i = scale.indexOf(min);
    return i < 0 ? scale : scale.slice(0, i + 1);
  }

  /** Reject malformed inputs first: a non-blank value that is not valid for its type → invalid. */
  guard(ids: readonly string[], body: StatusExpr): StatusExpr {
    const cases = ids.map((id) => {
      const ind = this.ind(id);
      return [
        and(not(blank(id)), not(validity(ind, this.pack))),
        leaf(
          'invalid',
          `${ind.label}: giá trị “`,
          { raw: id },
          `” không hợp lệ — cần ${expectation(ind, this.pack)}`,
        ),
      ] as const;
    });
    return chain(cases, body);
  }
}

const beforeYear: Bool = cmp(ASOF, '<', date(1, 1));
const NOT_STARTED: Msg = ['chưa đến năm đánh giá (ngày tính đến ', { num: ASOF, fmt: 'date' }, ')'];
const onOrBefore = (dm: string): Bool => {
  const { m, d } = parseDayMonth(dm);
  return cmp(ASOF, '<=', date(m, d));
};

function compileRequirement(c: Ctx, r: Requirement): CompiledRequirement {
  const body = compileBody(c, r);
  const a = r.applicability;
  if (!a) return body;
  const ind = c.ind(a.indicator);
  const hit: Bool = { t: 'is', id: a.indicator, values: a.values };
  const naWhen = a.mode === 'only' ? not(hit) : hit;
  const why =
    a.mode === 'only'
      ? `chỉ áp dụng khi ${ind.label} là ${a.values.join(' hoặc ')}`
      : `không áp dụng khi ${ind.label} là ${a.values.join(' hoặc ')}`;
  const naLeaf = leaf('na', `Không áp dụng: ${why}`);
  return { indicators: body.indicators, expr: iff(naWhen, naLeaf, body.expr) };
}

function compileBody(c: Ctx, r: Requirement): CompiledRequirement {
  switch (r.kind) {
    case 'equals': {
      const ind = c.ind(r.indicator);
      return {
        indicators: [ind.id],
        expr: c.guard(
          [ind.id],
          chain(
            [
              [blank(ind.id), leaf('missing', `${ind.label}: chưa nhập; yêu cầu “${r.value}”`)],
              [{ t: 'is', id: ind.id, values: [r.value] }, leaf('pass', `${ind.label}: ${r.value}`)],
            ],
            leaf('fail', `${ind.label}: `, { raw: ind.id }, `; yêu cầu “${r.value}”`),
          ),
        ),
      };
    }
    case 'zero': {
      const ind = c.ind(r.indicator);
      return {
        indicators: [ind.id],
        expr: c.guard(
          [ind.id],
          chain(
            [
              [blank(ind.id), leaf('missing', `${ind.label}: chưa nhập; yêu cầu 0`)],
              [cmp(ref(ind.id), '=', n(0)), leaf('pass', `${ind.label}: 0`)],
            ],
            leaf('fail', `${ind.label}: `, shown(ind), '; yêu cầu 0 (không để xảy ra)'),
          ),
        ),
      };
    }
    case 'atLeast': {
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
      const due = dueText(r.due);
      return {
        indicators: [ind.id],
        expr: c.guard(
          [ind.id],
          chain(
            [
              [beforeYear, leaf('not_due', `${ind.label}: `, ...NOT_STARTED)],
              [
                blank(ind.id),
                iff(
                  onOrBefore(r.due),
                  leaf('not_due', `${ind.label}: chưa nhập; yêu cầu ≥ ${min}, hạn `, ...due),
                  leaf('missing', `${ind.label}: chưa nhập; yêu cầu ≥ ${min}, hạn `, ...due, ' đã qua'),
                ),
              ],
              [met, passLeaf],
              [onOrBefore(r.due), leaf('not_due', ...failMsg, ', còn hạn đến ', ...due)],
            ],
            leaf('fail', ...failMsg, ', hạn ', ...due, ' đã qua'),
          ),
        ),
      };
    }
    case 'datedDocument': {
      const ind = c.ind(r.indicator);
      const from = parseDayMonth(r.from);
      const to = parseDayMonth(r.to);
      const win: Msg = [
        { num: date(from.m, from.d), fmt: 'date' },
        ' – ',
        { num: date(to.m, to.d), fmt: 'date' },
      ];
      const day: Num = { t: 'int', x: ref(ind.id) };
      return {
        indicators: [ind.id],
        expr: c.guard(
          [ind.id],
          chain(
            [
              [beforeYear, leaf('not_due', `${ind.label}: `, ...NOT_STARTED)],
              [
                blank(ind.id),
                iff(
                  onOrBefore(r.to),
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
        ),
      };
    }
    case 'datedEvent': {
      const ind = c.ind(r.indicator);
      const due = dueText(r.due);
      return {
        indicators: [ind.id],
        expr: c.guard(
          [ind.id],
          chain(
            [
              [beforeYear, leaf('not_due', `${ind.label}: `, ...NOT_STARTED)],
              [{ t: 'is', id: ind.id, values: [BOOL_YES] }, leaf('pass', `${ind.label}: Có`)],
              [
                onOrBefore(r.due),
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
        ),
      };
    }
    case 'monthly': {
      const ind = c.ind(r.indicator);
      const required: Num = {
        t: 'ifn',
        c: cmp(ASOF, '<', date(1, 1)),
        then: n(0),
        else: {
          t: 'ifn',
          c: cmp(ASOF, '>=', date(1, 1, 1)),
          then: n(12),
          else: sub({ t: 'monthOf', x: ASOF }, n(1)),
        },
      };
      const req: Msg = [{ num: required, fmt: 'int' }];
      return {
        indicators: [ind.id],
        expr: c.guard(
          [ind.id],
          chain(
            [
              [
                blank(ind.id),
                iff(
                  cmp(required, '=', n(0)),
                  leaf('not_due', `${ind.label}: chưa nhập; chưa hết tháng nào của năm`),
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
              ' (mỗi tháng đã qua đến ',
              { num: ASOF, fmt: 'date' },
              ')',
            ),
          ),
        ),
      };
    }
    case 'rating': {
      const ind = c.ind(r.indicator);
      const min = c.label(r.atLeast);
      const ok = c.atLeast(ind, min);
      const want = ok.length === 1 ? `“${min}”` : `“${min}” trở lên`;
      return {
        indicators: [ind.id],
        expr: c.guard(
          [ind.id],
          chain(
            [
              [
                blank(ind.id),
                iff(
                  onOrBefore('31/12'),
                  leaf('not_due', `${ind.label}: chưa có kết quả; yêu cầu ${want}`),
                  leaf('missing', `${ind.label}: chưa nhập; yêu cầu ${want}`),
                ),
              ],
              [{ t: 'is', id: ind.id, values: ok }, leaf('pass', `${ind.label}: `, { raw: ind.id })],
            ],
            leaf('fail', `${ind.label}: `, { raw: ind.id }, `; yêu cầu ${want}`),
          ),
        ),
      };
    }
    case 'complete': {
      const part = c.ind(r.part);
      const whole = c.ind(r.whole);
      const dueDm = r.due ?? '31/12';
      const due = dueText(dueDm);
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
        cases.push([beforeYear, leaf('not_due', `${part.label}: `, ...NOT_STARTED)]);
      cases.push([blank(whole.id), leaf('missing', `${whole.label}: chưa nhập`)]);
      cases.push([
        blank(part.id),
        timed
          ? iff(
              onOrBefore(dueDm),
              leaf('not_due', `${part.label}: chưa nhập; hạn `, ...due),
              leaf('missing', `${part.label}: chưa nhập; hạn `, ...due, ' đã qua'),
            )
          : leaf('missing', `${part.label}: chưa nhập`),
      ]);
      cases.push([
        cmp(ref(part.id), '=', ref(whole.id)),
        leaf('pass', `${part.label}: `, ...frac, ' (100%)'),
      ]);
      if (r.timing === 'accruing') {
        cases.push([onOrBefore(dueDm), leaf('not_due', ...notComplete, ', còn hạn đến ', ...due)]);
      }
      return {
        indicators: [part.id, whole.id],
        expr: c.guard([whole.id, part.id], chain(cases, leaf('fail', ...notComplete))),
      };
    }
    case 'reduction': {
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
    case 'addicts': {
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
                    `${cur.label}:`,
                    ...pair,
                    `; trên ${T} người phải giảm ít nhất ${fmtPct(pct)}% (còn tối đa `,
                    { num: { t: 'int', x: div(mul(P, n(100 - pct)), n(100)) }, fmt: 'int' },
                    ')',
                  ),
                ),
              ],
            ],
            iff(
              cmp(C, '<=', sub(P, n(K))),
              leaf('pass', `${cur.label}: giảm `, { num: sub(P, C), fmt: 'int' }, ' người', ...pair),
              leaf(
                'fail',
                `${cur.label}:`,
                ...pair,
                `; từ ${T} người trở xuống phải giảm ít nhất ${K} người`,
              ),
            ),
          ),
        ),
      };
    }
    case 'rateBelow': {
      const part = c.ind(r.part);
      const whole = c.ind(r.whole);
      const pct = c.num(r.percent);
      const A = ref(part.id);
      const B = ref(whole.id);
      const frac: Msg = [' (', shown(part), '/', shown(whole), ')'];
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
                leaf(
                  'invalid',
                  `${part.label} (`,
                  shown(part),
                  `) lớn hơn ${whole.label} (`,
                  shown(whole),
                  ')',
                ),
              ],
              [cmp(B, '=', n(0)), leaf('pass', `${part.label}: 0/0`)],
              [
                cmp(mul(A, n(100)), '<', mul(B, n(pct))),
                leaf('pass', `Tỷ lệ tái phạm `, pctOf(A, B), '%', ...frac, `; yêu cầu dưới ${fmtPct(pct)}%`),
              ],
            ],
            leaf('fail', `Tỷ lệ tái phạm `, pctOf(A, B), '%', ...frac, `; yêu cầu dưới ${fmtPct(pct)}%`),
          ),
        ),
      };
    }
  }
}

function increased(label: string, P: Num, C: Num, pair: Msg, want: string): StatusExpr {
  return iff(
    cmp(P, '=', n(0)),
    leaf('fail', `${label}: tăng`, ...pair, want),
    leaf('fail', `${label}: tăng `, pctOf(sub(C, P), P), '%', ...pair, want),
  );
}

/** a / b × 100 as a one-decimal percentage (b > 0 guaranteed by the caller's branch). */
function pctOf(a: Num, b: Num): MsgPart {
  return { num: div(mul(a, n(100)), b), fmt: 'pct1' };
}

/** 5 → "5", 1.5 → "1,5" */
export function fmtPct(v: number): string {
  return String(v).replace('.', ',');
}

// ---------------------------------------------------------------------------------------------

export function indicatorMap(pack: Pack): Map<string, Indicator> {
  const m = new Map<string, Indicator>();
  for (const ind of pack.profile) m.set(ind.id, ind);
  for (const g of pack.groups)
    for (const cr of g.criteria) for (const ind of cr.indicators) m.set(ind.id, ind);
  return m;
}

const cache = new WeakMap<Pack, CompiledPack>();

/** Compile a (validated) pack once; results are cached per pack object. */
export function compilePack(pack: Pack): CompiledPack {
  const hit = cache.get(pack);
  if (hit) return hit;
  const indicators = indicatorMap(pack);
  const c = new Ctx(pack, indicators);
  const asOfInd = c.ind(AS_OF_ID);
  const yearInd = c.ind(YEAR_ID);
  const asOf: Num = {
    t: 'ifn',
    c: indicators.has(AS_OF_ID) ? validity(asOfInd, pack) : { t: 'false' },
    then: { t: 'int', x: ref(AS_OF_ID) },
    else: { t: 'today' },
  };
  const year: Num = {
    t: 'ifn',
    c: indicators.has(YEAR_ID) ? validity(yearInd, pack) : { t: 'false' },
    then: ref(YEAR_ID),
    // Capped at 9998 so that DATE(year + 1, 1, 1) stays inside Excel's calendar (≤ 31/12/9999).
    else: {
      t: 'ifn',
      c: cmp({ t: 'yearOf', x: ASOF }, '>', n(9998)),
      then: n(9998),
      else: { t: 'yearOf', x: ASOF },
    },
  };
  const compiled: CompiledPack = {
    pack,
    indicators,
    asOf,
    year,
    criteria: pack.groups.flatMap((g) =>
      g.criteria.map((criterion) => ({
        criterion,
        requirements: criterion.requirements.map((r) => compileRequirement(c, r)),
      })),
    ),
  };
  cache.set(pack, compiled);
  return compiled;
}

/** Exposed for tests: true when some requirement of the pack reads the id. */
export function isRead(compiled: CompiledPack, id: string): boolean {
  return compiled.criteria.some((cc) => cc.requirements.some((r) => r.indicators.includes(id)));
}
