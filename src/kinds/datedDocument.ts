/** `datedDocument`: a document issued on a day inside [from, to] of the evaluation year. */
import { ASOF, and, blank, chain, cmp, iff, leaf, not, ref, type Msg, type Num } from '../engine/ast';
import { defineKind } from './define';

export const datedDocument = defineKind({
  kind: 'datedDocument',
  doc:
    'a document dated inside [`from`, `to`] (“DD/MM” of the evaluation year); a date after the ' +
    'as-of date is invalid; blank is not yet due until `to`',
  schema: (_z, p) => p.branch('datedDocument', { indicator: p.ref, from: p.dayMonth, to: p.dayMonth }),
  refs: { indicator: 'date' },
  check(v) {
    const from = v.day('from');
    const to = v.day('to');
    if (from !== undefined && to !== undefined && from > to) {
      v.problem('from', 'kind.fromAfterTo', { from: String(v.raw.from), to: String(v.raw.to) });
    }
  },
  compile(c, r) {
    const ind = c.ind(r.indicator);
    const from = c.dueDate(r.from);
    const to = c.dueDate(r.to);
    const win: Msg = [{ num: from, fmt: 'date' }, ' – ', { num: to, fmt: 'date' }];
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
              c.shown(ind),
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
            and(cmp(day, '>=', from), cmp(day, '<=', to)),
            leaf('pass', `${ind.label}: `, c.shown(ind), ' (trong ', ...win, ')'),
          ],
        ],
        leaf('fail', `${ind.label}: `, c.shown(ind), '; yêu cầu trong ', ...win),
      ),
    );
  },
  expectation: (x, r) => `trong ${x.day(r.from)}–${x.day(r.to)}`,
  deadline: (r) => r.to,
});
