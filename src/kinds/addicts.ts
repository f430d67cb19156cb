/** `addicts` (Rule 19, the count part): no addicts, or fewer by a percentage or by a number of people. */
import { blank, chain, cmp, div, iff, leaf, mul, n, ref, sub, type Msg } from '../engine/ast';
import { defineKind } from './define';
import { fmtPct, pctOf } from './shared';

export const addicts = defineKind({
  kind: 'addicts',
  doc:
    '`current` = 0; or, with `previous` > `threshold`, `current` ≤ `previous` × (1 − `percent`/100); ' +
    'or, with `previous` ≤ `threshold`, `current` ≤ `previous` − `people`',
  schema: (_z, p) =>
    p.branch('addicts', {
      previous: p.ref,
      current: p.ref,
      threshold: p.numberOrParam,
      percent: p.numberOrParam,
      people: p.numberOrParam,
    }),
  refs: { previous: 'count', current: 'count' },
  check(v) {
    v.nonNegative('threshold', 'what.threshold', true);
    v.percent('percent');
    v.nonNegative('people', 'what.people', true);
  },
  compile(c, r) {
    const p = c.ind(r.previous);
    const cur = c.ind(r.current);
    const T = c.num(r.threshold);
    const pct = c.num(r.percent);
    const K = c.num(r.people);
    const P = ref(p.id);
    const C = ref(cur.id);
    const pair: Msg = [' (', c.shown(p), ' → ', c.shown(cur), ')'];
    const was: Msg = [`${cur.label}: `, c.shown(cur), ' người, năm trước ', c.shown(p)];
    const overThreshold = iff(
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
        ...was,
        ` người; năm trước trên ${T} người thì phải giảm ít nhất ${fmtPct(pct)}%, tức còn tối đa `,
        { num: { t: 'int', x: div(mul(P, n(100 - pct)), n(100)) }, fmt: 'int' },
        ' người',
      ),
    );
    const atOrBelow = iff(
      cmp(C, '<=', sub(P, n(K))),
      leaf('pass', `${cur.label}: giảm `, { num: sub(P, C), fmt: 'int' }, ' người', ...pair),
      leaf('fail', ...was, ` người; năm trước từ ${T} người trở xuống thì phải giảm ít nhất ${K} người`),
    );
    return {
      indicators: [p.id, cur.id],
      expr: c.guard(
        [p.id, cur.id],
        chain(
          [
            [blank(cur.id), leaf('missing', `${cur.label}: chưa nhập`)],
            [cmp(C, '=', n(0)), leaf('pass', `${cur.label}: 0 (không có người nghiện)`)],
            [blank(p.id), leaf('missing', `${p.label}: chưa nhập`)],
            [cmp(P, '>', n(T)), overThreshold],
          ],
          atOrBelow,
        ),
      ),
    };
  },
  expectation(x, r, field) {
    if (field !== 'current') return 'số liệu so sánh';
    const t = x.num(r.threshold);
    return `= 0, hoặc giảm ≥ ${fmtPct(x.num(r.percent))}% (trên ${t} người) / ≥ ${x.num(r.people)} người (từ ${t} trở xuống)`;
  },
});
