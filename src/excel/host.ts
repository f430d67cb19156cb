/**
 * What the task pane and the ribbon commands may ask of Excel. The Office.js implementation lives
 * in this folder (the only place that touches `Excel.*`); faces depend on this interface only, so
 * the browser test can run them against a simulated workbook.
 */
import type { Evaluation } from '../engine/evaluate';
import type { CellValue, Values } from '../engine/values';
import type { ConsolidationResult } from '../sheet/summary';
import type { DocModel } from '../dossier/model';
import type { Pack } from '../pack/schema';
import type { Plan } from '../plan/schema';
import type { StoredFiles } from './customFiles';

export type PackId = string;

export interface InsertOptions {
  packId: PackId;
  unitName: string;
  year: number;
  /** name for a new sheet when a criteria sheet already exists ("add another") */
  sheetName?: string;
  /** the plan in force (a built-in plan id; default: the default plan) */
  planId?: string;
}

export type InsertResult =
  | { kind: 'inserted'; sheetName: string }
  /** a criteria sheet exists already: never overwritten; the pane offers to open it or add another */
  | { kind: 'exists'; sheetName: string };

/** Everything Evaluate and the live summary need, read in one round trip. */
export interface SheetState {
  sheetName: string;
  packId: PackId;
  packVersion: string;
  /** the plan the sheet records (the default plan for older sheets) */
  planId: string;
  /** the pack and the plan themselves (a built-in one, or one the official loaded from a file) */
  pack: Pack;
  plan: Plan;
  values: Values;
  /** status labels the sheet's own formulas computed, by criterion id (kq_tcN) */
  sheetStatuses: Record<string, string>;
}

export interface EvaluateResult {
  evaluation: Evaluation;
  /** criteria whose in-sheet formula result differs from the engine (formulas edited) */
  disagreements: Array<{ criterion: string; sheet: string; engine: string }>;
  /** input id selected after evaluation (first failing input), if any */
  selected?: string;
  /** false: Excel cannot undo this action (the user's undo stack was cleared) */
  undoable: boolean;
}

export interface Undoable {
  /** false: Excel cannot undo this action (the user's undo stack was cleared) */
  undoable: boolean;
}

export interface Capabilities {
  /** ExcelApi 1.7+ onChanged events */
  events: boolean;
  /** triggerSource on change events (to ignore our own writes) */
  triggerSource: boolean;
  /** conditional formats API (ExcelApi 1.6) */
  conditionalFormats: boolean;
}

/** New sheets written by an upward-flow action (never over an existing sheet: " (2)", " (3)" …). */
export interface AddedSheets {
  sheetNames: string[];
}

export interface DossierResult extends AddedSheets {
  evaluation: Evaluation;
  /** the criteria sheet the dossier was made from */
  source: string;
}

/** The dossier's Word documents as data (the pane writes the .docx bytes with a lazily loaded chunk). */
export interface DossierDocuments {
  /** tờ trình, báo cáo kết quả, biên bản họp xét */
  documents: DocModel[];
  evaluation: Evaluation;
  /** the criteria sheet the dossier was made from */
  source: string;
}

export interface PriorResult extends Undoable {
  sheetName: string;
  /** "năm trước" inputs filled from last year's workbook (they were blank) */
  written: string[];
  /** inputs left alone because the user had already typed a value */
  skipped: Array<{ id: string; value: CellValue; lastYear: CellValue }>;
  /** "Năm trước: x" notes shown beside this year's inputs */
  notes: string[];
}

export interface ExcelHost {
  capabilities(): Capabilities;
  /** the plan and pack files kept with the workbook, as stored (the pane validates them) */
  storedFiles(): StoredFiles;
  /** use these validated plans and packs (before the built-in ones) for this session */
  useFiles(files: { plans: readonly Plan[]; packs: readonly Pack[] }): void;
  /** add a validated plan or pack loaded from a file, and keep it with the workbook */
  addFile(item: { kind: 'plan'; plan: Plan } | { kind: 'pack'; pack: Pack }): Promise<void>;
  /** the plans and packs loaded from files (validated) */
  loadedFiles(): { plans: Plan[]; packs: Pack[] };
  /** the criteria sheets of the open workbook (sheet name, pack id) */
  findCriteriaSheets(): Promise<Array<{ sheetName: string; packId: PackId }>>;
  insertCriteriaSheet(options: InsertOptions): Promise<InsertResult>;
  activateSheet(sheetName: string): Promise<void>;
  readState(sheetName?: string): Promise<SheetState | undefined>;
  /** read, evaluate with the engine, write the stamp, highlight, explain, select the first failing input */
  evaluateAndHighlight(today: number, sheetName?: string): Promise<EvaluateResult | undefined>;
  /** remove only the product's own highlights and explanations */
  clearHighlights(sheetName?: string): Promise<Undoable>;
  /** select the input cell of an indicator id */
  goTo(id: string, sheetName?: string): Promise<void>;
  /**
   * change notifications (coalesced by the caller): Excel's change events, minus format-only ones,
   * plus a periodic check while the pane is visible for the changes Excel sends no event for;
   * returns an unsubscribe function
   */
  onInputsChanged(listener: () => void): Promise<() => Promise<void>>;
  /**
   * write `summarySheets(result)` as new sheets "Tổng hợp", "Theo tiêu chí", "Biểu đồ" (or "… (2)");
   * ≤ 2 syncs
   */
  insertSummarySheet(result: ConsolidationResult): Promise<AddedSheets>;
  /**
   * the first two columns of the roster sheet `sheetName` (at most `ROSTER_SHEET_ROWS` rows) as
   * text, or undefined when the workbook has no such sheet; ≤ 2 syncs
   */
  readRosterSheet(sheetName: string): Promise<string[][] | undefined>;
  /** evaluate the criteria sheet and add the dossier sheets after it; ≤ 2 syncs */
  insertDossier(today: number, sheetName?: string): Promise<DossierResult | undefined>;
  /**
   * evaluate the criteria sheet and return the dossier's documents (the same content as the sheets),
   * for the pane to offer as .docx downloads; refused, like the sheets, when the as-of date is not
   * frozen; 1 sync, writes nothing
   */
  dossierDocuments(today: number, sheetName?: string): Promise<DossierDocuments | undefined>;
  /**
   * last year's (normalised) values → this year's blank "năm trước" inputs (never over a value the
   * user typed) and "Năm trước: x" beside this year's inputs in the product's own cells; ≤ 2 syncs
   */
  applyPriorYear(lastYear: Values, sheetName?: string): Promise<PriorResult | undefined>;
}
