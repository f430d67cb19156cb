/**
 * New sheets: the criteria sheet (its names in workbook scope, or sheet scope when another
 * criteria sheet already holds them), and the sheets of a summary or dossier (./dossierSheets.ts).
 * Existing sheets are never touched; a half-written sheet is removed again.
 */
import { PACK_ID_NAME } from '../pack/workbookNames';
import { buildCriteriaSheet, CRITERIA_SHEET_NAME } from '../sheet/layout';
import type { SheetSpec } from '../sheet/spec';
import { summarySheets, type ConsolidationResult } from '../sheet/summary';
import { parseArea, parseReference, type Rect } from '../sheet/address';
import { freeSheetName, SHEET_NAME_PROBLEM_VI, sheetNameProblem } from '../sheet/sheetName';
import type { AddedSheets, InsertOptions, InsertResult } from './host';
import type { HostCore } from './hostCore';
import type { XlContext, XlNamedItem, XlWorksheet } from './officeTypes';
import { errorText, HostError } from './protection';
import { queueSheetSpec } from './writeSpec';

/**
 * Queue new sheets (names made free: " (2)" …), activate the first, sync once. On failure the
 * half-written sheets are removed and a HostError explains. Existing sheets are never touched.
 */
export async function addSheets(
  core: HostCore,
  ctx: XlContext,
  specs: readonly SheetSpec[],
  existing: readonly string[],
): Promise<string[]> {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const f = core.features();
  const added: Array<{ name: string; ws: XlWorksheet }> = [];
  for (const spec of specs) {
    const name = freeSheetName(spec.name, taken);
    taken.add(name.toLowerCase());
    const ws = queueSheetSpec(ctx, spec, {
      sheetName: name,
      nameScope: f.sheetNames ? 'sheet' : 'workbook',
      features: f,
    });
    added.push({ name, ws });
  }
  added[0]?.ws.activate();
  try {
    await ctx.sync();
  } catch (e) {
    for (const a of added) a.ws.delete();
    try {
      await ctx.sync();
    } catch (cleanup) {
      throw new HostError(
        `Không ghi được trang mới (${errorText(e)}); các trang dở dang (${added.map((a) => `“${a.name}”`).join(', ')}) chưa xoá được (${errorText(cleanup)}), hãy xoá chúng.`,
      );
    }
    throw new HostError(`Không ghi được trang mới: ${errorText(e)}`);
  }
  return added.map((a) => a.name);
}

/** The workbook's sheet names and its workbook-scope names, keyed lower case (one round trip). */
export async function sheetsAndNames(
  ctx: XlContext,
): Promise<{ sheets: string[]; names: Map<string, XlNamedItem> }> {
  const wb = ctx.workbook;
  wb.worksheets.load('items/name');
  wb.names.load('items/name,items/type,items/value');
  await ctx.sync();
  return {
    sheets: wb.worksheets.items.map((s) => s.name),
    names: new Map(wb.names.items.map((n) => [n.name.toLowerCase(), n])),
  };
}

/** The names of the workbook's sheets (one round trip). */
export async function sheetNamesOf(ctx: XlContext): Promise<string[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  return sheets.items.map((s) => s.name);
}

export async function insertSummarySheet(core: HostCore, result: ConsolidationResult): Promise<AddedSheets> {
  const specs = summarySheets(result);
  return await core.run(async (ctx) => ({
    sheetNames: await addSheets(core, ctx, specs, await sheetNamesOf(ctx)),
  }));
}

/** The sheet name the official typed, refused plainly when Excel would not take it (incl. "History"). */
function checkSheetName(sheetName: string | undefined): void {
  if (sheetName === undefined) return;
  const problem = sheetNameProblem(sheetName.trim());
  if (problem) {
    throw new HostError(`Tên trang “${sheetName}” không hợp lệ: ${SHEET_NAME_PROBLEM_VI[problem]}.`);
  }
}

export async function insertCriteriaSheet(core: HostCore, options: InsertOptions): Promise<InsertResult> {
  const pack = core.getPack(options.packId);
  if (!pack) throw new HostError(`Không có gói tiêu chí “${options.packId}”.`);
  checkSheetName(options.sheetName);
  return await core.run(async (ctx) => {
    const { sheets, names: wbNames } = await sheetsAndNames(ctx);
    const has = (n: string): string | undefined => sheets.find((s) => s.toLowerCase() === n.toLowerCase());
    const packName = wbNames.get(PACK_ID_NAME);
    const existingRef =
      packName && typeof packName.value === 'string' ? parseReference(packName.value) : undefined;
    const existing = existingRef ? has(existingRef.sheet) : undefined;
    if (options.sheetName === undefined && existing) return { kind: 'exists', sheetName: existing };
    let name = options.sheetName?.trim() ?? CRITERIA_SHEET_NAME;
    const taken = has(name);
    if (taken) {
      if (options.sheetName !== undefined) return { kind: 'exists', sheetName: taken };
      let i = 2;
      while (has(`${CRITERIA_SHEET_NAME} (${i})`)) i++;
      name = `${CRITERIA_SHEET_NAME} (${i})`;
    }
    const plan = options.planId ? core.getPlan(options.planId) : undefined;
    if (options.planId && !plan) throw new HostError(`Không có kế hoạch “${options.planId}”.`);
    if (plan && !plan.packs.includes(pack.id))
      throw new HostError(`Kế hoạch “${plan.id}” không áp dụng cho bộ tiêu chí “${pack.id}”.`);
    const spec = buildCriteriaSheet(pack, {
      ...(plan ? { plan } : {}),
      sheetName: name,
      unitName: options.unitName,
      year: options.year,
    });
    const clash = spec.names.some((n) => wbNames.has(n.name.toLowerCase()));
    const f = core.features();
    if (clash && !f.sheetNames) {
      throw new HostError(
        'Phiên bản Excel này không hỗ trợ thêm bảng tiêu chí thứ hai trong cùng sổ tính. Hãy dùng một sổ tính khác.',
      );
    }
    const ws = queueSheetSpec(ctx, spec, {
      sheetName: name,
      nameScope: clash ? 'sheet' : 'workbook',
      features: f,
    });
    await syncOrRemove(ctx, ws, name);
    // the next read of this sheet needs one round trip
    const rects = new Map<string, Rect>();
    for (const n of spec.names) {
      const a = parseArea(n.address.replace(/\$/g, ''));
      if (a) rects.set(n.name.toLowerCase(), a);
    }
    core.reader.remember(name, rects);
    return { kind: 'inserted', sheetName: name };
  });
}

/** Sync the queued sheet; on failure remove it again and say why. */
async function syncOrRemove(ctx: XlContext, ws: XlWorksheet, name: string): Promise<void> {
  try {
    await ctx.sync();
  } catch (e) {
    ws.delete();
    try {
      await ctx.sync();
    } catch (cleanup) {
      throw new HostError(
        `Không chèn được bảng tiêu chí (${errorText(e)}); trang “${name}” dở dang chưa xoá được (${errorText(cleanup)}), hãy xoá nó.`,
      );
    }
    throw new HostError(`Không chèn được bảng tiêu chí: ${errorText(e)}`);
  }
}
