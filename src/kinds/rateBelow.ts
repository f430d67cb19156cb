/** `rateBelow`: a rate part / whole strictly below `percent` %. */
import { blank, chain, cmp, leaf, mul, n, ref, type Msg } from '../engine/ast';
import { defineKind } from './define';
import { fmtPct, pctOf } from './shared';

export const rateBelow = defineKind({
  kind: 'rateBelow',
  doc: '`part` / `whole` < `percent` % (strictly); 0 of 0 passes; `part` > `whole` is invalid',
  schema: (_z, p) => p.branch('rateBelow', { part: p.ref, whole: p.ref, percent: p.numberOrParam }),
  refs: { part: 'count', whole: 'count' },
  check(v) {
    v.percent('percent');
  },
  compile(c, r) {
    const part = c.ind(r.part);
    const whole = c.ind(r.whole);
    const pct = c.num(r.percent);
    const A = ref(part.id);
    const B = ref(whole.id);
    const frac: Msg = [' (', c.shown(part), '/', c.shown(whole), ')'];
    // the same sentence whether it passes or fails: "Tỷ lệ tái phạm 1,52% (1/66); yêu cầu dưới 1,5%"
    const rate: Msg = [
      'Tỷ lệ tái phạm ',
      pctOf(A, B, 'pct2'),
      '%',
      ...frac,
      `; yêu cầu dưới ${fmtPct(pct)}%`,
    ];
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
                c.shown(part),
                `) lớn hơn ${whole.label} (`,
                c.shown(whole),
                ')',
              ),
            ],
            [cmp(B, '=', n(0)), leaf('pass', `${part.label}: 0/0`)],
            [cmp(mul(A, n(100)), '<', mul(B, n(pct))), leaf('pass', ...rate)],
          ],
          leaf('fail', ...rate),
        ),
      ),
    };
  },
  expectation: (x, r, field) => (field === 'part' ? `tỷ lệ < ${fmtPct(x.num(r.percent))}%` : 'tổng số'),
});
