/**
 * Consolidation of files the user picked in the add-in (browser-safe: no Node built-ins). The same
 * pure steps as `tieuchi consolidate` — `readWorkbookBuffer` under the same limits (size checked
 * before reading, zip directory, ratio, entry count, time), `unitRecordFromData`, `aggregate` — one
 * file after another, with progress, and each failure listed with its reason. The add-in passes a
 * `reader` that reads each file in a Web Worker under a hard time limit (./isolated.ts); without
 * one the file is read right here (cooperative time limit only).
 */
import { errorLines, InputError } from '../io/errors';
import { resolveLimits, type Limits } from '../io/limits';
import { decodeCsv, parseCsv, rosterFromRows } from '../io/roster';
import { rosterRowsFromXlsx } from '../io/rosterXlsx';
import { readWorkbookBuffer } from '../io/xlsx';
import type { Pack } from '../pack/schema';
import type { Plan } from '../plan/schema';
import {
  aggregate,
  type ConsolidationResult,
  type FileError,
  type RosterUnit,
  type UnitRecord,
} from '../sheet/summary';
import { batchFieldIds, batchPlan } from './batchPlan';
import type { ReadJob, ReadOutcome } from './isolated';
import { unitRecordFromData } from './record';

/** What the page knows of a picked file (a DOM `File` fits). */
export interface PickedFile {
  name: string;
  size: number;
  /** ms since the epoch; orders duplicates with the same stamp time */
  lastModified?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface PickedOptions {
  packs: readonly Pack[];
  /** today as an Excel serial */
  today: number;
  /** the batch's plan (its targets); default: the plan most units record, else the default plan */
  plan?: Plan;
  /** the area's units (a roster sheet in the add-in) */
  roster?: readonly RosterUnit[];
  limits?: Partial<Limits>;
  /** before each file: (1-based index, total, file name); awaited so the page can paint */
  onProgress?: (index: number, total: number, name: string) => void | Promise<void>;
  /** reads one file (size already checked); default: on this thread, `readOnThisThread` */
  reader?: (job: ReadJob) => Promise<ReadOutcome>;
}

/** Read one file on the calling thread (bounded by the limits and the cooperative time limit). */
export function readOnThisThread(job: ReadJob, packs: readonly Pack[]): ReadOutcome {
  try {
    const data = readWorkbookBuffer(job.bytes, job.name, job.limits);
    const record = unitRecordFromData(
      job.name,
      data,
      { packs, today: job.today, fieldIds: job.fieldIds },
      job.lastModified,
    );
    return { ok: true, record };
  } catch (e) {
    return { ok: false, ...errorLines(e, job.name) };
  }
}

/** Read one picked file → its bytes, refusing a file larger than the limit before reading it. */
export async function readPickedBytes(file: PickedFile, limits?: Partial<Limits>): Promise<Uint8Array> {
  const lim = resolveLimits(limits);
  if (file.size > lim.maxFileBytes) {
    throw new InputError(file.name, 'file.tooBig', {
      size: { bytes: file.size },
      max: { bytes: lim.maxFileBytes },
    });
  }
  return new Uint8Array(await file.arrayBuffer());
}

export async function consolidatePicked(
  files: readonly PickedFile[],
  opts: PickedOptions,
): Promise<ConsolidationResult> {
  const fieldIds = batchFieldIds(opts.plan);
  const limits = resolveLimits(opts.limits);
  const read = opts.reader ?? ((job: ReadJob) => Promise.resolve(readOnThisThread(job, opts.packs)));
  const records: UnitRecord[] = [];
  const errors: FileError[] = [];
  for (const [i, f] of files.entries()) {
    await opts.onProgress?.(i + 1, files.length, f.name);
    let got: Uint8Array | ReadOutcome;
    try {
      got = await readPickedBytes(f, limits);
    } catch (e) {
      got = { ok: false, ...errorLines(e, f.name) };
    }
    // a reader that rejects (no worker could be started at all) stops the batch as a whole
    const outcome =
      got instanceof Uint8Array
        ? await read({
            name: f.name,
            lastModified: f.lastModified ?? 0,
            bytes: got,
            today: opts.today,
            fieldIds,
            limits,
          })
        : got;
    // one bad file never stops the batch: it is listed with its reason
    if (outcome.ok) records.push(outcome.record);
    else errors.push({ file: f.name, message: outcome.message, messageEn: outcome.messageEn });
  }
  return aggregate(records, errors, { ...batchPlan(records, opts.plan), roster: opts.roster });
}

/** A picked roster (.csv UTF-8 or .xlsx) → its units, under the same limits as the workbooks. */
export async function readPickedRoster(file: PickedFile, limits?: Partial<Limits>): Promise<RosterUnit[]> {
  const lower = file.name.toLowerCase();
  const csv = lower.endsWith('.csv') || lower.endsWith('.txt');
  if (!csv && !lower.endsWith('.xlsx')) {
    throw new InputError(file.name, 'roster.kind');
  }
  const bytes = await readPickedBytes(file, limits);
  const rows = csv ? parseCsv(decodeCsv(bytes, file.name)) : rosterRowsFromXlsx(bytes, file.name, limits);
  return rosterFromRows(rows, file.name);
}
