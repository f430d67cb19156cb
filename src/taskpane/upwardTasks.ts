/**
 * The upward-flow tasks of the pane as plain async functions (no React): **Tổng hợp**, **Hồ sơ**
 * (sheets or Word files) and **Số liệu năm trước**. Each reads picked files with the lazily loaded
 * readers (./upward.ts), asks Excel through `ExcelHost`, and returns the outcome to show.
 */
import type { CellValue } from '../engine/values';
import type { ExcelHost } from '../excel/host';
import { formatNumber, verdictText, type Lang, type Translate } from '../i18n';
import type { ConsolidationResult } from '../sheet/summary';
import type { DossierFile } from './dossierFiles';
import { loadDossierFiles, loadUpward } from './lazy';
import { todaySerial } from './model';

export type Task = 'consolidate' | 'dossier' | 'word' | 'prior';

export interface Outcome {
  task: Task;
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
  items?: string[];
}

export interface Progress {
  index: number;
  total: number;
  text: string;
}

export interface TaskContext {
  host: ExcelHost;
  t: Translate;
  lang: Lang;
  /** the criteria sheet in view and its pack */
  current: string | undefined;
  currentPack: string | undefined;
  setProgress: (p: Progress) => void;
}

/** What the pane lists under the outcome: warnings, the roster's missing units, unreadable files. */
function consolidationItems(r: ConsolidationResult, t: Translate, lang: Lang): string[] | undefined {
  const items = [...(lang === 'en' ? r.warningsEn : r.warnings)];
  if (r.missingUnits?.length) {
    items.push(
      `${t('consolidate.missing', { n: r.missingUnits.length })} ${r.missingUnits.map((m) => m.unit).join(', ')}`,
    );
  }
  // each unreadable file in the pane's language (the readers made both lines)
  items.push(...r.errors.map((e) => (lang === 'en' && e.messageEn !== undefined ? e.messageEn : e.message)));
  return items.length ? items : undefined;
}

/** Tổng hợp: the picked unit workbooks (and the roster: a picked file, else this workbook's sheet). */
export async function consolidate(
  c: TaskContext,
  files: File[],
  rosterFile: File | undefined,
): Promise<Outcome> {
  const { host, t } = c;
  if (files.length === 0) return { task: 'consolidate', intent: 'warning', text: t('consolidate.noFiles') };
  const upward = await loadUpward();
  const rosterRows = rosterFile ? undefined : await host.readRosterSheet(upward.ROSTER_SHEET);
  const rosterSource = rosterFile
    ? { file: rosterFile }
    : rosterRows
      ? { rows: rosterRows, name: `trang “${upward.ROSTER_SHEET}”` }
      : undefined;
  const onProgress = async (index: number, total: number, name: string): Promise<void> => {
    c.setProgress({ index, total, text: t('consolidate.progress', { index, total, name }) });
    // let the page paint the progress before the (synchronous) read of the next file
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  };
  const result = await upward.consolidateFiles(files, todaySerial(), onProgress, {}, rosterSource);
  c.setProgress({ index: files.length, total: files.length, text: t('consolidate.writing') });
  const added = await host.insertSummarySheet(result);
  return {
    task: 'consolidate',
    intent: result.errors.length > 0 ? 'warning' : 'success',
    text: t('consolidate.done', {
      sheet: added.sheetNames[0] ?? '',
      units: result.units.length,
      duplicates: result.duplicates.length,
      errors: result.errors.length,
    }),
    items: consolidationItems(result, t, c.lang),
  };
}

/** Hồ sơ as sheets of this workbook. */
export async function dossierSheets(c: TaskContext): Promise<Outcome> {
  const r = await c.host.insertDossier(todaySerial(), c.current);
  if (!r) return { task: 'dossier', intent: 'warning', text: c.t('dossier.noSheet') };
  return {
    task: 'dossier',
    intent: 'success',
    text: c.t('dossier.done', {
      sheets: r.sheetNames.map((n) => `“${n}”`).join(', '),
      verdict: verdictText(c.lang, r.evaluation),
    }),
  };
}

/** Hồ sơ as Word files to download (object URLs the caller revokes). */
export async function dossierWord(c: TaskContext): Promise<{ outcome: Outcome; files: DossierFile[] }> {
  const r = await c.host.dossierDocuments(todaySerial(), c.current);
  if (!r) return { outcome: { task: 'word', intent: 'warning', text: c.t('dossier.noSheet') }, files: [] };
  const { dossierFiles } = await loadDossierFiles();
  const files = await dossierFiles(r.documents);
  const text = c.t('dossier.wordDone', { verdict: verdictText(c.lang, r.evaluation) });
  return { outcome: { task: 'word', intent: 'success', text }, files };
}

const cellText = (lang: Lang, v: CellValue): string =>
  typeof v === 'number' ? formatNumber(lang, v, Number.isInteger(v) ? 0 : 2) : String(v ?? '');

/** Số liệu năm trước: last year's workbook → this year's blank "năm trước" inputs. */
export async function priorYear(c: TaskContext, file: File | undefined): Promise<Outcome> {
  const { t, lang, current, currentPack } = c;
  if (!file) return { task: 'prior', intent: 'warning', text: t('prior.noFile') };
  if (!current || !currentPack) return { task: 'prior', intent: 'warning', text: t('dossier.noSheet') };
  c.setProgress({ index: 0, total: 1, text: t('prior.busy', { name: file.name }) });
  const upward = await loadUpward();
  const lastYear = await upward.readLastYear(file, currentPack);
  const r = await c.host.applyPriorYear(lastYear, current);
  if (!r) return { task: 'prior', intent: 'warning', text: t('dossier.noSheet') };
  const skipped = r.skipped.length > 0;
  return {
    task: 'prior',
    intent: skipped ? 'info' : 'success',
    text:
      t('prior.done', { written: r.written.length, file: file.name, notes: r.notes.length }) +
      (skipped ? ` ${t('prior.skipped', { count: r.skipped.length })}` : ''),
    items: skipped
      ? r.skipped.map((s) =>
          t('prior.skippedItem', {
            id: s.id,
            value: cellText(lang, s.value),
            last: cellText(lang, s.lastYear),
          }),
        )
      : undefined,
  };
}
