/**
 * The dossier of a criteria sheet (src/dossier): as new sheets of the workbook, or as the
 * documents to save as Word files. A dossier travels upward: it must carry the verdict that was
 * checked, not today's, so an as-of date that follows TODAY() is refused.
 */
import { evaluate, type Evaluation } from '../engine/evaluate';
import { dossierDocuments as documentsOf } from '../dossier/documents';
import { SIGNED_DOCUMENTS, type DocModel } from '../dossier/model';
import { sheetsOfDocuments } from '../dossier/sheets';
import type { DossierDocuments, DossierResult } from './host';
import type { HostCore } from './hostCore';
import { HostError } from './protection';
import type { SheetRead } from './readSheet';
import { addSheets } from './insertSheets';

function frozenDossier(r: SheetRead, today: number): { documents: DocModel[]; evaluation: Evaluation } {
  const evaluation = evaluate(r.pack, r.values, { today, plan: r.plan });
  if (evaluation.asOfSource === 'today') {
    throw new HostError(
      'Chưa có ngày đánh giá đã chốt: hãy bấm Đánh giá (hoặc nhập Ngày đánh giá) rồi lập hồ sơ, để hồ sơ giữ đúng kết luận đã kiểm tra.',
    );
  }
  return { documents: documentsOf(r.pack, r.plan, r.values, evaluation), evaluation };
}

export async function insertDossier(
  core: HostCore,
  today: number,
  sheetName?: string,
): Promise<DossierResult | undefined> {
  return await core.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    const r = await core.reader.readIn(ctx, sheetName, { cfs: false });
    if (!r) return undefined;
    const { documents, evaluation } = frozenDossier(r, today);
    const sheetNames = await addSheets(
      core,
      ctx,
      sheetsOfDocuments(documents),
      sheets.items.map((s) => s.name),
    );
    return { sheetNames, evaluation, source: r.sheetName };
  });
}

export async function dossierDocuments(
  core: HostCore,
  today: number,
  sheetName?: string,
): Promise<DossierDocuments | undefined> {
  return await core.run(async (ctx) => {
    const r = await core.reader.readIn(ctx, sheetName, { cfs: false });
    if (!r) return undefined;
    const { documents, evaluation } = frozenDossier(r, today);
    return {
      documents: documents.filter((d) => SIGNED_DOCUMENTS.includes(d.id)),
      evaluation,
      source: r.sheetName,
    };
  });
}
