/** `reduction` (Rule 18): this year's count down by `percent` on last year's, or held (“kiềm chế”). */
import {
  and,
  blank,
  chain,
  cmp,
  iff,
  leaf,
  mul,
  n,
  ref,
  sub,
  type Msg,
  type Num,
  type StatusExpr,
} from '../engine/ast';
import { defineKind } from './define';
import { fmtPct, pctOf } from './shared';

export const reduction = defineKind({
  kind: 'reduction',
  doc:
    '`current` ≤ `previous` × (1 − `percent`/100); with `acceptRestraint` true “kiềm chế” ' +
    '(`current` ≤ `previous`) passes too',
  schema: (_z, p) =>
    p.branch('reduction', {
      previous: p.ref,
      current: p.ref,
      percent: p.numberOrParam,
      acceptRestraint: p.boolOrParam,
    }),
  refs: { previous: 'count', current: 'count' },
  check(v) {
    v.percent('percent');
    v.param('acceptRestraint', 'boolean');
  },
  compile(c, r) {
    const p = c.ind(r.previous);
    const cur = c.ind(r.current);
    const pct = c.num(r.percent);
    const restraint = c.bool(r.acceptRestraint);
    const P = ref(p.id);
    const C = ref(cur.id);
    const pair: Msg = [' (', c.shown(p), ' → ', c.shown(cur), ')'];
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
  },
  expectation(x, r, field) {
    if (field !== 'current') return 'số liệu so sánh';
    const pct = fmtPct(x.num(r.percent));
    return x.bool(r.acceptRestraint)
      ? `không tăng hoặc giảm ≥ ${pct}% so với cùng kỳ`
      : `giảm ≥ ${pct}% so với cùng kỳ`;
  },
});

function increased(label: string, P: Num, C: Num, pair: Msg, want: string): StatusExpr {
  return iff(
    cmp(P, '=', n(0)),
    leaf('fail', `${label}: tăng`, ...pair, want),
    leaf('fail', `${label}: tăng `, pctOf(sub(C, P), P), '%', ...pair, want),
  );
}
