/**
 * "Lấy số liệu năm trước" on a criteria sheet: last year's values into the blank inputs (the
 * user's own input wins), and a "Năm trước: x" note under the requirement text beside each input
 * — the same text the CLI template writes with `priorNotes` (src/sheet/layout.ts).
 */
import { isBlank, type Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import type { ParamValues } from '../pack/params';
import { effectiveParameters } from '../engine/compile';
import { prefillFromPrior, priorNotes } from '../sheet/prior';
import { requirementCellText } from '../sheet/layout';
import { CRITERIA_COLUMNS } from '../sheet/geometry';
import { cellAddress } from '../sheet/address';
import type { PriorResult } from './host';
import type { HostCore } from './hostCore';
import { commitPlan, WritePlan } from './protection';
import { toWorkbookDate } from './dateSystem';
import { needsTextFormat } from './writeSpec';
import type { SheetRead } from './readSheet';

/** Columns from an indicator's input cell to its requirement text ("Yêu cầu"). */
const NOTE_OFFSET = CRITERIA_COLUMNS.expect - CRITERIA_COLUMNS.value;

/**
 * Where "Năm trước: x" goes for each input id: the requirement cell on the input's row, with
 * the product's text without and with the note.
 */
function priorNoteCells(
  pack: Pack,
  params: ParamValues,
  notes: Readonly<Record<string, string>>,
): Map<string, { base: string; text: string }> {
  const out = new Map<string, { base: string; text: string }>();
  for (const g of pack.groups) {
    for (const cr of g.criteria) {
      for (const ind of cr.indicators) {
        const note = notes[ind.id];
        if (!note) continue;
        out.set(ind.id, {
          base: requirementCellText(pack, params, cr, ind),
          text: requirementCellText(pack, params, cr, ind, note),
        });
      }
    }
  }
  return out;
}

/** Queue last year's values into the blank inputs; the filled and the skipped ids. */
function queueValues(r: SheetRead, lastYear: Values, plan: WritePlan, result: PriorResult): void {
  for (const [id, v] of Object.entries(prefillFromPrior(r.pack, lastYear))) {
    const rect = r.names.get(id.toLowerCase());
    if (!rect || v === undefined || v === null) continue;
    const current = r.at(rect.row, rect.col);
    if (!isBlank(current)) {
      // the user's own input wins: never overwritten
      result.skipped.push({ id, value: current, lastYear: v });
      continue;
    }
    // an input cell: unlocked by the layout, written without lifting the protection
    const value = typeof v === 'number' && r.dateIds.has(id) ? toWorkbookDate(v, r.dateOffset) : v;
    plan.input(() => {
      const cell = r.ws.getRange(cellAddress(rect.row, rect.col));
      if (typeof v === 'string' && needsTextFormat(v)) cell.numberFormat = [['@']];
      cell.values = [[value]];
    });
    result.written.push(id);
  }
}

/** Queue the notes: only the product's requirement text (with or without an older note) is replaced. */
function queueNotes(r: SheetRead, lastYear: Values, plan: WritePlan, result: PriorResult): void {
  for (const [id, where] of priorNoteCells(
    r.pack,
    effectiveParameters(r.pack, r.plan),
    priorNotes(r.pack, lastYear),
  )) {
    const rect = r.names.get(id.toLowerCase());
    if (!rect) continue;
    const row = rect.row;
    const col = rect.col + NOTE_OFFSET;
    const current = r.at(row, col);
    if (typeof current !== 'string' || !current.startsWith(where.base)) continue;
    if (current !== where.text)
      plan.other(() => (r.ws.getRange(cellAddress(row, col)).values = [[where.text]]));
    result.notes.push(id);
  }
}

export async function applyPriorYear(
  core: HostCore,
  lastYear: Values,
  sheetName?: string,
): Promise<PriorResult | undefined> {
  return await core.run(async (ctx) => {
    const r = await core.reader.readIn(ctx, sheetName, { cfs: false });
    if (!r) return undefined;
    const result: PriorResult = {
      sheetName: r.sheetName,
      written: [],
      skipped: [],
      notes: [],
      undoable: true,
    };
    const plan = new WritePlan();
    queueValues(r, lastYear, plan, result);
    queueNotes(r, lastYear, plan, result);
    if (plan.empty) return { ...result, undoable: true };
    const { touchedProtection } = await commitPlan(ctx, r.ws, r.sheetName, r.protection, plan);
    return { ...result, undoable: core.undoable(touchedProtection) };
  });
}
