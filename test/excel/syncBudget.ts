/**
 * Round trips (`context.sync()` calls) the add-in needs per operation, measured on the fake host
 * with a filled-in sheet. Used by the budget tests and printed by `npm run bench`.
 */
import { FakeExcel } from '../fakes/fakeExcel';
import { createOfficeHost } from '../../src/excel/officeHost';
import { getBuiltinPack } from '../../src/pack/registry';
import { inputIds } from '../../src/sheet/layout';
import { excelDate } from '../../src/engine/dates';

export interface SyncBudget {
  packId: string;
  criteria: number;
  inputs: number;
  insert: number;
  /** live refresh = readState */
  refresh: number;
  evaluate: number;
  clear: number;
}

/** Budgets from the issue: insert ≤ 2, refresh ≤ 1, Evaluate ≤ 2. */
export const SYNC_LIMITS = { insert: 2, refresh: 1, evaluate: 2 } as const;

export async function measureSyncBudget(packId: string): Promise<SyncBudget> {
  const pack = getBuiltinPack(packId);
  if (!pack) throw new Error(`no pack ${packId}`);
  const fake = new FakeExcel({ sheets: ['Dữ liệu'] });
  const host = createOfficeHost({
    run: fake.run,
    isSetSupported: fake.isSetSupported,
    now: () => new Date('2025-06-15T03:00:00Z'),
  });
  const count = async (f: () => Promise<unknown>): Promise<number> => {
    const before = fake.syncCount;
    await f();
    return fake.syncCount - before;
  };
  const insert = await count(() => host.insertCriteriaSheet({ packId, unitName: 'Đơn vị thử', year: 2025 }));
  // a filled-in sheet: every count 1, every bool "Có" (some criteria fail, most pass)
  for (const id of inputIds(pack)) {
    const ind = [
      ...pack.profile,
      ...pack.groups.flatMap((g) => g.criteria.flatMap((c) => c.indicators)),
    ].find((i) => i.id === id);
    const v =
      ind?.type === 'bool'
        ? 'Có'
        : ind?.type === 'count'
          ? 1
          : ind?.type === 'date'
            ? excelDate(2025, 2, 1)
            : 'x';
    fake.namedCell(id).value = id === 'nam' ? 2025 : v;
  }
  const refresh = await count(() => host.readState('Tiêu chí'));
  const evaluate = await count(() => host.evaluateAndHighlight(excelDate(2025, 6, 15), 'Tiêu chí'));
  const clear = await count(() => host.clearHighlights('Tiêu chí'));
  return {
    packId,
    criteria: pack.groups.reduce((n, g) => n + g.criteria.length, 0),
    inputs: inputIds(pack).length,
    insert,
    refresh,
    evaluate,
    clear,
  };
}
