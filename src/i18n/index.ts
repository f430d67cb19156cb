/** Pane language: strings, placeholders, and Vietnamese/English number and date formats. */
import { STATUS_LABELS, STATUS_LABELS_EN, VERDICT_LABELS_EN, type StatusCode } from '../engine/status';
import { serialToVi } from '../engine/dates';
import type { Evaluation } from '../engine/evaluate';
import { en } from './en';
import { vi, type StringKey, type Strings } from './vi';

export type Lang = 'vi' | 'en';
export type { StringKey, Strings };

const TABLES: Record<Lang, Strings> = { vi, en };

/** Vietnamese unless Office's display language is known and not Vietnamese. */
export function pickLanguage(displayLanguage: string | undefined): Lang {
  if (!displayLanguage) return 'vi';
  return /^vi\b/i.test(displayLanguage) ? 'vi' : 'en';
}

export type Params = Record<string, string | number>;

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export type Translate = (key: StringKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  const table = TABLES[lang];
  return (key, params) => format(table[key], params);
}

export function statusLabel(lang: Lang, status: StatusCode): string {
  return (lang === 'vi' ? STATUS_LABELS : STATUS_LABELS_EN)[status];
}

/** The verdict line: the engine's Vietnamese label, or the English one with the same details. */
export function verdictText(
  lang: Lang,
  evaluation: Pick<Evaluation, 'verdict' | 'failing' | 'asOf'>,
): string {
  if (lang === 'vi') return evaluation.verdict.label;
  const code = evaluation.verdict.code;
  const base = VERDICT_LABELS_EN[code];
  if (code === 'fail') return `${base}: ${evaluation.failing.join(', ')}`;
  if (code === 'on_track') return `${base} (provisional as of ${serialToVi(evaluation.asOf)})`;
  // the unmet prerequisites are pack texts (Vietnamese): keep them after the English verdict
  const i = evaluation.verdict.label.indexOf(':');
  if (code === 'ineligible' && i >= 0) return `${base}${evaluation.verdict.label.slice(i)}`;
  return base;
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
