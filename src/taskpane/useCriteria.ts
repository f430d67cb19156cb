/**
 * The pane's view of the workbook: criteria sheets, the sheet shown, its live evaluation, and the
 * actions (refresh, evaluate, clear, go to, insert). Office calls go through `ExcelHost` only.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExcelHost, InsertOptions, InsertResult } from '../excel/host';
import { createChangeCoalescer } from '../excel/coalesce';
import type { Evaluation } from '../engine/evaluate';
import { loadScoring } from './lazy';
import { translator, verdictText, type Lang, type StringKey } from '../i18n';
import type { Guidance } from '../pack/schema';
import type { Deadline } from './deadlines';
import { describeError, fixCount, isUserError, todaySerial } from './model';

export type Busy = 'refresh' | 'evaluate' | 'clear' | 'goTo' | 'insert';

export interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  /** message key + params, or a ready text (our own Vietnamese errors) */
  key?: StringKey;
  params?: Record<string, string | number>;
  text?: string;
  items?: string[];
}

export interface SheetRef {
  sheetName: string;
  packId: string;
}

export interface CriteriaState {
  loaded: boolean;
  sheets: SheetRef[];
  current?: string;
  evaluation?: Evaluation;
  unknownPack?: { sheet: string; pack: string };
  /** criteria count of each built-in pack (known once the scoring chunk is loaded) */
  packCounts?: Record<string, number>;
  /** the built-in plans a new sheet can follow (id, title; the default first), loaded lazily */
  planChoices?: ReadonlyArray<{ id: string; title: string }>;
  /** packs the official loaded from files (kept with the workbook) */
  loadedPacks?: ReadonlyArray<{ id: string; title: string; criteria: number }>;
  updatedAt?: Date;
  /** the pack's guidance (evidence that counts, how to fix) by criterion id */
  guidance?: Record<string, Guidance>;
  /** the next deadlines of the sheet under its plan */
  deadlines?: Deadline[];
  /**
   * after Đánh giá: the list of what to fix comes first, until hidden or another sheet is shown;
   * the number of the Đánh giá (0 = no list)
   */
  review?: number;
  busy?: Busy;
  notice?: Notice;
}

export const REFRESH_DELAY_MS = 300;

export interface CriteriaActions {
  refresh(): Promise<void>;
  selectSheet(name: string): Promise<void>;
  evaluateNow(): Promise<void>;
  clearHighlights(): Promise<void>;
  goTo(id: string): Promise<void>;
  insert(options: InsertOptions): Promise<InsertResult | undefined>;
  openSheet(name: string): Promise<void>;
  dismissNotice: () => void;
  /**
   * a plan or pack file the official picked: validated, kept with the workbook, offered in the
   * insert form; undefined (and an error notice) when it is not valid
   */
  loadFile: (text: string, name: string) => Promise<{ kind: 'plan' | 'pack'; id: string } | undefined>;
  /** hide the list of what to fix (back to the usual order) */
  endReview: () => void;
}

