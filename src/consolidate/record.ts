/**
 * A unit record from an already-read workbook (pure: no file system), shared by the CLI readers
 * (./readUnit.ts, in worker threads) and the add-in's "Tổng hợp" action, which reads the picked
 * files with `readWorkbookBuffer` and then calls `unitRecordFromData` for each.
 */
import { evaluate } from '../engine/evaluate';
import { plainText, type CellValue } from '../engine/values';
import { packRefFromWorkbook, planForWorkbook, valuesFromWorkbook } from '../io/answers';
import { builtinPlans, defaultPlan } from '../plan/registry';
import type { Plan } from '../plan/schema';
import { InputError, noIndicatorCells } from '../io/errors';
import { checkInputCells } from '../io/inputCells';
import type { WorkbookData } from '../io/xlsx';
import type { Pack } from '../pack/schema';
import { PACK_ID_NAME, STAMP_NAMES, UNIT_NAME_ID, UNIT_TYPE_ID } from '../pack/workbookNames';
import { classifyStamp, stampAsOf, stampTime } from '../sheet/stampState';
import type { UnitRecord } from '../sheet/summary';

export interface RecordOptions {
  packs: readonly Pack[];
  /** plans a workbook may record (default: the built-in plans) */
  plans?: readonly Plan[];
  /** score every workbook under this plan instead of the one it records */
  plan?: Plan;
  /** today as an Excel serial (used when neither `ngay_danh_gia` nor the stamp gives a date) */
  today: number;
  /** input ids to keep in `fields` (what the targets read; `targetFieldIds(defs)`) */
  fieldIds: readonly string[];
}

/** The pack a workbook declares (`goi_tieu_chi`, else the stamp's `dg_goi`). */
export function declaredPack(data: WorkbookData): { id: string; version: string } | undefined {
  const ref = packRefFromWorkbook(data);
  if (ref.id) return { id: ref.id, version: ref.version ?? '' };
  const tag = plainText(data.names.get(STAMP_NAMES.pack)).split(' ');
  return tag[0] ? { id: tag[0], version: tag[1] ?? '' } : undefined;
}

/** Throws InputError (naming `file`) when the workbook is not a criteria workbook of a known pack. */
export function unitRecordFromData(
  file: string,
  data: WorkbookData,
  opts: RecordOptions,
  mtimeMs = 0,
): UnitRecord {
  const declared = declaredPack(data);
  if (!declared) {
    throw new InputError(file, 'record.noPackCell', { name: PACK_ID_NAME });
  }
  const pack = opts.packs.find((p) => p.id === declared.id);
  if (!pack) {
    const known = opts.packs.map((p) => p.id).join(', ');
    throw new InputError(file, 'record.unknownPack', { pack: declared.id, known });
  }
  if (!pack.profile.some((p) => data.names.has(p.id))) {
    throw noIndicatorCells(file, pack.id);
  }
  // the same reading and normalisation as `tieuchi check`
  checkInputCells(pack, data, file);
  const values = valuesFromWorkbook(pack, data);
  const plan = planForWorkbook(file, data, opts.plans ?? builtinPlans(), defaultPlan(), opts.plan);
  const today = stampAsOf(data.names) ?? opts.today;
  const ev = evaluate(pack, values, { today, plan });
  const fields: Record<string, CellValue> = {};
  for (const id of opts.fieldIds) {
    const v = values[id];
    if (v !== undefined) fields[id] = v;
  }
  return {
    file,
    unit: plainText(values[UNIT_NAME_ID]),
    unitType: plainText(values[UNIT_TYPE_ID]),
    pack: { id: pack.id, version: declared.version || pack.version },
    plan: { id: plan.id, version: plan.version },
    asOf: ev.asOfIso,
    verdict: ev.verdict,
    passed: ev.passed,
    applicable: ev.applicable,
    failing: ev.failing,
    stamp: classifyStamp(pack, values, data.names),
    year: ev.year,
    stampTime: stampTime(data.names),
    mtimeMs,
    fields,
    criteria: ev.criteria.map((c) => ({ id: c.id, status: c.status })),
    titles: Object.fromEntries(ev.criteria.map((c) => [c.id, c.title])),
  };
}
