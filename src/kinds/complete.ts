/** `complete`: a part equal to its whole (100%): state, accruing until `due`, or a rating. */
import {
  and,
  blank,
  chain,
  cmp,
  iff,
  leaf,
  not,
  ref,
  type Bool,
  type Msg,
  type StatusExpr,
} from '../engine/ast';
import { defineKind } from './define';
import { PERIOD_END_DUE } from './shared';

export const complete = defineKind({
  kind: 'complete',
  doc:
    '`part` = `whole` (100%); `part` > `whole` is invalid; 0 of 0 passes. `timing`: `state` (a fact), ' +
    '`accruing` (not yet due before `due`, default the period’s end) or `rating` (known after the review)',
  schema: (z, p) =>
    p.branch('complete', {
      part: p.ref,
      whole: p.ref,
      timing: z.enum(['state', 'accruing', 'rating']),
      due: p.due.optional(),
    }),
  refs: { part: 'count', whole: 'count' },
  check(v) {
    if (v.raw.due === undefined) return;
    v.day('due');
    if (v.raw.timing === 'state') v.problem('due', 'kind.stateNoDue');
  },
  compile(c, r) {
    const part = c.ind(r.part);
    const whole = c.ind(r.whole);
    const dueDm = r.due ?? PERIOD_END_DUE;
    const due = c.dueText(dueDm);
    const frac: Msg = [c.shown(part), '/', c.shown(whole)];
    const timed = r.timing !== 'state';
    const notComplete: Msg = [`${part.label}: `, ...frac, '; yêu cầu 100%'];
    const cases: Array<readonly [Bool, StatusExpr]> = [
      [
        and(not(blank(part.id)), not(blank(whole.id)), cmp(ref(part.id), '>', ref(whole.id))),
        leaf('invalid', `${part.label} (`, c.shown(part), `) lớn hơn ${whole.label} (`, c.shown(whole), ')'),
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
  },
  expectation(x, r, field) {
    if (field !== 'part') return 'tổng số';
    const due =
      r.timing === 'accruing'
        ? `, hạn ${x.day(r.due ?? PERIOD_END_DUE)}`
        : r.timing === 'rating'
          ? '; kết quả gần nhất'
          : '';
    return `= tổng số (100%)${due}`;
  },
  deadline: (r) => (r.timing === 'accruing' ? (r.due ?? PERIOD_END_DUE) : undefined),
});