export function useCriteria(host: ExcelHost, lang: Lang): [CriteriaState, CriteriaActions] {
  const t = translator(lang);
  const [state, setState] = useState<CriteriaState>({ loaded: false, sheets: [] });
  const currentRef = useRef<string | undefined>(undefined);
  const inFlight = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);
  const mounted = useRef(true);
  /** the live refresh failed (e.g. Excel busy): its error banner goes at the next success */
  const liveFailed = useRef(false);
  /** the user was told once that Excel cannot undo the add-in's writes */
  const undoTold = useRef(false);
  const noteUndo = (undoable: boolean): string[] => {
    if (undoable || undoTold.current) return [];
    undoTold.current = true;
    return [t('undo.lost')];
  };
  const reviews = useRef(0);

  const patch = useCallback((p: Partial<CriteriaState>) => {
    if (mounted.current) setState((s) => ({ ...s, ...p }));
  }, []);

  const fail = useCallback(
    (err: unknown) => {
      // keep the technical detail for whoever opens the developer tools; the user sees a sentence
      if (!isUserError(err)) console.error('Tiêu chí:', err);
      const d = describeError(err);
      patch({
        busy: undefined,
        notice: 'key' in d ? { intent: 'error', key: d.key } : { intent: 'error', text: d.text },
      });
    },
    [patch],
  );

  /** Read the sheet shown (one round trip); when it is gone, re-list the criteria sheets. */
  const load = useCallback(
    async (relist: boolean): Promise<void> => {
      let sheets: SheetRef[] | undefined;
      let current = currentRef.current;
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
      currentRef.current = current;
      const p: Partial<CriteriaState> = {
        loaded: true,
        current,
        updatedAt: new Date(),
        unknownPack: undefined,
      };
      if (sheets) p.sheets = sheets;
      if (liveFailed.current) {
        liveFailed.current = false;
        p.notice = undefined;
      }
      if (!sheetState) {
        p.evaluation = undefined;
      } else {
        const scoring = await loadScoring();
        const today = todaySerial();
        const scored = scoring.scoreSheet(sheetState, today);
        if (scored.kind === 'unknownPack') {
          p.evaluation = undefined;
          p.unknownPack = { sheet: scored.sheet, pack: scored.pack };
        } else {
          p.evaluation = scored.evaluation;
          p.guidance = scoring.guidanceOf(scored.evaluation.pack.id);
          p.deadlines = scoring.deadlinesOf(scored.evaluation, today);
        }
      }
      patch(p);
    },
    [host, patch],
  );

  /** Serialised refresh: a change during a refresh schedules exactly one more. */
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

  // first load
  useEffect(() => {
    mounted.current = true;
    // plan and pack files kept with the workbook are validated (they travel with it) and used
    // before the first read, so that a sheet made under one of them reads
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
    (hasFiles ? scoring.then(() => refreshQuiet(true)) : Promise.all([scoring, refreshQuiet(true)])).catch(
      fail,
    );
    return () => {
      mounted.current = false;
    };
  }, [host, refreshQuiet, fail, patch]);

  // live updates: (re)subscribe whenever the set of criteria sheets changes (e.g. after an insert)
  const sheetsKey = state.sheets.map((x) => x.sheetName).join('\n');
  useEffect(() => {
    // events where Excel has them, and the host's periodic check everywhere
    if (sheetsKey === '') return undefined;
    let unsubscribe: (() => Promise<void>) | undefined;
    let disposed = false;
    const coalescer = createChangeCoalescer(() => {
      refreshQuiet(false).catch((err: unknown) => {
        liveFailed.current = true;
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
  }, [host, sheetsKey, refreshQuiet, fail]);

  const actions: CriteriaActions = {
    refresh: () => guarded('refresh', () => refreshQuiet(true)),
    selectSheet: async (name) => {
      currentRef.current = name;
      // another sheet: its own list, filters and review start afresh
      patch({ current: name, review: 0, evaluation: undefined });
      await guarded('refresh', async () => {
        await host.activateSheet(name);
        await refreshQuiet(false);
      });
    },
    evaluateNow: () =>
      guarded('evaluate', async () => {
        const result = await host.evaluateAndHighlight(todaySerial(), currentRef.current);
        if (!result) {
          patch({ notice: { intent: 'warning', key: 'evaluate.noSheet' } });
          return;
        }
        const ev = result.evaluation;
        const undoNote = noteUndo(result.undoable);
        const toFix = fixCount(ev);
        const scoring = await loadScoring();
        patch({
          evaluation: ev,
          updatedAt: new Date(),
          guidance: scoring.guidanceOf(ev.pack.id),
          deadlines: scoring.deadlinesOf(ev, todaySerial()),
          review: toFix > 0 ? ++reviews.current : 0,
        });
        if (result.disagreements.length > 0) {
          patch({
            notice: {
              intent: 'warning',
              key: 'evaluate.disagree',
              params: { count: result.disagreements.length },
              items: [
                ...result.disagreements.map((d) =>
                  t('evaluate.disagreeItem', { id: d.criterion, sheet: d.sheet, engine: d.engine }),
                ),
                ...undoNote,
              ],
            },
          });
        } else {
          patch({
            notice: {
              intent: ev.verdict.code === 'pass' ? 'success' : 'info',
              key: toFix > 0 ? 'evaluate.done' : 'evaluate.donePass',
              params: { verdict: verdictText(lang, ev), count: toFix },
              ...(undoNote.length ? { items: undoNote } : {}),
            },
          });
        }
      }),
    clearHighlights: () =>
      guarded('clear', async () => {
        const { undoable } = await host.clearHighlights(currentRef.current);
        const undoNote = noteUndo(undoable);
        patch({
          notice: { intent: 'success', key: 'clear.done', ...(undoNote.length ? { items: undoNote } : {}) },
        });
      }),
    goTo: (id) => guarded('goTo', () => host.goTo(id, currentRef.current)),
    insert: async (options) => {
      let result: InsertResult | undefined;
      await guarded('insert', async () => {
        result = await host.insertCriteriaSheet(options);
        if (result.kind === 'inserted') {
          currentRef.current = result.sheetName;
          await refreshQuiet(true);
          patch({ notice: { intent: 'success', key: 'insert.done', params: { sheet: result.sheetName } } });
        } else {
          // a criteria sheet appeared since the last look: list it so the pane offers to open it
          await refreshQuiet(true);
        }
      });
      return result;
    },
    openSheet: (name) => actions.selectSheet(name),
    dismissNotice: () => patch({ notice: undefined }),
    loadFile: async (text, name) => {
      try {
        const m = await loadScoring();
        const parsed = m.parseFile(text, name);
        if (parsed.kind === 'error') {
          patch({ notice: { intent: 'error', text: parsed.message } });
          return undefined;
        }
        await host.addFile(parsed);
        m.addLoaded(parsed);
        const item =
          parsed.kind === 'plan'
            ? { kind: 'plan' as const, id: parsed.plan.id, title: parsed.plan.title }
            : { kind: 'pack' as const, id: parsed.pack.id, title: parsed.pack.shortTitle };
        patch({
          planChoices: m.planChoices(),
          loadedPacks: m.loadedPacks(),
          notice: { intent: 'success', key: 'insert.fileLoaded', params: { title: item.title, id: item.id } },
        });
        return { kind: item.kind, id: item.id };
      } catch (err) {
        fail(err);
        return undefined;
      }
    },
    endReview: () => patch({ review: 0 }),
  };
  return [state, actions];
}
