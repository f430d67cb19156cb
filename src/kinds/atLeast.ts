/** `atLeast`: a count of at least `min`; with `due` it accrues until that day. */
import { blank, chain, cmp, iff, leaf, n, ref, type MsgPart, type StatusExpr } from '../engine/ast';
import { defineKind } from './define';

export const atLeast = defineKind({
  kind: 'atLeast',
  doc:
    'count ≥ `min` (a number or a parameter); with `due` it accrues over the period (not yet due ' +
    'before that day), without it is a state fact',
  schema: (_z, p) => p.branch('atLeast', { indicator: p.ref, min: p.numberOrParam, due: p.due.optional() }),
  refs: { indicator: 'count' },
  check(v) {
    v.nonNegative('min', 'what.min', true);
    if (v.raw.due !== undefined) v.day('due');
  },
  compile(c, r) {
    const ind = c.ind(r.indicator);
    const min = c.num(r.min);
    const met = cmp(ref(ind.id), '>=', n(min));
    const passLeaf = leaf('pass', `${ind.label}: `, c.shown(ind), ` (yêu cầu ≥ ${min})`);
    const failMsg: MsgPart[] = [`${ind.label}: `, c.shown(ind), `; yêu cầu ≥ ${min}`];
    if (!r.due) {
      const body: StatusExpr = chain(
        [
          [blank(ind.id), leaf('missing', `${ind.label}: chưa nhập; yêu cầu ≥ ${min}`)],
          [met, passLeaf],
        ],
        leaf('fail', ...failMsg),
      );
      return c.single(ind, body);
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
  },
  expectation: (x, r) => `≥ ${x.num(r.min)}${r.due ? `, hạn ${x.day(r.due)}` : ''}`,
  deadline: (r) => r.due,
});
