/**
 * What every part of the Office host shares (./officeHost.ts builds it once): the batch runner
 * with the baseline requirement-set check, the feature checks, the sheet reader and the lookups
 * of packs and plans (the official's loaded files first). Each part — ./lookups.ts,
 * ./insertSheets.ts, ./evaluateSheet.ts, ./priorYear.ts, ./dossierSheets.ts, ./watch.ts —
 * takes it as its first argument.
 */
import type { Pack } from '../pack/schema';
import type { Plan } from '../plan/schema';
import type { Capabilities } from './host';
import type { XlContext, XlRun } from './officeTypes';
import type { SheetReader } from './readSheet';
import type { PollTimers } from './polling';
import type { WriteFeatures } from './writeSpec';

export interface HostCore {
  /** one batch, refused plainly when the baseline requirement set is missing */
  run: <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;
  /** the raw runner (to reuse a batch's context, e.g. to remove event handlers) */
  rawRun: XlRun;
  /** is ExcelApi `version` supported */
  api: (version: string) => boolean;
  capabilities: () => Capabilities;
  features: () => WriteFeatures;
  reader: SheetReader;
  /** can the user undo what was just written? (Excel's API undo needs ExcelUndoApiAll 1.0) */
  undoable: (touchedProtection: boolean) => boolean;
  getPack: (id: string) => Pack | undefined;
  getPlan: (id: string) => Plan | undefined;
  /** clock for the stamp time */
  now: () => Date;
  timers: PollTimers;
  /** is the pane visible (no periodic check when hidden) */
  visible: () => boolean;
}
