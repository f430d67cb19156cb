/**
 * `tieuchi consolidate FILES_OR_DIRS… [--out SUMMARY.xlsx] [--json]`: many unit workbooks → one row
 * per unit, duplicates, unreadable files and the emulation targets. Exit 0 when every file was read,
 * 1 otherwise (2 for usage problems). Progress goes to stderr for long batches.
 */
import { stat } from 'node:fs/promises';
import { consolidate } from '../consolidate';
import { describeError } from '../io/errors';
import { readPriorSummaryFile, readRosterFile } from '../io/files';
import type { ConsolidationResult } from '../sheet/summary';
import { exclusionText, formatTargetValue, summarySheets } from '../sheet/summary';
import { VERDICT_LABELS } from '../engine/status';
import type { ExclusionCode } from '../sheet/targets';
import { optFlag, optString, UsageError, type Parsed } from './args';
import { CliFailure, EXIT_NOT_MET, EXIT_OK, type Ctx } from './context';
import { isOneOf, writeOutput } from './files';
import { optJobs } from './jobs';
import { writeBook } from './lazy';
import { planOption } from './plans';
import { packFromFile } from './packs';
import { builtinPacks } from '../pack/registry';
import { cellText, outputWidth, table, terminalSafe, truncate, wrap } from './text';

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
    head: ['Loại', 'Năm', 'Kết luận', 'Đạt', 'Tính vào số liệu', 'Đơn vị (tệp)'],
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
    head: ['Type', 'Year', 'Verdict', 'Met', 'Counted', 'Unit (file)'],
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

/** Why a unit is left out, in a table cell ("không: đã sửa"). */
const SHORT_EXCLUSION: Record<ExclusionCode, string> = {
  other_year: 'năm khác',
  edited: 'đã sửa',
  unstamped: 'chưa đánh giá',
  other_version: 'phiên bản khác',
};

export function consolidationText(r: ConsolidationResult, ctx: Ctx, width = outputWidth()): string {
  const t = T[ctx.lang];
  // the unit's name last: the only column that wraps instead of being cut
  const rows = r.units.map((u) => [
    u.unitType,
    String(u.year),
    VERDICT_LABELS[u.verdict.code],
    `${u.passed}/${u.applicable}`,
    u.excluded ? `không: ${SHORT_EXCLUSION[u.excluded]}` : 'có',
    `${u.unit || '—'} (${u.file})`,
  ]);
  const lines = [table(t.head, rows, width).trimEnd(), ''];
  // every free-text line is cut to one line or wrapped to the terminal's width
  const para = (s: string): void => {
    lines.push(...wrap(cellText(truncate(s, 2000)), width));
  };
  para(t.summary(r.units.length, r.duplicates.length, r.errors.length));
  for (const w of r.warnings) para(w);
  if (r.missingUnits) {
    para(
      `Chưa gửi bảng tính (${r.missingUnits.length}/${r.rosterSize ?? 0} đơn vị trong danh sách): ${r.missingUnits.map((m) => m.unit).join(', ') || 'không có'}.`,
    );
  }
  for (const d of r.duplicates) para(t.dup(truncate(d.unit, 80), d.kept, d.dropped));
  for (const e of r.errors) para(e.message);
  lines.push('');
  if (!r.targets.length) {
    para(`${t.targets} kế hoạch “${r.plan?.id ?? ''}” không đặt chỉ tiêu thi đua.`);
  } else {
    para(`${t.targets} ${r.plan?.targetsSource ?? ''}`);
    para(exclusionText(r));
    for (const g of r.targets) {
      const value = g.noData
        ? 'không có số liệu trong bảng tính'
        : g.value === null
          ? t.met(null)
          : `${formatTargetValue(g)} — ${t.met(g.met)}`;
      const prior =
        g.prior !== undefined
          ? ` (năm trước: ${g.prior === null ? '—' : formatTargetValue({ value: g.prior, measure: g.measure })})`
          : '';
      para(`- ${g.label}: ${value}${prior}`);
    }
  }
  return terminalSafe(lines.join('\n') + '\n');
}

/** A folder or file argument that does not exist stops the command (exit 2) with the reason. */
async function checkArguments(paths: readonly string[]): Promise<void> {
  for (const p of paths) {
    try {
      await stat(p);
    } catch (e) {
      throw new CliFailure(describeError(e, p));
    }
  }
}

async function inputsOf(args: Parsed, ctx: Ctx) {
  const roster = optString(args, 'roster');
  const prior = optString(args, 'prior-summary');
  const year = optString(args, 'year');
  if (year !== undefined && !/^\d{4}$/.test(year))
    throw new UsageError(`--year cần một năm 4 chữ số (nhận “${year}”)`);
  const fail = (e: unknown, f: string): never => {
    throw new CliFailure(describeError(e, f));
  };
  const packFile = optString(args, 'pack');
  return {
    // a user's pack file is used for the workbooks that declare its id (before the built-in one)
    ...(packFile !== undefined ? { packs: [await packFromFile(packFile, ctx), ...builtinPacks()] } : {}),
    plan: await planOption(args, ctx),
    roster:
      roster === undefined ? undefined : await readRosterFile(roster).catch((e: unknown) => fail(e, roster)),
    prior:
      prior === undefined
        ? undefined
        : await readPriorSummaryFile(prior).catch((e: unknown) => fail(e, prior)),
    year: year === undefined ? undefined : Number(year),
  };
}

export async function runConsolidate(args: Parsed, ctx: Ctx): Promise<number> {
  const t = T[ctx.lang];
  if (!args.positionals.length) throw new UsageError(t.missing);
  const json = optFlag(args, 'json');
  const out = optString(args, 'out');
  const jobs = optJobs(args, ctx.lang);
  await checkArguments(args.positionals);
  const inputs = await inputsOf(args, ctx);
  const result = await consolidate(args.positionals, {
    ...inputs,
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
    const bytes = await writeBook(summarySheets(result));
    await writeOutput(out, bytes, optFlag(args, 'force'), ctx);
    (json ? ctx.err : ctx.out)(t.written(out) + '\n');
  }
  return result.errors.length ? EXIT_NOT_MET : EXIT_OK;
}
