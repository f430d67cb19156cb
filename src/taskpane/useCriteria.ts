/**
 * The pane's view of the workbook as a React hook: criteria sheets, the sheet shown, its live
 * evaluation, and the actions (./criteriaActions.ts). Office calls go through `ExcelHost` only,
 * in the hooks and actions, never in the components.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExcelHost } from '../excel/host';
import { translator, type Lang } from '../i18n';
import { useCriteriaActions } from './criteriaActions';
import type { Busy, CriteriaActions, CriteriaState } from './criteriaState';
import { describeError, isUserError } from './model';
import { useFirstLoad, useLiveUpdates, useSheetRefresh } from './useSheetRefresh';

export type { CriteriaActions, CriteriaState, Notice } from './criteriaState';

export function useCriteria(host: ExcelHost, lang: Lang): [CriteriaState, CriteriaActions] {
  const [state, setState] = useState<CriteriaState>(() => ({
    loaded: false,
    sheets: [],
    liveEvents: host.capabilities().events,
  }));
  const mounted = useRef(true);
  /** the user was told once that Excel cannot undo the add-in's writes */
  const undoTold = useRef(false);
  const reviews = useRef(0);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const patch = useCallback((p: Partial<CriteriaState>) => {
    if (mounted.current) setState((s) => ({ ...s, ...p }));
  }, []);

  const fail = useCallback(
    (err: unknown) => {
      // keep the technical detail for whoever opens the developer tools; the user sees a sentence
      if (!isUserError(err)) console.error('Tiêu chí:', err);
      const d = describeError(err, lang);
      patch({ busy: undefined, notice: { intent: 'error', ...d } });
    },
    [patch, lang],
  );

  const guarded = useCallback(
    async (busy: Busy, work: () => Promise<void>): Promise<void> => {
      patch({ busy, notice: undefined });
      try {
        await work();
        patch({ busy: undefined });
      } catch (err) {
        fail(err);
      }
    },
    [patch, fail],
  );

  const refresh = useSheetRefresh(host, patch);
  useFirstLoad(host, patch, refresh.refreshQuiet, fail);
  useLiveUpdates(host, state.sheets.map((x) => x.sheetName).join('\n'), refresh, fail);

  const t = translator(lang);
  const actions = useCriteriaActions({
    ...refresh,
    host,
    lang,
    t,
    patch,
    guarded,
    fail,
    undoNote: (undoable) => {
      if (undoable || undoTold.current) return [];
      undoTold.current = true;
      return [t('undo.lost')];
    },
    nextReview: () => ++reviews.current,
  });
  return [state, actions];
}
