/**
 * `tieuchi dossier CHECKED.xlsx [--out DIR] [--force]`: the Word dossier (tờ trình, báo cáo kết quả,
 * biên bản họp xét, báo cáo sơ kết 6 tháng, báo cáo rà soát) from a checked workbook. The verdict
 * must not depend on the day the command runs: the workbook needs a frozen as-of date (the stamp's
 * `dg_ngay_tinh`, written by `tieuchi check --out`, or a filled `ngay_danh_gia`). The .docx writer
 * (the `docx` package) is loaded only here, so other commands start fast.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, type Evaluation } from '../engine/evaluate';
import type { Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import type { Plan } from '../plan/schema';
import { dossierDocuments } from '../dossier/documents';
import { optFlag, optString, UsageError, type Parsed } from './args';
import { CliFailure, EXIT_OK, type Ctx } from './context';
import { writeOutput } from './files';
import { readWorkbookFile } from '../io/files';
import { classifyStamp, STAMP_STATE_LABELS } from '../sheet/stampState';
import { detectKind, loadInput } from './input';

export { DOSSIER_OPTIONS } from './dossierHelp';

/** The evaluation of a checked workbook, or undefined when its as-of date would follow today's. */
export function frozenEvaluation(
  pack: Pack,
  plan: Plan,
  values: Values,
  today: number,
): Evaluation | undefined {
  const ev = evaluate(pack, values, { today, plan });
  return ev.asOfSource === 'today' ? undefined : ev;
}

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

const MSG = {
  vi: {
    notWorkbook: (f: string) =>
      `Không lập được hồ sơ từ "${f}": cần bảng tính đã kiểm tra (.xlsx) do "tieuchi check … --out" ghi`,
    notFrozen: (f: string) =>
      `Không lập được hồ sơ từ "${f}": kết luận đang tính theo ngày hôm nay (chưa có ngày tính đến cố định); hãy điền "Ngày đánh giá (tính đến)" hoặc chạy "tieuchi check ${f} --out ĐÃ-KIỂM-TRA.xlsx" rồi lập hồ sơ từ tệp đó`,
    noDir: (d: string) => `Không ghi được hồ sơ: thư mục "${d}" không tồn tại`,
    stampNote: (f: string, state: string) =>
      `Lưu ý: "${f}" — ${lowerFirst(state)}; hồ sơ lập theo số liệu hiện có trong bảng tính (chạy lại "tieuchi check" để cập nhật dấu đánh giá)`,
    written: (p: string) => `Đã ghi: ${p}`,
  },
  en: {
    notWorkbook: (f: string) =>
      `Cannot build the dossier from "${f}": a checked workbook (.xlsx) written by "tieuchi check … --out" is needed`,
    notFrozen: (f: string) =>
      `Cannot build the dossier from "${f}": its verdict follows today's date (no frozen as-of date); fill "Ngày đánh giá (tính đến)" or run "tieuchi check ${f} --out CHECKED.xlsx" and use that file`,
    noDir: (d: string) => `Cannot write the dossier: folder "${d}" does not exist`,
    stampNote: (f: string, state: string) =>
      `Note: "${f}" — ${lowerFirst(state)}; the dossier follows the values now in the workbook (run "tieuchi check" again to renew the stamp)`,
    written: (p: string) => `Written: ${p}`,
  },
} as const;

export async function runDossier(args: Parsed, ctx: Ctx): Promise<number> {
  const m = MSG[ctx.lang];
  const [file, unexpected] = args.positionals;
  if (file === undefined) throw new UsageError(ctx.m.missingFile);
  if (unexpected !== undefined) throw new UsageError(ctx.m.unexpectedArgument(unexpected));
  const dir = optString(args, 'out') ?? '.';
  const force = optFlag(args, 'force');
  if (!existsSync(dir)) throw new CliFailure(m.noDir(dir));
  if ((await detectKind(file)) !== 'xlsx') throw new CliFailure(m.notWorkbook(file));

  const input = await loadInput(file, undefined, ctx);
  const evaluation = frozenEvaluation(input.pack, input.plan, input.values, ctx.today());
  if (!evaluation) throw new CliFailure(m.notFrozen(file));
  // the dossier follows the values as they are now; say so when they changed after the evaluation
  const stamp = classifyStamp(input.pack, input.values, (await readWorkbookFile(file)).names);
  if (stamp === 'edited' || stamp === 'other_version')
    ctx.err(m.stampNote(file, STAMP_STATE_LABELS[stamp]) + '\n');
  const docs = dossierDocuments(input.pack, input.plan, input.values, evaluation, {
    parentIssuer: optString(args, 'chu-quan'),
    abbreviation: optString(args, 'viet-tat'),
  });
  const outputs = docs.map((d) => ({ doc: d, path: join(dir, d.fileName) }));
  // refuse before writing anything: never leave half a dossier beside an older one
  if (!force)
    for (const { path } of outputs) if (existsSync(path)) throw new CliFailure(ctx.m.fileExists(path));
  const { writeDocx } = await import('../docx/write');
  for (const { doc, path } of outputs) {
    await writeOutput(path, await writeDocx(doc), force, ctx);
    ctx.out(m.written(path) + '\n');
  }
  return EXIT_OK;
}
