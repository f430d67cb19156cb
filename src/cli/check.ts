/** `tieuchi check FILE`: evaluate a workbook or an answers file, print a table or one JSON object. */
import { existsSync } from 'node:fs';
import { evaluate, type Evaluation } from '../engine/evaluate';
import { isoToSerial } from '../engine/dates';
import type { Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import { AS_OF_ID } from '../pack/workbookNames';
import type { Plan } from '../plan/schema';
import { planOption } from './plans';
import { toInputError } from '../io/errors';
import { optFlag, optString, UsageError, type Parsed } from './args';
import { writeCheckedWorkbook } from './checked';
import { explainText, explainWithJsonMessage } from './explain';
import { CliFailure, EXIT_NOT_MET, EXIT_OK, type Ctx } from './context';
import { isOneOf, writeOutput } from './files';
import { loadInput } from './input';
import { packFromFile } from './packs';
import { checkJson, checkText, type InputProblem } from './report';
import { outputWidth } from './text';

/** 0 when the verdict is pass or on_track, 1 otherwise. */
export function exitCodeFor(ev: Evaluation): number {
  return ev.verdict.code === 'pass' || ev.verdict.code === 'on_track' ? EXIT_OK : EXIT_NOT_MET;
}

/** Parses --as-of (YYYY-MM-DD) into a serial; a bad date is a usage error (exit 2). */
export function parseAsOf(v: string | undefined, ctx: Ctx): number | undefined {
  if (v === undefined) return undefined;
  const serial = isoToSerial(v.trim());
  if (serial === undefined) throw new UsageError(ctx.m.badAsOf(v));
  return serial;
}

export interface CheckRun {
  pack: Pack;
  plan: Plan;
  values: Values;
  problems: InputProblem[];
  evaluation: Evaluation;
}

/**
 * Reads and evaluates one file. `asOf` (a serial) replaces `ngay_danh_gia` and is also "today";
 * otherwise today is the local date and `ngay_danh_gia` (when filled) is the as-of date.
 */
export async function runCheckFile(
  file: string,
  ctx: Ctx,
  opts: { asOf?: number; pack?: Pack; plan?: Plan },
): Promise<CheckRun> {
  let input;
  try {
    input = await loadInput(file, opts.pack, ctx, opts.plan);
  } catch (e) {
    // anything unexpected while reading still names the file (never "lỗi không mong đợi" alone)
    throw e instanceof CliFailure ? e : toInputError(e, file);
  }
  const values: Values = opts.asOf !== undefined ? { ...input.values, [AS_OF_ID]: opts.asOf } : input.values;
  const today = opts.asOf ?? ctx.today();
  const evaluation = evaluate(input.pack, values, { today, plan: input.plan });
  return { pack: input.pack, plan: input.plan, values, problems: input.problems, evaluation };
}

export async function runCheck(args: Parsed, ctx: Ctx): Promise<number> {
  const [file, unexpected] = args.positionals;
  if (file === undefined) throw new UsageError(ctx.m.missingFile);
  if (unexpected !== undefined) throw new UsageError(ctx.m.unexpectedArgument(unexpected));
  const asOf = parseAsOf(optString(args, 'as-of'), ctx);
  const out = optString(args, 'out');
  const force = optFlag(args, 'force');
  if (out !== undefined) {
    if (await isOneOf(out, [file])) throw new CliFailure(ctx.m.outIsInput(out));
    if (!force && existsSync(out)) throw new CliFailure(ctx.m.fileExists(out));
  }
  const packFile = optString(args, 'pack');
  const pack = packFile !== undefined ? await packFromFile(packFile, ctx) : undefined;

  const json = optFlag(args, 'json');
  const explain = optFlag(args, 'explain');
  if (json && explain) throw new UsageError(explainWithJsonMessage(ctx));

  const plan = await planOption(args, ctx);
  const run = await runCheckFile(file, ctx, { asOf, pack, plan });
  if (json) ctx.out(JSON.stringify(checkJson(run.evaluation, run.values, run.problems), null, 2) + '\n');
  else
    ctx.out(
      checkText(run.pack, run.evaluation, run.values, run.problems, ctx, { file, width: outputWidth() }),
    );
  if (explain) ctx.out(explainText(run.pack, run.evaluation, ctx, outputWidth()));

  if (out !== undefined) {
    await writeCheckedWorkbook(run.pack, run.plan, run.values, run.evaluation, out, (p, bytes) =>
      writeOutput(p, bytes, force, ctx),
    );
    // stdout carries exactly one JSON object with --json, so the note goes to stderr then.
    (json ? ctx.err : ctx.out)(ctx.m.checkedWritten(out) + '\n');
  }
  return exitCodeFor(run.evaluation);
}
