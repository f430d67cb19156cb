/** `--jobs N` of `tieuchi consolidate`: how many reader threads (1–64). */
import { optString, UsageError, type Parsed } from './args';
import type { Messages } from '../i18n/cli';

export const MAX_JOBS = 64;

export function optJobs(args: Parsed, m: Messages): number | undefined {
  const raw = optString(args, 'jobs');
  if (raw === undefined) return undefined;
  const n = /^[0-9]{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (n >= 1 && n <= MAX_JOBS) return n;
  throw new UsageError(m.badJobs(raw, MAX_JOBS));
}
