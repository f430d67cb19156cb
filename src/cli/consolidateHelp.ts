/** Options of `tieuchi consolidate` (kept apart so that main.ts loads them cheaply; the help text is src/i18n/cliHelp.ts). */
import type { OptionSpec } from './args';

export const CONSOLIDATE_OPTIONS: OptionSpec[] = [
  { name: 'help', short: 'h', value: false },
  { name: 'json', value: false },
  { name: 'out', value: true, short: 'o' },
  { name: 'force', value: false, short: 'f' },
  { name: 'jobs', value: true, short: 'j' },
  { name: 'plan', value: true },
  { name: 'pack', value: true, short: 'p' },
  { name: 'roster', value: true },
  { name: 'prior-summary', value: true },
  { name: 'year', value: true },
];
