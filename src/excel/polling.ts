/**
 * The live summary's periodic check (docs/real-excel.md, item 4). The timers and the pane's
 * visibility are injected, so tests fire the check by hand.
 */
import type { SheetState } from './host';

/** How often the live summary checks for changes Excel sends no event for. */
export const POLL_MS = 5000;

/** Timers for the periodic check of the live summary (injected: tests drive them). */
export interface PollTimers {
  setInterval(f: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

interface OfficeHostDepsLike {
  timers: PollTimers;
  /** is the pane visible (no periodic check when hidden) */
  visible: () => boolean;
}

/**
 * Excel sends no change event for some edits (a list pick in Excel on the web:
 * OfficeDev/office-js#3888, #4066; recalculation; Text to Columns): while the pane is visible,
 * read the criteria sheets every POLL_MS (one round trip each, the layout's rectangle only)
 * and call `listener` when their inputs or statuses differ from the last check.
 */
export function startPolling(
  sheetNames: readonly string[],
  listener: () => void,
  readState: (sheetName: string) => Promise<SheetState | undefined>,
  deps: Pick<OfficeHostDepsLike, 'timers' | 'visible'>,
): () => void {
  const last = new Map<string, string>();
  let busy = false;
  const check = async (): Promise<void> => {
    for (const name of sheetNames) {
      const state = await readState(name);
      const print = state ? JSON.stringify([state.values, state.sheetStatuses]) : '';
      const before = last.get(name);
      last.set(name, print);
      if (before !== undefined && before !== print) {
        listener();
        return;
      }
    }
  };
  const tick = (): void => {
    if (busy || !deps.visible()) return;
    busy = true;
    check()
      .catch((err: unknown) => console.warn('Tiêu chí: kiểm tra định kỳ', err))
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const handle = deps.timers.setInterval(tick, POLL_MS);
  return () => deps.timers.clearInterval(handle);
}
