/**
 * Loading a user-supplied pack file: read under the JSON limits, syntax errors with line/column,
 * then full validation. Never throws and never returns a half-loaded pack.
 */
import type { Pack } from '../pack/schema';
import { ROOT_PATH, packIssue, type PackIssue } from '../pack/issues';
import { reasonOf } from './errors';
import type { JsonLimits } from './limits';
import { readJsonFile } from './files';

const bothReasons = (e: unknown): { vi: string; en: string } => ({
  vi: reasonOf(e, 'vi'),
  en: reasonOf(e, 'en'),
});

export type LoadPackResult = { ok: true; pack: Pack } | { ok: false; issues: PackIssue[] };

/** Read and validate a pack JSON file; every problem comes back with its path. */
export async function loadPack(path: string, limits?: Partial<JsonLimits>): Promise<LoadPackResult> {
  let data: unknown;
  try {
    data = await readJsonFile(path, limits);
  } catch (e) {
    return {
      ok: false,
      issues: [packIssue(ROOT_PATH, 'pack.fileUnreadable', { file: path, why: bothReasons(e) })],
    };
  }
  try {
    const { validatePack } = await import('../pack/validate'); // zod, only for a user's file
    return validatePack(data);
  } catch (e) {
    // validatePack never throws by contract; keep the promise anyway.
    return {
      ok: false,
      issues: [packIssue(ROOT_PATH, 'pack.notChecked', { why: bothReasons(e) })],
    };
  }
}
