/** `rating`: a rating on a scale, at least `atLeast` (scales are best first). */
import { YEAR, blank, chain, iff, leaf, n, sub } from '../engine/ast';
import { defineKind } from './define';
import { PERIOD_END_DUE } from './shared';

export const rating = defineKind({
  kind: 'rating',
  doc:
    'a rating on the indicator’s scale, at least `atLeast` (a label or a parameter); ratings come ' +
    'out after the review, so blank before the period’s end is not yet due',
  schema: (_z, p) => p.branch('rating', { indicator: p.ref, atLeast: p.labelOrParam }),
  refs: { indicator: 'choice' },
  check(v) {
    const label = v.param('atLeast', 'string');
    const ind = v.referenced('indicator');
    const labels = ind?.labels;
    if (typeof label === 'string' && labels && !labels.includes(label)) {
      v.problem('atLeast', 'pack.notInScale', { label, scale: ind?.scale ?? '', labels: labels.join('; ') });
    }
  },
  compile(c, r) {
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
          [c.isOneOf(ind, ok), leaf('pass', `${ind.label}: `, { raw: ind.id })],
        ],
        leaf('fail', `${ind.label}: `, { raw: ind.id }, `; yêu cầu ${want}`),
      ),
    );
  },
  expectation(x, r, _field, ind) {
    const min = x.label(r.atLeast);
    // ratings are issued after the review: the latest one published counts
    return `${x.scale(ind).indexOf(min) === 0 ? `= ${min}` : `≥ ${min}`}; kết quả gần nhất`;
  },
});
