/**
 * The file-reading half of the upward-flow actions (consolidation of picked unit workbooks, last
 * year's workbook), loaded with a dynamic import() only when the user picks files: the zip/xml
 * readers, the packs and the consolidation functions stay out of the pane's first load.
 * Browser-safe modules only (an architecture test checks that nothing here reaches Node built-ins).
 *
 * "Tổng hợp" reads each picked file in the reader worker (./readerWorker.ts, its own bundle whose
 * address the page's boot tag carries in `data-worker`), under a hard per-file time limit.
 */
import type { Values } from '../engine/values';
import { IsolatedReader, type WorkerLike } from '../consolidate/isolated';
import { rosterFromRows } from '../io/roster';
import { consolidatePicked, readPickedBytes, readPickedRoster, type PickedFile } from '../consolidate/picked';
import type { Timers } from '../consolidate/timers';
import { lastYearValues } from '../io/prior';
import { readWorkbookBuffer } from '../io/xlsx';
import { builtinPacks, getBuiltinPack } from '../pack/registry';
import type { ConsolidationResult } from '../sheet/summary';
import { InputError } from '../io/errors';

export type { PickedFile };

/**
 * What "Tổng hợp" reads with. The pane passes nothing: each file is read in a fresh DOM worker of
 * the page's reader bundle, under the default per-file limit measured with the platform's timers.
 * Tests pass a worker factory (a fake worker, one that never answers) and manual timers.
 */
export interface ReadingDeps {
  /** a new reader worker; default: a DOM Worker of the bundle named by the page's boot tag */
  createWorker?: () => WorkerLike;
  /** what the per-file time limit is measured with; default: the platform's timers */
  timers?: Timers;
}

/** New DOM workers of the reader bundle named by the page's boot tag, when workers are available. */
function domWorkerFactory(): (() => WorkerLike) | undefined {
  if (typeof Worker !== 'function' || typeof document === 'undefined') return undefined;
  const src = document.getElementById('tc-boot')?.getAttribute('data-worker');
  if (!src) return undefined;
  const url = new URL(src, document.baseURI).href;
  return () => domWorker(url);
}

/** A DOM Worker behind the small interface the isolated reader uses. */
function domWorker(url: string): WorkerLike {
  const w = new Worker(url, { name: 'tieuchi-doc-tep' });
  const like: WorkerLike = {
    postMessage: (message, transfer) => w.postMessage(message, transfer),
    terminate: () => w.terminate(),
    onmessage: null,
    onerror: null,
    onmessageerror: null,
  };
  w.onmessage = (ev) => like.onmessage?.({ data: ev.data });
  w.onerror = (ev) => like.onerror?.({ message: ev.message, preventDefault: () => ev.preventDefault() });
  w.onmessageerror = (ev) => like.onmessageerror?.(ev);
  return like;
}

/** The area's roster: a picked .csv/.xlsx file, or the rows of a sheet of this workbook. */
export { ROSTER_SHEET } from '../sheet/summary';

export type RosterSource = { file: PickedFile } | { rows: readonly (readonly string[])[]; name: string };

/** Read the picked unit workbooks one after another and consolidate them. */
export async function consolidateFiles(
  files: readonly PickedFile[],
  today: number,
  onProgress: (index: number, total: number, name: string) => Promise<void>,
  deps: ReadingDeps = {},
  rosterSource?: RosterSource,
): Promise<ConsolidationResult> {
  // an unreadable roster stops before any workbook is read (its reason is the outcome)
  const roster =
    rosterSource === undefined
      ? undefined
      : 'file' in rosterSource
        ? await readPickedRoster(rosterSource.file)
        : rosterFromRows(rosterSource.rows, rosterSource.name);
  const create = deps.createWorker ?? domWorkerFactory();
  if (!create) {
    // Fallback only where Web Workers are unavailable (or the page carries no worker bundle): the
    // files are read on the pane's own thread, bounded by the limits and the cooperative time
    // limit, which is checked between reading steps only.
    return await consolidatePicked(files, { packs: builtinPacks(), today, onProgress, roster });
  }
  const reader = new IsolatedReader({ create, timers: deps.timers });
  try {
    return await consolidatePicked(files, {
      packs: builtinPacks(),
      today,
      onProgress,
      roster,
      reader: (job) => reader.read(job),
    });
  } finally {
    reader.dispose();
  }
}

/** Last year's workbook → its values for the pack of the current criteria sheet (InputError if unfit). */
export async function readLastYear(file: PickedFile, packId: string): Promise<Values> {
  const pack = getBuiltinPack(packId);
  if (!pack) throw new InputError(file.name, 'record.unknownPackShort', { pack: packId });
  const bytes = await readPickedBytes(file, undefined);
  return lastYearValues(file.name, readWorkbookBuffer(bytes, file.name), pack);
}
