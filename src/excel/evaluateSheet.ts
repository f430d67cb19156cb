/**
 * Đánh giá and Xóa đánh dấu on a criteria sheet: read it (./readSheet.ts), score it with the
 * engine, decide what to write — explanations of failing criteria, the stamp `dg_*`, highlights of
 * the failing inputs — and write it in one commit (./protection.ts). How each thing is written is
 * in ./highlights.ts; where it goes comes from the sheet's names and src/sheet/geometry.ts.
 */
import { evaluate, type Evaluation } from '../engine/evaluate';
import { statusName } from '../pack/workbookNames';
import { stampValues } from '../sheet/stampState';
import { cellAddress, type Rect } from '../sheet/address';
import { EXPLANATION_OFFSET } from '../sheet/geometry';
import type { EvaluateResult, Undoable } from './host';
import type { HostCore } from './hostCore';
import type { XlContext } from './officeTypes';
import { commitPlan, WritePlan } from './protection';
import { toWorkbookDate } from './dateSystem';
import { rectangles } from './writeSpec';
import type { SheetRead } from './readSheet';
import {
  explanationText,
  FAILING,
  isOurExplanation,
  loadRegistry,
  queueClear,
  queueDirectFills,
  queueHighlightRules,
  queueRestoreFills,
  targetsOf,
  type Highlight,
} from './highlights';

/** Criteria whose status on the sheet differs from the engine's. */
function disagreementsOf(r: SheetRead, ev: Evaluation): EvaluateResult['disagreements'] {
  const out: EvaluateResult['disagreements'] = [];
  for (const c of ev.criteria) {
    const s = r.sheetStatuses[c.id];
    if (s !== undefined && s !== c.label) out.push({ criterion: c.id, sheet: s, engine: c.label });
  }
  return out;
}

/**
 * Explanations of the failing criteria: ours are written, never over someone else's text.
 * Returns the addresses written (the clearing of our older ones keeps them).
 */
function queueExplanations(r: SheetRead, ev: Evaluation, plan: WritePlan): Set<string> {
  const written = new Set<string>();
  for (const c of ev.criteria) {
    if (!FAILING.has(c.status)) continue;
    const kq = r.names.get(statusName(c).toLowerCase());
    if (!kq) continue;
    const row = kq.row;
    const col = kq.col + EXPLANATION_OFFSET;
    const cur = r.at(row, col);
    if (cur !== null && !isOurExplanation(cur)) continue;
    const address = cellAddress(row, col);
    plan.other(() => {
      const cell = r.ws.getRange(address);
      cell.numberFormat = [['@']];
      cell.values = [[explanationText(ev, c)]];
    });
    written.add(address);
  }
  return written;
}

/** The stamp (the as-of date is written as a date so that the sheet keeps using it). */
function queueStamp(r: SheetRead, ev: Evaluation, now: Date, plan: WritePlan): void {
  for (const [name, v] of Object.entries(stampValues(r.pack, r.values, ev, now))) {
    const rect = r.names.get(name);
    if (!rect) continue;
    // a date serial in the workbook's own date system
    const value = typeof v === 'number' ? toWorkbookDate(v, r.dateOffset) : v;
    plan.other(() => {
      const cell = r.ws.getRange(cellAddress(rect.row, rect.col));
      cell.numberFormat = [[typeof v === 'number' ? 'dd/mm/yyyy' : '@']];
      cell.values = [[value]];
    });
  }
}

/** What to highlight: each failing criterion's failing inputs and its status cell; the first input. */
function highlightsOf(r: SheetRead, ev: Evaluation): { highlights: Highlight[]; selected?: string } {
  let selected: string | undefined;
  const highlights: Highlight[] = [];
  for (const c of ev.criteria) {
    if (!FAILING.has(c.status)) continue;
    const kq = statusName(c);
    const status = r.names.get(kq);
    const cells = targetsOf(c)
      .map((id) => ({ id, rect: r.names.get(id.toLowerCase()) }))
      .filter((x): x is { id: string; rect: Rect } => x.rect !== undefined);
    selected ??= cells[0]?.id;
    const all = [...cells.map((x) => x.rect), ...(status ? [status] : [])];
    for (const rect of rectangles(all.map((x) => ({ row: x.row, col: x.col }))))
      highlights.push({ rect, kq });
  }
  return selected === undefined ? { highlights } : { highlights, selected };
}

export async function evaluateAndHighlight(
  core: HostCore,
  today: number,
  sheetName?: string,
): Promise<EvaluateResult | undefined> {
  const caps = core.capabilities();
  return await core.run(async (ctx: XlContext) => {
    const r = await core.reader.readIn(ctx, sheetName, { cfs: true });
    if (!r) return undefined;
    const ev = evaluate(r.pack, r.values, { today, plan: r.plan });
    const plan = new WritePlan();
    // our older rules and explanations go, except the explanations just rewritten
    queueClear(r, plan, queueExplanations(r, ev, plan));
    queueStamp(r, ev, core.now(), plan);
    const { highlights, selected } = highlightsOf(r, ev);
    if (caps.conditionalFormats) queueHighlightRules(r.ws, highlights, plan);
    else if (core.api('1.4')) await queueDirectFills(ctx, r, highlights, plan);
    const { touchedProtection } = await commitPlan(ctx, r.ws, r.sheetName, r.protection, plan, () => {
      r.ws.activate();
      const rect = selected === undefined ? undefined : r.names.get(selected.toLowerCase());
      if (rect) r.ws.getRange(cellAddress(rect.row, rect.col)).select();
    });
    return {
      evaluation: ev,
      disagreements: disagreementsOf(r, ev),
      undoable: core.undoable(touchedProtection),
      ...(selected !== undefined ? { selected } : {}),
    };
  });
}

export async function clearHighlights(core: HostCore, sheetName?: string): Promise<Undoable> {
  return await core.run(async (ctx) => {
    const r = await core.reader.readIn(ctx, sheetName, { cfs: true });
    if (!r) return { undoable: true };
    const plan = new WritePlan();
    queueClear(r, plan);
    if (!core.capabilities().conditionalFormats && core.api('1.4')) {
      queueRestoreFills(r, await loadRegistry(ctx, r.ws), plan);
    }
    // nothing of ours on the sheet: nothing written, the undo stack untouched
    if (plan.empty) return { undoable: true };
    const { touchedProtection } = await commitPlan(ctx, r.ws, r.sheetName, r.protection, plan);
    return { undoable: core.undoable(touchedProtection) };
  });
}
