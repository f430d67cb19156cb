/**
 * Problems found in a pack or plan file, and their display — apart from the validator
 * (./validate.ts, which loads zod) so that code reporting problems does not load it. Each problem
 * is a key of ./issueTexts.ts with its values; `message` is its Vietnamese text.
 */
import { issueLine, type PackIssue } from './issueTexts';
import type { TextLang } from './texts';

export { ROOT_PATH, issueLine, packIssue, type PackIssue } from './issueTexts';

/** One line per issue: `path: message`, in `lang` (Vietnamese unless told). */
export function formatIssues(issues: readonly PackIssue[], lang: TextLang = 'vi'): string {
  return issues.map((i) => issueLine(lang, i)).join('\n');
}
