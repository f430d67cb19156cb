/** `zero`: zero tolerance — a count that must be 0. */
import { blank, chain, cmp, leaf, n, ref } from '../engine/ast';
import { defineKind } from './define';

export const zero = defineKind({
  kind: 'zero',
  doc: 'zero tolerance: the count must be 0',
  schema: (_z, p) => p.branch('zero', { indicator: p.ref }),
  refs: { indicator: 'count' },
  compile(c, r) {
    const ind = c.ind(r.indicator);
    return c.single(
      ind,
      chain(
        [
          [blank(ind.id), leaf('missing', `${ind.label}: chưa nhập; yêu cầu 0`)],
          [cmp(ref(ind.id), '=', n(0)), leaf('pass', `${ind.label}: 0`)],
        ],
        leaf('fail', `${ind.label}: `, c.shown(ind), '; yêu cầu 0 (không để xảy ra)'),
      ),
    );
  },
  expectation: () => '= 0',
});
