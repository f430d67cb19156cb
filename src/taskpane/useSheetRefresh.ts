/**
 * The live summary's reading: a serialised refresh of the sheet in view (a change during a refresh
 * schedules exactly one more), the first load, and the subscription to Excel's change events.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { ExcelHost } from '../excel/host';
import { createChangeCoalescer } from '../excel/coalesce';
import { REFRESH_DELAY_MS, type CriteriaState, type Patch } from './criteriaState';
import { loadScoring } from './lazy';
import { readSheetView } from './sheetView';

export interface SheetRefresh {
  /** read the sheet in view again (with `relist`: the list of criteria sheets too) */
  refreshQuiet: (relist: boolean) => Promise<void>;
  /** the sheet in view (kept outside React state: actions read it between renders) */
  shown: () => string | undefined;
  show: (sheetName: string) => void;
  /** the live refresh failed (e.g. Excel busy): its error banner goes at the next success */
  liveFailed: () => void;
}

export function useSheetRefresh(host: ExcelHost, patch: Patch): SheetRefresh {
  const currentRef = useRef<string | undefined>(undefined);
  const liveFailed = useRef(false);
  const inFlight = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);

  const load = useCallback(
    async (relist: boolean): Promise<void> => {
      const view = await readSheetView(host, currentRef.current, relist);
      currentRef.current = view.current;
      const p: Partial<CriteriaState> = { ...view, loaded: true, updatedAt: new Date() };
      if (liveFailed.current) {
        liveFailed.current = false;
        p.notice = undefined;
      }
      patch(p);
    },
    [host, patch],
  );

  const refreshQuiet = useCallback(
    async (relist: boolean): Promise<void> => {
      if (inFlight.current) {
        again.current = true;
        return inFlight.current;
      }
      const run = async (): Promise<void> => {
        try {
          do {
            again.current = false;
            await load(relist);
          } while (again.current);
        } finally {
          inFlight.current = undefined;
        }
      };
      inFlight.current = run();
      await inFlight.current;
    },
    [load],
  );

  const shown = useCallback(() => currentRef.current, []);
  const show = useCallback((sheetName: string) => {
    currentRef.current = sheetName;
  }, []);
  const markLiveFailed = useCallback(() => {
    liveFailed.current = true;
  }, []);
  return { refreshQuiet, shown, show, liveFailed: markLiveFailed };
}

/**
 * The first load: plan and pack files kept with the workbook are validated (they travel with it)
 * and used before the first read, so that a sheet made under one of them reads.
 */
export function useFirstLoad(
  host: ExcelHost,
  patch: Patch,
  refreshQuiet: (relist: boolean) => Promise<void>,
  fail: (err: unknown) => void,
): void {
  useEffect(() => {
    const stored = host.storedFiles();
    const hasFiles = stored.plans.length > 0 || stored.packs.length > 0;
    const scoring = loadScoring().then((m) => {
      if (hasFiles) host.useFiles(m.useStoredFiles(stored));
      patch({
        packCounts: m.packCriteriaCounts(),
        planChoices: m.planChoices(),
        loadedPacks: m.loadedPacks(),
      });
    });
    const first = hasFiles
      ? scoring.then(() => refreshQuiet(true))
      : Promise.all([scoring, refreshQuiet(true)]);
    first.catch(fail);
  }, [host, refreshQuiet, fail, patch]);
}

/**
 * Live updates: (re)subscribe whenever the set of criteria sheets changes (e.g. after an insert);
 * events where Excel has them, and the host's periodic check everywhere.
 */
export function useLiveUpdates(
  host: ExcelHost,
  sheetsKey: string,
  refresh: SheetRefresh,
  fail: (err: unknown) => void,
): void {
  const { refreshQuiet, liveFailed } = refresh;
  useEffect(() => {
    if (sheetsKey === '') return undefined;
    let unsubscribe: (() => Promise<void>) | undefined;
    let disposed = false;
    const coalescer = createChangeCoalescer(() => {
      refreshQuiet(false).catch((err: unknown) => {
        liveFailed();
        fail(err);
      });
    }, REFRESH_DELAY_MS);
    const off = (f: () => Promise<void>): void => {
      f().catch((err: unknown) => console.error('Tiêu chí: unsubscribe', err));
    };
    host
      .onInputsChanged(() => coalescer.notify())
      .then((f) => {
        if (disposed) off(f);
        else unsubscribe = f;
      })
      .catch(fail);
    return () => {
      disposed = true;
      coalescer.cancel();
      if (unsubscribe) off(unsubscribe);
    };
  }, [host, sheetsKey, refreshQuiet, liveFailed, fail]);
}
