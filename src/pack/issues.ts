/**
 * Problems found in a pack or plan file, and their display — apart from the validator
 * (./validate.ts, which loads zod) so that code reporting problems does not load it.
 */
export interface PackIssue {
  /** Where in the pack, e.g. `groups[0].criteria[2].requirements[1].indicator`; `(gốc)` for the root. */
  path: string;
  /** Vietnamese explanation. */
  message: string;
}

/** Path shown for a problem with the whole document. */
export const ROOT_PATH = '(gốc)';

/** One line per issue: `path: message`. */
export function formatIssues(issues: readonly PackIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
