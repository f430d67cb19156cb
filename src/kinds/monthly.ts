/** `monthly`: something done every month — a count of months ≥ the months already past. */
import { ASOF, blank, chain, cmp, iff, leaf, n, ref, type Msg } from '../engine/ast';
import { defineKind } from './define';

export const monthly = defineKind({
  kind: 'monthly',
  doc: 'a count of months ≥ the whole months of the evaluation period before the as-of date',
  schema: (_z, p) => p.branch('monthly', { indicator: p.ref }),
  refs: { indicator: 'count' },
  compile(c, r) {
    const ind = c.ind(r.indicator);
    const required = c.monthsElapsed;
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
            leaf('pass', `${ind.label}: `, c.shown(ind), ' (yêu cầu ≥ ', ...req, ')'),
          ],
        ],
        leaf(
          'fail',
          `${ind.label}: `,
          c.shown(ind),
          '; yêu cầu ≥ ',
          ...req,
          ' (mỗi tháng đã qua của kỳ đánh giá đến ',
          { num: ASOF, fmt: 'date' },
          ')',
        ),
      ),
    );
  },
  expectation: () => '≥ số tháng đã qua của kỳ đánh giá',
});
