/**
 * `consolidate(paths)`: every unit workbook under the given files and folders → one row per unit,
 * duplicates, unreadable files and the aggregate targets. Files are read in isolated worker threads
 * (./pool.ts); an unreadable or hostile file is listed with its reason and never stops the batch.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { serialFromJsDate } from '../engine/dates';
import { codeOf } from '../engine/thrown';
import { fileErrorOf, InputError, reason, type ReasonKey } from '../io/errors';
import { isLockFile, otherFormatReason, READ_WORKBOOK } from '../io/formats';
import { notRegularReason } from '../io/regularFile';
import type { Limits } from '../io/limits';
import { builtinPacks } from '../pack/registry';
import { builtinPlans } from '../plan/registry';
import type { Pack } from '../pack/schema';
import type { Plan } from '../plan/schema';
import {
  aggregate,
  type AggregateOptions,
  type ConsolidationResult,
  type FileError,
  type UnitRecord,
} from '../sheet/summary';
import { batchPlan, batchFieldIds } from './batchPlan';
import { DEFAULT_POOL, ReaderPool, type PoolOptions } from './pool';

export interface ConsolidateOptions extends Omit<AggregateOptions, 'plan' | 'targets'> {
  packs?: readonly Pack[];
  /** the batch's plan (its targets); default: the plan most units record, else the default plan */
  plan?: Plan;
  /** today as an Excel serial; default the local date */
  today?: number;
  limits?: Partial<Limits>;
  pool?: Partial<PoolOptions>;
  /** called after each file with (done, total) */
  onProgress?: (done: number, total: number) => void;
}

/** One folder entry that is not simply a workbook to read: listed with its reason. */
function entryProblem(path: string, why: ReasonKey): FileError {
  return fileErrorOf(new InputError(path, why), path);
}

/** A spreadsheet-named regular file (or a symlink to one) → read it or list why not. */
function classify(path: string, name: string, files: string[], errors: FileError[]): void {
  if (READ_WORKBOOK.test(name)) files.push(path);
  else {
    const other = otherFormatReason(name);
    if (other !== undefined) errors.push(entryProblem(path, other));
  }
}

const looksLikeSpreadsheet = (name: string): boolean =>
  READ_WORKBOOK.test(name) || otherFormatReason(name) !== undefined;

/**
 * Walks `dir` (sorted by name, subfolders recursively). Workbooks (.xlsx/.xlsm) and symlinks to
 * regular workbook files are read; spreadsheets of other formats, symlinks to anything else, and
 * FIFOs/devices with a spreadsheet name are listed with a reason; an unreadable subfolder is
 * listed and the rest is read. Symlinked folders are listed, never followed (no loops).
 */
async function walk(dir: string, files: string[], errors: FileError[], regular: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    const code = codeOf(e);
    const denied = code === 'EACCES' || code === 'EPERM';
    errors.push(denied ? entryProblem(dir, reason('folder.denied')) : fileErrorOf(e, dir));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (isLockFile(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, files, errors, regular);
    else if (e.isFile()) {
      classify(p, e.name, files, errors);
      regular.add(p);
    } else if (e.isSymbolicLink()) await symlinkEntry(p, e.name, files, errors);
    else if (looksLikeSpreadsheet(e.name)) {
      errors.push(entryProblem(p, reason('file.special')));
    }
  }
}

async function symlinkEntry(p: string, name: string, files: string[], errors: FileError[]): Promise<void> {
  let st;
  try {
    st = await stat(p);
  } catch (e) {
    errors.push(fileErrorOf(e, p));
    return;
  }
  if (st.isFile()) classify(p, name, files, errors);
  else if (st.isDirectory()) {
    errors.push(entryProblem(p, reason('folder.link')));
  } else if (looksLikeSpreadsheet(name)) {
    errors.push(entryProblem(p, notRegularReason(st, true) ?? reason('file.notRegularShort')));
  }
}

/**
 * Files and folders → the workbook files to read (folders: .xlsx/.xlsm files found recursively,
 * sorted by path), and every argument or folder entry that cannot be read, with its reason;
 * `regular`: the files the folder listing typed as regular (read with one stat, not two). Each
 * file is listed once. A named file is never opened here: the reader refuses what is not a regular
 * file without blocking on it.
 */
export async function expandPaths(
  paths: readonly string[],
): Promise<{ files: string[]; errors: FileError[]; regular: ReadonlySet<string> }> {
  const files: string[] = [];
  const errors: FileError[] = [];
  const regular = new Set<string>();
  for (const p of paths) {
    try {
      const st = await stat(p);
      if (st.isDirectory()) await walk(p, files, errors, regular);
      else files.push(p);
    } catch (e) {
      errors.push(fileErrorOf(e, p));
    }
  }
  return { files: [...new Set(files)], errors, regular };
}

export async function consolidate(
  paths: readonly string[],
  opts: ConsolidateOptions = {},
): Promise<ConsolidationResult> {
  const { files, errors, regular } = await expandPaths(paths);
  const pool = new ReaderPool(
    {
      packs: [...(opts.packs ?? builtinPacks())],
      // a plan given for the batch (a user's plan file) can also be the plan a workbook records
      ...(opts.plan ? { plans: [opts.plan, ...builtinPlans()] } : {}),
      today: opts.today ?? serialFromJsDate(new Date()),
      limits: opts.limits,
      fieldIds: batchFieldIds(opts.plan),
    },
    { ...DEFAULT_POOL, ...opts.pool },
  );
  const outcomes = new Array<UnitRecord | FileError>(files.length);
  let done = 0;
  try {
    await Promise.all(
      files.map(async (file, i) => {
        const r = await pool.read(file, regular.has(file));
        outcomes[i] = r.ok ? r.record : { file, message: r.message, messageEn: r.messageEn };
        done++;
        opts.onProgress?.(done, files.length);
      }),
    );
  } finally {
    await pool.close();
  }
  const records: UnitRecord[] = [];
  for (const o of outcomes) {
    if ('message' in o) errors.push(o);
    else records.push(o);
  }
  return aggregate(records, errors, {
    ...batchPlan(records, opts.plan),
    year: opts.year,
    roster: opts.roster,
    prior: opts.prior,
  });
}

export { aggregate } from '../sheet/summary';
export type { ConsolidationResult, UnitRow, DuplicateGroup, FileError } from '../sheet/summary';
