/** `--jobs N` of `tieuchi consolidate`: how many reader threads (1–64). */
import { optString, UsageError, type Parsed } from './args';
import type { Lang } from './i18n';

export const MAX_JOBS = 64;

export function optJobs(args: Parsed, lang: Lang): number | undefined {
  const raw = optString(args, 'jobs');
  if (raw === undefined) return undefined;
  const n = /^[0-9]{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (n >= 1 && n <= MAX_JOBS) return n;
  throw new UsageError(
    lang === 'vi'
      ? `--jobs cần một số nguyên từ 1 đến ${MAX_JOBS} (nhận được "${raw.slice(0, 20)}")`
      : `--jobs needs a whole number from 1 to ${MAX_JOBS} (got "${raw.slice(0, 20)}")`,
  );
}
