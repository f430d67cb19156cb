/** `equals`: a yes/no fact that must be “Có” (or must be “Không”). */
import { blank, chain, leaf } from '../engine/ast';
import { defineKind } from './define';

export const equals = defineKind({
  kind: 'equals',
  doc: 'a Có/Không fact that must equal `value` (“Có” or “Không”); blank is “Chưa nhập”',
  schema: (_z, p) => p.branch('equals', { indicator: p.ref, value: p.yesNo }),
  refs: { indicator: 'bool' },
  compile(c, r) {
    const ind = c.ind(r.indicator);
    return c.single(
      ind,
      chain(
        [
          [blank(ind.id), leaf('missing', `${ind.label}: chưa nhập; yêu cầu “${r.value}”`)],
          [c.isOneOf(ind, [r.value]), leaf('pass', `${ind.label}: ${r.value}`)],
        ],
        leaf('fail', `${ind.label}: `, { raw: ind.id }, `; yêu cầu “${r.value}”`),
      ),
    );
  },
  expectation: (_x, r) => `= ${r.value}`,
});
