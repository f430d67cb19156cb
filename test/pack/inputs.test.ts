/** Every input of a pack, in one walk (issue 11: the sheet, the stamp, the answers and the compiler each had their own). */
import { evidenceId } from '../../src/pack/workbookNames';
import { inputIds, packIndicators, packInputs } from '../../src/pack/inputs';
import { getBuiltinPack } from '../../src/pack/registry';

describe('pack inputs', () => {
  it.each(['xa', 'coquan'])('%s: profile, then each criterion’s indicators and evidence, once each', (id) => {
    const pack = getBuiltinPack(id);
    if (!pack) throw new Error(`missing pack ${id}`);
    const want = [
      ...pack.profile.map((p) => p.id),
      ...pack.groups.flatMap((g) =>
        g.criteria.flatMap((c) => [...c.indicators.map((i) => i.id), evidenceId(c)]),
      ),
    ];
    expect(inputIds(pack)).toEqual(want);
    expect([...packInputs(pack).keys()]).toEqual(want);
    const c1 = pack.groups[0]?.criteria[0];
    if (!c1) throw new Error('no first criterion');
    expect(packInputs(pack).get(evidenceId(c1))).toEqual({
      id: evidenceId(c1),
      label: `Minh chứng ${c1.id}`,
      type: 'text',
    });
    // what requirements read: the same without the evidence fields
    expect([...packIndicators(pack).keys()]).toEqual(want.filter((x) => !/^tc[0-9]+_minh_chung$/.test(x)));
  });
});
