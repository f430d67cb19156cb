/**
 * Plan and pack files loaded in the add-in: used for new sheets, kept with the workbook (document
 * settings), and needed again to read such a sheet after the workbook is reopened.
 */
import { createOfficeHost } from '../../src/excel/officeHost';
import { CUSTOM_FILES_KEY, type DocumentSettings } from '../../src/excel/customFiles';
import { validatePlan } from '../../src/plan/validate';
import { validatePack } from '../../src/pack/validate';
import macDinh from '../../src/plan/builtin/mac-dinh.json';
import xaData from '../../src/pack/builtin/xa.json';
import type { Plan } from '../../src/plan/schema';
import type { Pack } from '../../src/pack/schema';
import { FakeExcel } from '../fakes/fakeExcel';
import { NOW } from './helpers';

function memorySettings(): DocumentSettings & { saved: unknown } {
  const values = new Map<string, unknown>();
  const s = {
    saved: undefined as unknown,
    get: (name: string) => values.get(name),
    set: (name: string, value: unknown) => void values.set(name, JSON.parse(JSON.stringify(value))),
    saveAsync: () => {
      s.saved = values.get(CUSTOM_FILES_KEY);
      return Promise.resolve();
    },
  };
  return s;
}

function plan(): Plan {
  const roles = {
    ...macDinh.roles,
    proposer: { ...macDinh.roles.proposer, xa_tinh: 'Ủy ban nhân dân' },
    signer: { ...macDinh.roles.signer, xa_tinh: macDinh.roles.signer.xa },
  };
  const r = validatePlan({
    ...macDinh,
    id: 'tinh-moi',
    title: 'Kế hoạch tỉnh mới',
    period: { start: { dayMonth: '01/01' }, end: { dayMonth: '20/10' } },
    reviewDate: { dayMonth: '30/10' },
    dossierDeadline: { dayMonth: '30/11' },
    roles,
    packs: [...macDinh.packs, 'xa_tinh'],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
}

function pack(): Pack {
  const r = validatePack({ ...xaData, id: 'xa_tinh', shortTitle: 'Xã (bộ của tỉnh)' });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.pack;
}

describe('plan and pack files in the add-in', () => {
  it('a sheet made under loaded files reads under them, and again after reopening once they are used', async () => {
    const fake = new FakeExcel({ sheets: ['Dữ liệu'] });
    const settings = memorySettings();
    const host = createOfficeHost({
      run: fake.run,
      isSetSupported: fake.isSetSupported,
      now: () => NOW,
      settings,
    });
    await host.addFile({ kind: 'plan', plan: plan() });
    await host.addFile({ kind: 'pack', pack: pack() });
    // kept with the workbook: the JSON of both
    expect(settings.saved).toMatchObject({ plans: [{ id: 'tinh-moi' }], packs: [{ id: 'xa_tinh' }] });
    const r = await host.insertCriteriaSheet({
      packId: 'xa_tinh',
      planId: 'tinh-moi',
      unitName: 'Xã A',
      year: 2026,
    });
    expect(r.kind).toBe('inserted');
    const state = await host.readState();
    expect([state?.pack.id, state?.plan.id, state?.planId]).toEqual(['xa_tinh', 'tinh-moi', 'tinh-moi']);

    // reopened: a new host over the same workbook and settings knows nothing until the pane has
    // validated the stored files and handed them over
    const again = createOfficeHost({
      run: fake.run,
      isSetSupported: fake.isSetSupported,
      now: () => NOW,
      settings,
    });
    await expect(again.readState()).rejects.toThrow(/gói tiêu chí “xa_tinh”|kế hoạch “tinh-moi”/);
    const stored = again.storedFiles();
    expect(stored.plans).toHaveLength(1);
    again.useFiles({
      plans: stored.plans.map((d) => {
        const v = validatePlan(d);
        if (!v.ok) throw new Error('stored plan invalid');
        return v.plan;
      }),
      packs: stored.packs.map((d) => {
        const v = validatePack(d);
        if (!v.ok) throw new Error('stored pack invalid');
        return v.pack;
      }),
    });
    expect((await again.readState())?.plan.period.end.dayMonth).toBe('20/10');
    // a plan that does not list the pack is refused, as by the CLI
    await expect(
      host.insertCriteriaSheet({
        packId: 'coquan',
        planId: 'lai-chau-2024',
        unitName: 'B',
        year: 2026,
        sheetName: 'B',
      }),
    ).rejects.toThrow(/không áp dụng cho bộ tiêu chí “coquan”/);
  });
});
