/**
 * `tieuchi demo`: the built-in sample answers (samples/*.json, bundled) become filled workbooks;
 * each workbook is then read back through the xlsx reader and checked, like a real submission.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import coquanSample from '../../samples/coquan.json';
import xaSample from '../../samples/xa.json';
import { answersToValues, parseAnswers } from '../io/answers';
import { reasonOf } from '../io/errors';
import { getBuiltinPack } from '../pack/registry';
import { buildCriteriaSheet } from '../sheet/layout';
import { writeBook } from './lazy';
import { optString, UsageError, type Parsed } from './args';
import { runCheckFile } from './check';
import { CliFailure, EXIT_OK, type Ctx } from './context';
import { writeOutput } from './files';
import { checkText } from './report';
import { outputWidth } from './text';

/** The sample answers shipped with the CLI, by pack id. */
export const SAMPLES: ReadonlyArray<{ packId: string; data: unknown }> = [
  { packId: 'xa', data: xaSample },
  { packId: 'coquan', data: coquanSample },
];

export const DEFAULT_DEMO_DIR = 'tieuchi-demo';

export async function runDemo(args: Parsed, ctx: Ctx): Promise<number> {
  const [unexpected] = args.positionals;
  if (unexpected !== undefined) throw new UsageError(ctx.m.unexpectedArgument(unexpected));
  const dir = optString(args, 'out') ?? DEFAULT_DEMO_DIR;
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new CliFailure(ctx.m.cannotWrite(dir, reasonOf(e)));
  }
  ctx.out(ctx.m.demoWriting(dir) + '\n');
  const workbooks: string[] = [];
  for (const { packId, data } of SAMPLES) {
    const pack = getBuiltinPack(packId);
    if (!pack) continue;
    const base = join(dir, `tieu-chi-${packId}-mau`);
    const jsonPath = `${base}.json`;
    const xlsxPath = `${base}.xlsx`;
    const { values } = answersToValues(parseAnswers(data, jsonPath), pack);
    const bytes = await writeBook([buildCriteriaSheet(pack, { values })]);
    await writeSample(xlsxPath, bytes, ctx);
    await writeSample(jsonPath, JSON.stringify(data, null, 2) + '\n', ctx);
    ctx.out(ctx.m.demoFile('xlsx', xlsxPath) + '\n' + ctx.m.demoFile('json', jsonPath) + '\n');
    workbooks.push(xlsxPath);
  }
  for (const file of workbooks) {
    ctx.out('\n' + ctx.m.demoChecking(file) + '\n\n');
    const run = await runCheckFile(file, ctx, {});
    ctx.out(
      checkText(run.pack, run.evaluation, run.values, run.problems, ctx, { file, width: outputWidth() }),
    );
  }
  ctx.out('\n' + ctx.m.demoDone(dir) + '\n');
  return EXIT_OK;
}

/** The demo folder is the demo's own: earlier sample files are overwritten. */
function writeSample(path: string, data: Uint8Array | string, ctx: Ctx): Promise<void> {
  return writeOutput(path, data, true, ctx);
}
