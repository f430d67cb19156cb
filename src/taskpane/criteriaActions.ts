/**
 * The actions of the pane on the criteria sheets (refresh, Đánh giá, Xóa đánh dấu, Đi tới, insert,
 * a plan or pack file), as plain functions over the state setter: Excel through `ExcelHost`, the
 * engine through the lazily loaded scoring chunk. `useCriteria` wires them to React.
 */
import type { EvaluateResult, ExcelHost, InsertResult } from '../excel/host';
import { verdictText, type Lang, type Translate } from '../i18n';
import type { Busy, CriteriaActions, Notice, Patch } from './criteriaState';
import { loadScoring } from './lazy';
import { fixCount, todaySerial } from './model';
import { scoredView } from './sheetView';
import type { SheetRefresh } from './useSheetRefresh';

export interface ActionContext extends SheetRefresh {
  host: ExcelHost;
  lang: Lang;
  t: Translate;
  patch: Patch;
  /** run `work` as the pane's busy action; its failure becomes the error notice */
  guarded: (busy: Busy, work: () => Promise<void>) => Promise<void>;
  fail: (err: unknown) => void;
  /** the note that Excel cannot undo the add-in's writes, the first time only */
  undoNote: (undoable: boolean) => string[];
  /** the number of the next Đánh giá that leaves something to fix */
  nextReview: () => number;
}

/** The notice after Đánh giá: the verdict and what to fix, or the criteria whose formulas disagree. */
export function evaluationNotice(
  result: EvaluateResult,
  undoNote: string[],
  t: Translate,
  lang: Lang,
): Notice {
  const ev = result.evaluation;
  if (result.disagreements.length > 0) {
    return {
      intent: 'warning',
      key: 'evaluate.disagree',
      params: { count: result.disagreements.length },
      items: [
        ...result.disagreements.map((d) =>
          t('evaluate.disagreeItem', { id: d.criterion, sheet: d.sheet, engine: d.engine }),
        ),
        ...undoNote,
      ],
    };
  }
  const toFix = fixCount(ev);
  return {
    intent: ev.verdict.code === 'pass' ? 'success' : 'info',
    key: toFix > 0 ? 'evaluate.done' : 'evaluate.donePass',
    params: { verdict: verdictText(lang, ev), count: toFix },
    ...(undoNote.length ? { items: undoNote } : {}),
  };
}

function evaluateNow(c: ActionContext): Promise<void> {
  return c.guarded('evaluate', async () => {
    const result = await c.host.evaluateAndHighlight(todaySerial(), c.shown());
    if (!result) {
      c.patch({ notice: { intent: 'warning', key: 'evaluate.noSheet' } });
      return;
    }
    const undoNote = c.undoNote(result.undoable);
    const scoring = await loadScoring();
    c.patch({
      ...scoredView(scoring, result.evaluation, todaySerial()),
      updatedAt: new Date(),
      review: fixCount(result.evaluation) > 0 ? c.nextReview() : 0,
      notice: evaluationNotice(result, undoNote, c.t, c.lang),
    });
  });
}

async function insert(
  c: ActionContext,
  options: Parameters<CriteriaActions['insert']>[0],
): Promise<InsertResult | undefined> {
  let result: InsertResult | undefined;
  await c.guarded('insert', async () => {
    const r = await c.host.insertCriteriaSheet(options);
    result = r;
    if (r.kind === 'inserted') c.show(r.sheetName);
    // 'exists': a criteria sheet appeared since the last look: list it so the pane offers to open it
    await c.refreshQuiet(true);
    if (r.kind === 'inserted') {
      c.patch({ notice: { intent: 'success', key: 'insert.done', params: { sheet: r.sheetName } } });
    }
  });
  return result;
}

async function loadFile(
  c: ActionContext,
  text: string,
  name: string,
): ReturnType<CriteriaActions['loadFile']> {
  try {
    const m = await loadScoring();
    const parsed = m.parseFile(text, name, c.lang);
    if (parsed.kind === 'error') {
      c.patch({ notice: { intent: 'error', text: parsed.message } });
      return undefined;
    }
    await c.host.addFile(parsed);
    m.addLoaded(parsed);
    const item =
      parsed.kind === 'plan'
        ? { kind: 'plan' as const, id: parsed.plan.id, title: parsed.plan.title }
        : { kind: 'pack' as const, id: parsed.pack.id, title: parsed.pack.shortTitle };
    c.patch({
      planChoices: m.planChoices(),
      loadedPacks: m.loadedPacks(),
      notice: { intent: 'success', key: 'insert.fileLoaded', params: { title: item.title, id: item.id } },
    });
    return { kind: item.kind, id: item.id };
  } catch (err) {
    c.fail(err);
    return undefined;
  }
}

/** The actions, wired to the hook's state (a hook: it is called during render, its functions run at events). */
export function useCriteriaActions(c: ActionContext): CriteriaActions {
  const selectSheet = async (name: string): Promise<void> => {
    c.show(name);
    // another sheet: its own list, filters and review start afresh
    c.patch({ current: name, review: 0, evaluation: undefined });
    await c.guarded('refresh', async () => {
      await c.host.activateSheet(name);
      await c.refreshQuiet(false);
    });
  };
  return {
    refresh: () => c.guarded('refresh', () => c.refreshQuiet(true)),
    selectSheet,
    evaluateNow: () => evaluateNow(c),
    clearHighlights: () =>
      c.guarded('clear', async () => {
        const undoNote = c.undoNote((await c.host.clearHighlights(c.shown())).undoable);
        c.patch({
          notice: { intent: 'success', key: 'clear.done', ...(undoNote.length ? { items: undoNote } : {}) },
        });
      }),
    goTo: (id) => c.guarded('goTo', () => c.host.goTo(id, c.shown())),
    insert: (options) => insert(c, options),
    openSheet: selectSheet,
    dismissNotice: () => c.patch({ notice: undefined }),
    loadFile: (text, name) => loadFile(c, text, name),
    endReview: () => c.patch({ review: 0 }),
  };
}
