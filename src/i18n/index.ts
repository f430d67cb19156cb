/**
 * The pane's language: its strings (Vietnamese at first load, English fetched when asked for),
 * placeholders, and Vietnamese/English number and date formats. The language itself, shared with
 * the CLI, is ./lang.ts.
 */
import { serialToVi } from '../engine/dates';
import { format, type Lang, type Params } from './lang';
import { vi, type StringKey, type Strings } from './vi';

export { format, pickLanguage, statusLabel, verdictText, type Lang, type Params } from './lang';
export type { StringKey, Strings };

const tables: Partial<Record<Lang, Strings>> = { vi };

/** Make `lang`'s strings available (English is a chunk of its own: most officials never load it). */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (tables[lang]) return;
  if (lang === 'en') tables.en = (await import(/* webpackChunkName: "lang-en" */ './en')).en;
}

export type Translate = (key: StringKey, params?: Params) => string;

/** The strings of `lang`, once `loadLanguage(lang)` has resolved. */
export function translator(lang: Lang): Translate {
  const table = tables[lang];
  if (!table) throw new Error(`i18n: the ${lang} strings are not loaded (await loadLanguage first)`);
  return (key, params) => format(table[key], params);
}

/** dd/mm/yyyy in both languages (the unit's documents use it). */
export function formatDate(serial: number): string {
  return serialToVi(serial);
}

/** Decimal comma in Vietnamese, point in English; no grouping (small numbers). */
export function formatNumber(lang: Lang, n: number, decimals = 0): string {
  const s = n.toFixed(decimals);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** dd/mm/yyyy hh:mm of a JS date in the user's time zone (both languages: the unit's documents use it). */
export function formatDateTime(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
