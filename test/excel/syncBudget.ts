/**
 * Round trips (`context.sync()` calls) the add-in needs per operation, measured on the fake host
 * with a filled-in sheet. Used by the budget tests and printed by `npm run bench`.
 */
import { FakeExcel } from '../fakes/fakeExcel';
import { createOfficeHost } from '../../src/excel/officeHost';
import { getBuiltinPack } from '../../src/pack/registry';
import { inputIds } from '../../src/pack/inputs';
import { excelDate } from '../../src/engine/dates';
import type { CellValue } from '../../src/engine/values';
import { VERDICT_LABELS } from '../../src/engine/status';
import { aggregate, type UnitRecord } from '../../src/sheet/summary';
import { getBuiltinPlan } from '../../src/plan/registry';
import type { Plan } from '../../src/plan/schema';
import { planTargets } from '../../src/sheet/targets';

export interface SyncBudget {
  packId: string;
  criteria: number;
  inputs: number;
  insert: number;
  /** live refresh = readState */
  refresh: number;
  evaluate: number;
  clear: number;
  /** Tổng hợp: the summary sheet of `summaryUnits` consolidated units written in */
  summary: number;
  summaryUnits: number;
  /** Hồ sơ: the dossier sheets from the criteria sheet */
  dossier: number;
  /** Số liệu năm trước: last year's values into this year's blank inputs */
  prior: number;
}

/** Budgets from the issues: insert ≤ 2, refresh ≤ 1, Evaluate ≤ 2; Tổng hợp, Hồ sơ, năm trước ≤ 2. */
export const SYNC_LIMITS = { insert: 2, refresh: 1, evaluate: 2, summary: 2, dossier: 2, prior: 2 } as const;

/** A consolidation of `n` units of the pack (a provincial batch), without reading any file. */
function syntheticUnits(packId: string, version: string, n: number): UnitRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const pass = i % 3 !== 0;
    return {
      file: `don-vi-${i + 1}.xlsx`,
      unit: `Đơn vị ${i + 1}`,
      unitType: 'Xã',
      pack: { id: packId, version },
      verdict: pass
        ? { code: 'pass' as const, label: VERDICT_LABELS.pass }
        : { code: 'fail' as const, label: VERDICT_LABELS.fail },
      passed: pass ? 34 : 30,
      applicable: 34,
      failing: pass ? [] : ['TC16', 'TC18'],
      stamp: 'fresh' as const,
      year: 2025,
      mtimeMs: 0,
      fields: { an_toan_nam_truoc: 'Có', tc15_phan_loai: i % 4 === 0 ? 'Xuất sắc' : 'Khá', tc13_mo_hinh: 1 },
    };
  });
}

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
  const today = excelDate(2025, 12, 31);
  const dossier = await count(() => host.insertDossier(today, 'Tiêu chí'));
  // last year's workbook holds a value for every mapped input; half of this year's targets are blank
  const lastYear: Record<string, CellValue> = {};
  pack.priorYear.forEach((m, i) => {
    lastYear[m.from] = fake.namedCell(m.from).value;
    if (i % 2 === 0) fake.namedCell(m.to).value = '';
  });
  const prior = await count(() => host.applyPriorYear(lastYear, 'Tiêu chí'));
  const summaryUnits = 500;
  const result = aggregate(
    syntheticUnits(packId, pack.version, summaryUnits),
    [{ file: 'rac.xlsx', message: 'Không đọc được tệp "rac.xlsx": không phải tệp Excel (.xlsx) hợp lệ' }],
    {
      plan: { id: 'bac-quang-2024', version: '1' },
      targets: planTargets(getBuiltinPlan('bac-quang-2024') as Plan),
    },
  );
  const summary = await count(() => host.insertSummarySheet(result));
  return {
    packId,
    criteria: pack.groups.reduce((n, g) => n + g.criteria.length, 0),
    inputs: inputIds(pack).length,
    insert,
    refresh,
    evaluate,
    clear,
    summary,
    summaryUnits,
    dossier,
    prior,
  };
}
