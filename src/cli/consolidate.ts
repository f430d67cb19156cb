/**
 * `tieuchi consolidate FILES_OR_DIRS… [--out SUMMARY.xlsx] [--json]`: many unit workbooks → one row
 * per unit, duplicates, unreadable files and the emulation targets. Exit 0 when every file was read,
 * 1 otherwise (2 for usage problems). Progress goes to stderr for long batches.
 */
import { stat } from 'node:fs/promises';
import { consolidate } from '../consolidate';
import { fileErrorLine, toInputError } from '../io/errors';
import type { ConsolidateTexts } from '../i18n/cli';
import { readPriorSummaryFile, readRosterFile } from '../io/files';
import type { ConsolidationResult } from '../sheet/summary';
import { exclusionText, formatTargetValue, summarySheets } from '../sheet/summary';
import { optFlag, optString, UsageError, type Parsed } from './args';
import { CliFailure, EXIT_NOT_MET, EXIT_OK, type Ctx } from './context';
import { isOneOf, writeOutput } from './files';
import { optJobs } from './jobs';
import { writeBook } from './lazy';
import { planOption } from './plans';
import { packFromFile } from './packs';
import { builtinPacks } from '../pack/registry';
import { cellText, outputWidth, table, terminalSafe, truncate, wrap } from './text';

export { CONSOLIDATE_OPTIONS } from './consolidateHelp';

/** Progress every 10% (at least every 25 files) for batches of 20 files or more. */
export function progressReporter(ctx: Ctx, t: ConsolidateTexts): (done: number, total: number) => void {
  return (done, total) => {
    if (total < 20) return;
    const step = Math.max(1, Math.min(25, Math.ceil(total / 10)));
    if (done % step === 0 || done === total) ctx.err(t.progress(done, total) + '\n');
  };
}

export function consolidationText(r: ConsolidationResult, ctx: Ctx, width = outputWidth()): string {
  const t = ctx.m.consolidate;
  // the unit's name last: the only column that wraps instead of being cut
  const rows = r.units.map((u) => [
    u.unitType,
    String(u.year),
    t.verdict(u.verdict.code),
    `${u.passed}/${u.applicable}`,
    t.counted(u.excluded),
    `${u.unit || '—'} (${u.file})`,
  ]);
  const lines = [table(t.head, rows, width).trimEnd(), ''];
  // every free-text line is cut to one line or wrapped to the terminal's width
  const para = (s: string): void => {
    lines.push(...wrap(cellText(truncate(s, 2000)), width));
  };
  para(t.summary(r.units.length, r.duplicates.length, r.errors.length));
  for (const w of ctx.lang === 'en' ? r.warningsEn : r.warnings) para(w);
  if (r.missingUnits) {
    para(
      t.missingUnits(r.missingUnits.length, r.rosterSize ?? 0, r.missingUnits.map((m) => m.unit).join(', ')),
    );
  }
  for (const d of r.duplicates) para(t.dup(truncate(d.unit, 80), d.kept, d.dropped));
  for (const e of r.errors) para(fileErrorLine(e, ctx.lang));
  lines.push('');
  if (!r.targets.length) {
    para(`${t.targets} ${t.noTargets(r.plan?.id ?? '')}`);
  } else {
    para(`${t.targets} ${r.plan?.targetsSource ?? ''}`);
    // the Vietnamese sentence is the summary sheet's own
    para(t.excluded ? t.excluded(r.excluded) : exclusionText(r));
    for (const g of r.targets) {
      const value = g.noData
        ? t.noData
        : g.value === null
          ? t.met(null)
          : `${formatTargetValue(g)} — ${t.met(g.met)}`;
      const prior =
        g.prior !== undefined
          ? ` (${t.prior(g.prior === null ? '—' : formatTargetValue({ value: g.prior, measure: g.measure }))})`
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
      throw toInputError(e, p);
    }
  }
}

async function inputsOf(args: Parsed, ctx: Ctx) {
  const roster = optString(args, 'roster');
  const prior = optString(args, 'prior-summary');
  const year = optString(args, 'year');
  if (year !== undefined && !/^\d{4}$/.test(year)) throw new UsageError(ctx.m.consolidate.badYear(year));
  const fail = (e: unknown, f: string): never => {
    throw toInputError(e, f);
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
  const t = ctx.m.consolidate;
  if (!args.positionals.length) throw new UsageError(t.missing);
  const json = optFlag(args, 'json');
  const out = optString(args, 'out');
  const jobs = optJobs(args, ctx.m);
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
