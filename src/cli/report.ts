/** The two outputs of an evaluation: a readable Vietnamese table and one JSON object. */
import type { Evaluation } from '../engine/evaluate';
import { serialToVi } from '../engine/dates';
import { rawText, type Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import { UNIT_NAME_ID } from '../pack/workbookNames';
import { verdictText } from '../i18n/lang';
import type { Ctx } from './context';
import { cellText, table, terminalSafe, truncate, wrap, type Row } from './text';

/** Longest problem or warning shown in the text output (the JSON output has them whole). */
const MAX_BULLET = 1000;

/** A problem with the input itself (e.g. an answers value that had to be kept as text). */
export interface InputProblem {
  indicator?: string;
  /** in Vietnamese (the JSON's `message`, whatever `--lang` says) */
  message: string;
  /** the same in English (the text output under `--lang en`, the JSON's `messageEn`) */
  messageEn: string;
}

export interface JsonWarning {
  code: string;
  message: string;
  /** an input problem's line in English (the criteria's warnings are the pack's Vietnamese) */
  messageEn?: string;
  criterion?: string;
  indicator?: string;
}

export interface CheckJson {
  pack: { id: string; version: string };
  plan: { id: string; version: string };
  period: { start: string; end: string };
  asOf: string;
  year: number;
  unit: string;
  verdict: { code: string; label: string };
  passed: number;
  applicable: number;
  criteria: Array<{
    id: string;
    title: string;
    group: string;
    status: string;
    label: string;
    reasons: string[];
  }>;
  warnings: JsonWarning[];
}

/** Code of the warnings that come from reading the input rather than from the criteria. */
export const INPUT_WARNING_CODE = 'du_lieu_vao';

export function checkJson(ev: Evaluation, values: Values, problems: readonly InputProblem[]): CheckJson {
  const warnings: JsonWarning[] = [
    ...problems.map((p) => ({
      code: INPUT_WARNING_CODE,
      message: p.message,
      messageEn: p.messageEn,
      ...(p.indicator !== undefined ? { indicator: p.indicator } : {}),
    })),
    ...ev.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      ...(w.criterion !== undefined ? { criterion: w.criterion } : {}),
      ...(w.indicator !== undefined ? { indicator: w.indicator } : {}),
    })),
  ];
  return {
    pack: { id: ev.pack.id, version: ev.pack.version },
    plan: { id: ev.plan.id, version: ev.plan.version },
    period: { start: ev.period.startIso, end: ev.period.endIso },
    asOf: ev.asOfIso,
    year: ev.year,
    unit: rawText(values[UNIT_NAME_ID] ?? null),
    verdict: { code: ev.verdict.code, label: ev.verdict.label },
    passed: ev.passed,
    applicable: ev.applicable,
    criteria: ev.criteria.map((c) => ({
      id: c.id,
      title: c.title,
      group: c.group,
      status: c.status,
      label: c.label,
      reasons: c.reasons,
    })),
    warnings,
  };
}

export interface TextOptions {
  file?: string;
  width: number;
}

export function checkText(
  pack: Pack,
  ev: Evaluation,
  values: Values,
  problems: readonly InputProblem[],
  ctx: Ctx,
  opts: TextOptions,
): string {
  const { m } = ctx;
  const lines: string[] = [];
  if (opts.file) lines.push(m.fileLine(cellText(opts.file)));
  lines.push(m.packLine(pack.id, pack.version, pack.shortTitle));
  const unit = truncate(cellText(rawText(values[UNIT_NAME_ID] ?? null).trim()), 120) || '—';
  const year = Number.isFinite(ev.year) && ev.year > 0 ? String(ev.year) : '—';
  const asOf = Number.isFinite(ev.asOf) && ev.asOf > 0 ? serialToVi(ev.asOf) : '—';
  lines.push(m.unitLine(unit, year, `${asOf}${m.asOfSource[ev.asOfSource]}`));
  lines.push(m.planLine(ev.plan.id, ev.plan.version, serialToVi(ev.period.start), serialToVi(ev.period.end)));
  lines.push('');

  const rows: Row[] = [];
  let group = '';
  for (const c of ev.criteria) {
    if (c.groupId !== group) {
      group = c.groupId;
      const g = pack.groups.find((x) => x.id === c.groupId);
      rows.push({ span: g ? m.group(g.number, g.title) : c.group });
    }
    rows.push([c.id, m.statusLabel(c.status), c.reasons[0] ?? '—']);
  }
  lines.push(table(m.tableHeader, rows, opts.width));

  const bullets = (items: readonly string[]): string[] =>
    items.flatMap((t) =>
      wrap(truncate(cellText(t), MAX_BULLET), opts.width - 4).map((l, i) =>
        i === 0 ? `  • ${l}` : `    ${l}`,
      ),
    );
  if (problems.length) {
    lines.push('', m.inputProblemsHeader(problems.length));
    lines.push(...bullets(problems.map((p) => (ctx.lang === 'en' ? p.messageEn : p.message))));
  }
  if (ev.warnings.length) {
    lines.push('', m.warningsHeader(ev.warnings.length));
    lines.push(...bullets(ev.warnings.map((w) => w.message)));
  }
  lines.push('', m.verdictLine(verdictText(ctx.lang, ev)));
  lines.push(m.passedLine(ev.passed, ev.applicable));
  return terminalSafe(lines.join('\n') + '\n');
}
