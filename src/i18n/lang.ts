/**
 * The one language setting of the product (pane and CLI): the languages, how one is picked, the
 * placeholder format, and the labels of statuses and verdicts in each language. The texts are in
 * namespaces of their own: the pane's (./vi.ts, ./en.ts), the CLI's (./cli.ts, ./cliHelp.ts) and
 * the reasons why a file cannot be read (./inputReasons.ts), so a face loads only its own.
 */
import { STATUS_LABELS, STATUS_LABELS_EN, VERDICT_LABELS_EN, type StatusCode } from '../engine/status';
import { serialToVi } from '../engine/dates';
import type { Evaluation } from '../engine/evaluate';

export type Lang = 'vi' | 'en';

/** Vietnamese unless Office's display language is known and not Vietnamese. */
export function pickLanguage(displayLanguage: string | undefined): Lang {
  if (!displayLanguage) return 'vi';
  return /^vi\b/i.test(displayLanguage) ? 'vi' : 'en';
}

export type Params = Record<string, string | number>;

/** `{name}` placeholders filled from `params` (unknown names are left as they are). */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
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
