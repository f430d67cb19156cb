/**
 * `tieuchi consolidate FILES_OR_DIRS… [--out SUMMARY.xlsx] [--json]`: many unit workbooks → one row
 * per unit, duplicates, unreadable files and the emulation targets. Exit 0 when every file was read,
 * 1 otherwise (2 for usage problems). Progress goes to stderr for long batches.
 */
import { consolidate } from '../consolidate';
import type { ConsolidationResult } from '../sheet/summary';
import { formatTargetValue, summarySheet } from '../sheet/summary';
import { STAMP_STATE_LABELS } from '../sheet/stampState';
import { builtinTargets } from '../sheet/targets';
import { optFlag, optString, UsageError, type Parsed } from './args';
import { CliFailure, EXIT_NOT_MET, EXIT_OK, type Ctx } from './context';
import { isOneOf, writeOutput } from './files';
import { optJobs } from './jobs';
import { writeBook } from './lazy';
import { cellText, outputWidth, table, terminalSafe, truncate } from './text';

export { CONSOLIDATE_HELP } from './consolidateHelp';

export { CONSOLIDATE_OPTIONS } from './consolidateHelp';

interface Texts {
  missing: string;
  progress(d: number, t: number): string;
  head: string[];
  summary(u: number, d: number, e: number): string;
  dup(unit: string, kept: string, dropped: string[]): string;
  targets: string;
  met(m: boolean | null): string;
  written(f: string): string;
}

const T: Record<'vi' | 'en', Texts> = {
  vi: {
    missing: 'Thiếu tệp hoặc thư mục cần tổng hợp (ví dụ: tieuchi consolidate bao-cao/)',
    progress: (d: number, t: number) => `Đã đọc ${d}/${t} tệp (${Math.floor((d / t) * 100)}%)`,
    head: ['Đơn vị', 'Loại', 'Kết luận', 'Đạt', 'Dấu đánh giá', 'Tệp'],
    summary: (u: number, d: number, e: number) =>
      `${u} đơn vị; ${d} đơn vị có tệp trùng; ${e} tệp không đọc được.`,
    dup: (unit: string, kept: string, dropped: string[]) =>
      `Trùng đơn vị “${unit}”: giữ ${kept}; bỏ qua ${dropped.join(', ')}`,
    targets: 'Chỉ tiêu thi đua:',
    met: (m: boolean | null) => (m === null ? 'chưa có dữ liệu' : m ? 'Đạt' : 'Chưa đạt'),
    written: (f: string) => `Đã ghi bảng tổng hợp: ${f}`,
  },
  en: {
    missing: 'Missing files or folders to consolidate (e.g. tieuchi consolidate reports/)',
    progress: (d: number, t: number) => `Read ${d}/${t} files (${Math.floor((d / t) * 100)}%)`,
    head: ['Unit', 'Type', 'Verdict', 'Met', 'Stamp', 'File'],
    summary: (u: number, d: number, e: number) => `${u} units; ${d} duplicated units; ${e} unreadable files.`,
    dup: (unit: string, kept: string, dropped: string[]) =>
      `Duplicate unit “${unit}”: kept ${kept}; skipped ${dropped.join(', ')}`,
    targets: 'Emulation targets:',
    met: (m: boolean | null) => (m === null ? 'no data' : m ? 'Met' : 'Not met'),
    written: (f: string) => `Summary written: ${f}`,
  },
};

/** Progress every 10% (at least every 25 files) for batches of 20 files or more. */
export function progressReporter(ctx: Ctx, t: Texts): (done: number, total: number) => void {
  return (done, total) => {
    if (total < 20) return;
    const step = Math.max(1, Math.min(25, Math.ceil(total / 10)));
    if (done % step === 0 || done === total) ctx.err(t.progress(done, total) + '\n');
  };
}

export function consolidationText(r: ConsolidationResult, ctx: Ctx): string {
  const t = T[ctx.lang];
  const defs = builtinTargets().targets;
  const rows = r.units.map((u) => [
    u.unit || '—',
    u.unitType,
    u.verdict.label,
    `${u.passed}/${u.applicable}`,
    STAMP_STATE_LABELS[u.stamp],
    u.file,
  ]);
  const lines = [
    table(t.head, rows, outputWidth()).trimEnd(),
    '',
    t.summary(r.units.length, r.duplicates.length, r.errors.length),
  ];
  const one = (s: string): string => truncate(cellText(s), 500);
  for (const d of r.duplicates) lines.push(one(t.dup(truncate(d.unit, 80), d.kept, d.dropped)));
  for (const e of r.errors) lines.push(one(e.message));
  lines.push('', t.targets);
  for (const g of r.targets) {
    const share = defs.find((d) => d.id === g.id)?.measure !== 'count';
    lines.push(`- ${g.label}: ${formatTargetValue(g, share)} — ${t.met(g.value === null ? null : g.met)}`);
  }
  return terminalSafe(lines.join('\n') + '\n');
}

export async function runConsolidate(args: Parsed, ctx: Ctx): Promise<number> {
  const t = T[ctx.lang];
  if (!args.positionals.length) throw new UsageError(t.missing);
  const json = optFlag(args, 'json');
  const out = optString(args, 'out');
  const jobs = optJobs(args, ctx.lang);
  const result = await consolidate(args.positionals, {
    today: ctx.today(),
    pool: jobs !== undefined ? { size: jobs } : undefined,
    onProgress: progressReporter(ctx, t),
  });
  if (json) ctx.out(JSON.stringify(result, null, 2) + '\n');
  else ctx.out(consolidationText(result, ctx));
  if (out !== undefined) {
    // never overwrite a unit's file (or a folder argument's file) with the summary, even with --force
    const inputs = [
      ...args.positionals,
      ...result.units.map((u) => u.file),
      ...result.duplicates.flatMap((d) => d.dropped),
      ...result.errors.map((e) => e.file),
    ];
    if (await isOneOf(out, inputs)) throw new CliFailure(ctx.m.outIsInput(out));
    const bytes = await writeBook([summarySheet(result)]);
    await writeOutput(out, bytes, optFlag(args, 'force'), ctx);
    (json ? ctx.err : ctx.out)(t.written(out) + '\n');
  }
  return result.errors.length ? EXIT_NOT_MET : EXIT_OK;
}
