/** Reading what `tieuchi check` is given: a workbook (.xlsx) or an answers file (.json). */
import type { Values } from '../engine/values';
import { answersToValues, packRefFromWorkbook, valuesFromWorkbook } from '../io/answers';
import { InputError, noIndicatorCells } from '../io/errors';
import { readAnswersFile, readWorkbookFileWithTime } from '../io/files';
import { READ_WORKBOOK, otherFormatReason } from '../io/formats';
import { checkInputCells } from '../io/inputCells';
import { readRegularFile } from '../io/regularFile';
import { getBuiltinPack } from '../pack/registry';
import type { Pack } from '../pack/schema';
import { defaultPlan } from '../plan/registry';
import type { Plan } from '../plan/schema';
import { workbookPlan } from './plans';
import { CliFailure, type Ctx } from './context';
import { knownPackIds } from './packs';
import type { InputProblem } from './report';
import { inputReason } from '../i18n/inputReasons';
import { messages, type Messages } from '../i18n/cli';

/** A problem said by the CLI's messages, in Vietnamese and in English (see InputProblem). */
const bothLangs = (say: (m: Messages) => string): InputProblem => ({
  message: say(messages('vi')),
  messageEn: say(messages('en')),
});

/** Input problems listed one by one; the rest are counted. */
const MAX_PROBLEMS = 50;

export interface LoadedInput {
  kind: 'xlsx' | 'json';
  file: string;
  pack: Pack;
  /** the plan in force: --plan, else the one the workbook records, else the default plan */
  plan: Plan;
  values: Values;
  problems: InputProblem[];
}

/**
 * Decides by extension; an unknown extension is decided by the first bytes (PK = zip, OLE = old
 * Excel). Formats that are not read get their own explanation.
 */
export async function detectKind(file: string): Promise<'xlsx' | 'json'> {
  if (READ_WORKBOOK.test(file)) return 'xlsx';
  if (/\.json$/i.test(file)) return 'json';
  const other = otherFormatReason(file);
  if (other !== undefined) throw new InputError(file, other);
  const { bytes: head } = await readRegularFile(file, 8, { head: true });
  if (head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return 'xlsx'; // the workbook reader explains .xls / password-protected files
  }
  return 'json';
}

/**
 * Reads FILE and picks the pack: `override` (from --pack) when given, else the pack the file
 * declares (`goi_tieu_chi` in a workbook, `pack` in answers JSON), which must be a built-in one.
 * Unreadable input throws InputError/CliFailure (exit 2) with one line naming the file.
 */
export async function loadInput(
  file: string,
  override: Pack | undefined,
  ctx: Ctx,
  planOverride?: Plan,
): Promise<LoadedInput> {
  const kind = await detectKind(file);
  const problems: InputProblem[] = [];
  if (kind === 'xlsx') {
    // blocking calls: one file on a command's main thread, no round trips through libuv's threads
    const { data } = await readWorkbookFileWithTime(file, undefined, undefined, { blocking: true });
    const ref = packRefFromWorkbook(data);
    let pack = override;
    if (!pack) {
      if (ref.id === undefined) throw new CliFailure(ctx.m.workbookNoPack(file));
      pack = getBuiltinPack(ref.id);
      if (!pack) throw new CliFailure(ctx.m.workbookUnknownPack(file, ref.id, knownPackIds()));
    } else if (ref.id !== undefined && ref.id !== pack.id) {
      const [declared, used] = [ref.id, pack.id];
      problems.push(bothLangs((m) => m.packMismatch(file, declared, used)));
    }
    const known = [...data.names.keys()];
    if (!pack.profile.some((p) => known.includes(p.id))) {
      throw noIndicatorCells(file, pack.id);
    }
    checkInputCells(pack, data, file);
    const plan = workbookPlan(file, data, planOverride);
    if (!plan.packs.includes(pack.id)) throw new CliFailure(ctx.m.planNotForPack(plan.id, pack.id));
    return { kind, file, pack, plan, values: valuesFromWorkbook(pack, data), problems };
  }
  const raw = await readAnswersFile(file);
  let pack = override;
  if (!pack) {
    pack = getBuiltinPack(raw.packId);
    if (!pack) {
      throw new InputError(file, 'answers.unknownPack', { pack: raw.packId, known: knownPackIds() });
    }
  }
  const answers = answersToValues(raw, pack);
  for (const p of answers.problems.slice(0, MAX_PROBLEMS)) {
    problems.push({ message: inputReason('vi', p), messageEn: inputReason('en', p) });
  }
  const more = answers.problems.length - MAX_PROBLEMS;
  if (more > 0) problems.push(bothLangs((m) => m.moreProblems(more)));
  const plan = planOverride ?? defaultPlan();
  if (!plan.packs.includes(pack.id)) throw new CliFailure(ctx.m.planNotForPack(plan.id, pack.id));
  return { kind, file, pack, plan, values: answers.values, problems };
}
