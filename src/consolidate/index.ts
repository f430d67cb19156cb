/**
 * `consolidate(paths)`: every unit workbook under the given files and folders → one row per unit,
 * duplicates, unreadable files and the aggregate targets. Files are read in isolated worker threads
 * (./pool.ts); an unreadable or hostile file is listed with its reason and never stops the batch.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { serialFromJsDate } from '../engine/dates';
import { describeError } from '../io/errors';
import type { Limits } from '../io/limits';
import { builtinPacks } from '../pack/registry';
import type { Pack } from '../pack/schema';
import { aggregate, type ConsolidationResult, type FileError, type UnitRecord } from '../sheet/summary';
import { builtinTargets, targetFieldIds, type TargetDef } from '../sheet/targets';
import { DEFAULT_POOL, ReaderPool, type PoolOptions } from './pool';

export interface ConsolidateOptions {
  packs?: readonly Pack[];
  targets?: readonly TargetDef[];
  /** today as an Excel serial; default the local date */
  today?: number;
  limits?: Partial<Limits>;
  pool?: Partial<PoolOptions>;
  /** called after each file with (done, total) */
  onProgress?: (done: number, total: number) => void;
}

const isWorkbook = (name: string): boolean =>
  /\.xlsx$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.~lock');

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && isWorkbook(e.name)) out.push(p);
  }
}

/**
 * Files and folders → the workbook files to read (folders: .xlsx files found recursively, sorted by
 * path), and the arguments that could not be opened. Each file is listed once.
 */
export async function expandPaths(
  paths: readonly string[],
): Promise<{ files: string[]; errors: FileError[] }> {
  const files: string[] = [];
  const errors: FileError[] = [];
  for (const p of paths) {
    try {
      const st = await stat(p);
      if (st.isDirectory()) {
        const found: string[] = [];
        await walk(p, found);
        files.push(...found);
      } else files.push(p);
    } catch (e) {
      errors.push({ file: p, message: describeError(e, p) });
    }
  }
  return { files: [...new Set(files)], errors };
}

export async function consolidate(
  paths: readonly string[],
  opts: ConsolidateOptions = {},
): Promise<ConsolidationResult> {
  const defs = opts.targets ?? builtinTargets().targets;
  const { files, errors } = await expandPaths(paths);
  const pool = new ReaderPool(
    {
      packs: [...(opts.packs ?? builtinPacks())],
      today: opts.today ?? serialFromJsDate(new Date()),
      limits: opts.limits,
      fieldIds: targetFieldIds(defs),
    },
    { ...DEFAULT_POOL, ...opts.pool },
  );
  const outcomes = new Array<UnitRecord | FileError>(files.length);
  let done = 0;
  try {
    await Promise.all(
      files.map(async (file, i) => {
        const r = await pool.read(file);
        outcomes[i] = r.ok ? r.record : { file, message: r.message };
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
  return aggregate(records, errors, defs);
}

export { aggregate } from '../sheet/summary';
export type { ConsolidationResult, UnitRow, DuplicateGroup, FileError } from '../sheet/summary';
