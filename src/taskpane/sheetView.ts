/**
 * Reading the sheet in view for the live summary (no React): the criteria sheets, the sheet shown
 * and its evaluation with the pack's guidance and the plan's deadlines. Excel through `ExcelHost`,
 * the engine through the lazily loaded scoring chunk.
 */
import type { Evaluation } from '../engine/evaluate';
import type { ExcelHost } from '../excel/host';
import type { SheetRef, SheetView } from './criteriaState';
import { loadScoring } from './lazy';
import { todaySerial } from './model';

type Scoring = Awaited<ReturnType<typeof loadScoring>>;

/** An evaluation with what the pane shows beside it (guidance, the next deadlines). */
export function scoredView(
  scoring: Scoring,
  evaluation: Evaluation,
  today: number,
): Required<Pick<SheetView, 'evaluation' | 'guidance' | 'deadlines'>> {
  return {
    evaluation,
    guidance: scoring.guidanceOf(evaluation.pack.id),
    deadlines: scoring.deadlinesOf(evaluation, today),
  };
}

/**
 * Read the sheet `shown` (one round trip) and score it; with `relist`, or when it is gone, list
 * the criteria sheets again and show the first one.
 */
export async function readSheetView(
  host: ExcelHost,
  shown: string | undefined,
  relist: boolean,
): Promise<SheetView> {
  let sheets: SheetRef[] | undefined;
  let current = shown;
  if (relist || !current) {
    sheets = await host.findCriteriaSheets();
    if (!current || !sheets.some((s) => s.sheetName === current)) current = sheets[0]?.sheetName;
  }
  let sheetState = current ? await host.readState(current) : undefined;
  if (current && !sheetState && !relist) {
    sheets = await host.findCriteriaSheets();
    current = sheets[0]?.sheetName;
    sheetState = current ? await host.readState(current) : undefined;
  }
  const view: SheetView = {
    current,
    unknownPack: undefined,
    evaluation: undefined,
    ...(sheets ? { sheets } : {}),
  };
  if (!sheetState) return view;
  const scoring = await loadScoring();
  const today = todaySerial();
  const scored = scoring.scoreSheet(sheetState, today);
  if (scored.kind === 'unknownPack')
    return { ...view, unknownPack: { sheet: scored.sheet, pack: scored.pack } };
  return { ...view, ...scoredView(scoring, scored.evaluation, today) };
}
