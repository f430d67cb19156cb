/** Options of `tieuchi dossier` (kept apart so that main.ts loads them cheaply; the help text is src/i18n/cliHelp.ts). */
import type { OptionSpec } from './args';

export const DOSSIER_OPTIONS: OptionSpec[] = [
  { name: 'help', short: 'h', value: false },
  { name: 'out', value: true, short: 'o' },
  { name: 'force', value: false, short: 'f' },
  { name: 'chu-quan', value: true },
  { name: 'viet-tat', value: true },
];
