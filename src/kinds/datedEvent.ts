/** `datedEvent`: an event held (“Có”) by its due day. */
import { blank, chain, iff, leaf } from '../engine/ast';
import { defineKind } from './define';

export const datedEvent = defineKind({
  kind: 'datedEvent',
  doc: 'an event held (“Có”) by `due`; before that day “Không” or blank is not yet due',
  schema: (_z, p) => p.branch('datedEvent', { indicator: p.ref, due: p.due }),
  refs: { indicator: 'bool' },
  check(v) {
    v.day('due');
  },
  compile(c, r) {
    const ind = c.ind(r.indicator);
    const due = c.dueText(r.due);
    return c.single(
      ind,
      chain(
        [
          [c.beforePeriod, leaf('not_due', `${ind.label}: `, ...c.notStarted)],
          [c.yes(ind), leaf('pass', `${ind.label}: Có`)],
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
  },
  expectation: (x, r) => `= Có, hạn ${x.day(r.due)}`,
  deadline: (r) => r.due,
});
