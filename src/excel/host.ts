/**
 * What the task pane and the ribbon commands may ask of Excel. The Office.js implementation lives
 * in this folder (the only place that touches `Excel.*`); faces depend on this interface only, so
 * the browser test can run them against a simulated workbook.
 */
import type { Evaluation } from '../engine/evaluate';
import type { Values } from '../engine/values';

export type PackId = string;

export interface InsertOptions {
  packId: PackId;
  unitName: string;
  year: number;
  /** name for a new sheet when a criteria sheet already exists ("add another") */
  sheetName?: string;
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
}

export interface Capabilities {
  /** ExcelApi 1.7+ onChanged events */
  events: boolean;
  /** triggerSource on change events (to ignore our own writes) */
  triggerSource: boolean;
  /** conditional formats API (ExcelApi 1.6) */
  conditionalFormats: boolean;
}

export interface ExcelHost {
  capabilities(): Capabilities;
  /** the criteria sheets of the open workbook (sheet name, pack id) */
  findCriteriaSheets(): Promise<Array<{ sheetName: string; packId: PackId }>>;
  insertCriteriaSheet(options: InsertOptions): Promise<InsertResult>;
  activateSheet(sheetName: string): Promise<void>;
  readState(sheetName?: string): Promise<SheetState | undefined>;
  /** read, evaluate with the engine, write the stamp, highlight, explain, select the first failing input */
  evaluateAndHighlight(today: number, sheetName?: string): Promise<EvaluateResult | undefined>;
  /** remove only the product's own highlights and explanations */
  clearHighlights(sheetName?: string): Promise<void>;
  /** select the input cell of an indicator id */
  goTo(id: string, sheetName?: string): Promise<void>;
  /** change notifications (coalesced by the caller); returns an unsubscribe function */
  onInputsChanged(listener: () => void): Promise<() => Promise<void>>;
}
