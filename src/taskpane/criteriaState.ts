/** The pane's view of the workbook as data: what `useCriteria` holds and the actions it offers. */
import type { Evaluation } from '../engine/evaluate';
import type { InsertOptions, InsertResult } from '../excel/host';
import type { StringKey } from '../i18n';
import type { Guidance } from '../pack/schema';
import type { Deadline } from './deadlines';

export type Busy = 'refresh' | 'evaluate' | 'clear' | 'goTo' | 'insert';

export interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  /** message key + params, or a ready text (the message of one of our own user-facing errors) */
  key?: StringKey;
  params?: Record<string, string | number>;
  text?: string;
  items?: string[];
}

export interface SheetRef {
  sheetName: string;
  packId: string;
}

/** What the live summary shows of the sheet in view (read and scored together). */
export interface SheetView {
  sheets?: SheetRef[];
  current?: string;
  evaluation?: Evaluation;
  unknownPack?: { sheet: string; pack: string };
  /** the pack's guidance (evidence that counts, how to fix) by criterion id */
  guidance?: Record<string, Guidance>;
  /** the next deadlines of the sheet under its plan */
  deadlines?: Deadline[];
}

export interface CriteriaState extends Omit<SheetView, 'sheets'> {
  loaded: boolean;
  sheets: SheetRef[];
  /** criteria count of each built-in pack (known once the scoring chunk is loaded) */
  packCounts?: Record<string, number>;
  /** the built-in plans a new sheet can follow (id, title; the default first), loaded lazily */
  planChoices?: ReadonlyArray<{ id: string; title: string }>;
  /** packs the official loaded from files (kept with the workbook) */
  loadedPacks?: ReadonlyArray<{ id: string; title: string; criteria: number }>;
  updatedAt?: Date;
  /**
   * after Đánh giá: the list of what to fix comes first, until hidden or another sheet is shown;
   * the number of the Đánh giá (0 = no list)
   */
  review?: number;
  busy?: Busy;
  notice?: Notice;
  /** Excel reports changes by itself (else the user presses Làm mới after typing) */
  liveEvents: boolean;
}

/** Quiet time after the last change before the live summary is read again. */
export const REFRESH_DELAY_MS = 300;

export interface CriteriaActions {
  refresh: () => Promise<void>;
  selectSheet: (name: string) => Promise<void>;
  evaluateNow: () => Promise<void>;
  clearHighlights: () => Promise<void>;
  goTo: (id: string) => Promise<void>;
  insert: (options: InsertOptions) => Promise<InsertResult | undefined>;
  openSheet: (name: string) => Promise<void>;
  dismissNotice: () => void;
  /**
   * a plan or pack file the official picked: validated, kept with the workbook, offered in the
   * insert form; undefined (and an error notice) when it is not valid
   */
  loadFile: (text: string, name: string) => Promise<{ kind: 'plan' | 'pack'; id: string } | undefined>;
  /** hide the list of what to fix (back to the usual order) */
  endReview: () => void;
}

export type Patch = (p: Partial<CriteriaState>) => void;

/** What each section of the pane gets: the state and the actions. */
export interface SectionProps {
  state: CriteriaState;
  actions: CriteriaActions;
}
