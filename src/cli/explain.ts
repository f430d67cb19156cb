/**
 * `tieuchi check FILE --explain`: after the table, for each criterion that is not met, the pack's
 * guidance — what evidence counts and how to fix the criterion's current status. The guidance texts
 * are pack data (Vietnamese); only the few headings here follow `--lang`.
 */
import type { Evaluation } from '../engine/evaluate';
import type { FixStatus, Pack } from '../pack/schema';
import type { Ctx } from './context';
import { wrap } from './text';

/** The usage message for `--explain --json` in the user's language. */
export function explainWithJsonMessage(ctx: Ctx): string {
  return ctx.m.explain.withJson;
}

const FIX_STATUSES: ReadonlySet<string> = new Set<FixStatus>(['fail', 'missing', 'invalid', 'not_due']);
function isFixStatus(s: string): s is FixStatus {
  return FIX_STATUSES.has(s);
}

/** The guidance block, or '' when every applicable criterion passes. */
export function explainText(pack: Pack, ev: Evaluation, ctx: Ctx, width: number): string {
  const t = ctx.m.explain;
  const open = ev.criteria.filter((c) => c.status !== 'pass' && c.status !== 'na');
  if (!open.length) return '';
  const byId = new Map(pack.groups.flatMap((g) => g.criteria).map((c) => [c.id, c]));
  const item = (label: string, text: string): string[] =>
    wrap(`${label}: ${text}`, width - 4).map((l, i) => (i === 0 ? `  • ${l}` : `    ${l}`));
  const lines = ['', t.header(open.length)];
  for (const c of open) {
    lines.push(`${c.id} · ${ctx.m.statusLabel(c.status)} · ${c.title}`);
    for (const r of c.reasons) lines.push(...item(t.reason, r));
    const g = byId.get(c.id)?.guidance;
    if (!g) {
      lines.push(...wrap(t.none, width - 4).map((l) => `    ${l}`));
      continue;
    }
    const fix = isFixStatus(c.status) ? g.fix[c.status] : undefined;
    if (fix !== undefined) lines.push(...item(t.fix, fix));
    lines.push(...item(t.evidence, g.evidence));
  }
  return lines.join('\n') + '\n';
}
