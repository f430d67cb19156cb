/** Reading what `tieuchi check` is given: a workbook (.xlsx) or an answers file (.json). */
import { open } from 'node:fs/promises';
import type { Values } from '../engine/values';
import { answersToValues, packRefFromWorkbook, valuesFromWorkbook } from '../io/answers';
import { InputError, toInputError } from '../io/errors';
import { readAnswersFile, readWorkbookFile } from '../io/files';
import { getBuiltinPack } from '../pack/registry';
import type { Pack } from '../pack/schema';
import { defaultPlan } from '../plan/registry';
import type { Plan } from '../plan/schema';
import { workbookPlan } from './plans';
import { CliFailure, type Ctx } from './context';
import { knownPackIds } from './packs';
import type { InputProblem } from './report';

export interface LoadedInput {
  kind: 'xlsx' | 'json';
  file: string;
  pack: Pack;
  /** the plan in force: --plan, else the one the workbook records, else the default plan */
  plan: Plan;
  values: Values;
  problems: InputProblem[];
}

/** Decides by extension; an unknown extension is decided by the first bytes (PK = zip). */
export async function detectKind(file: string): Promise<'xlsx' | 'json'> {
  if (/\.(xlsx|xlsm)$/i.test(file)) return 'xlsx';
  if (/\.json$/i.test(file)) return 'json';
  let head: Buffer;
  try {
    const fh = await open(file, 'r');
    try {
      head = Buffer.alloc(4);
      const { bytesRead } = await fh.read(head, 0, 4, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw toInputError(e, file);
  }
  return head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b ? 'xlsx' : 'json';
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
    const data = await readWorkbookFile(file);
    const ref = packRefFromWorkbook(data);
    let pack = override;
    if (!pack) {
      if (ref.id === undefined) throw new CliFailure(ctx.m.workbookNoPack(file));
      pack = getBuiltinPack(ref.id);
      if (!pack) throw new CliFailure(ctx.m.workbookUnknownPack(file, ref.id, knownPackIds()));
    } else if (ref.id !== undefined && ref.id !== pack.id) {
      problems.push({ message: ctx.m.packMismatch(file, ref.id, pack.id) });
    }
    const known = [...data.names.keys()];
    if (!pack.profile.some((p) => known.includes(p.id))) {
      throw new InputError(file, `bảng tính không có ô nào mang tên chỉ số của bộ tiêu chí "${pack.id}"`);
    }
    const plan = workbookPlan(file, data, planOverride);
    if (!plan.packs.includes(pack.id)) throw new CliFailure(ctx.m.planNotForPack(plan.id, pack.id));
    return { kind, file, pack, plan, values: valuesFromWorkbook(pack, data), problems };
  }
  const raw = await readAnswersFile(file);
  let pack = override;
  if (!pack) {
    pack = getBuiltinPack(raw.packId);
    if (!pack) {
      throw new InputError(
        file,
        `bộ tiêu chí "${raw.packId}" không có sẵn (có sẵn: ${knownPackIds()}); dùng --pack TỆP.json`,
      );
    }
  }
  const answers = answersToValues(raw, pack);
  problems.push(...answers.problems.map((message) => ({ message })));
  const plan = planOverride ?? defaultPlan();
  if (!plan.packs.includes(pack.id)) throw new CliFailure(ctx.m.planNotForPack(plan.id, pack.id));
  return { kind, file, pack, plan, values: answers.values, problems };
}
