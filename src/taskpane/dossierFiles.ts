/**
 * The Word half of **Hồ sơ**, loaded with a dynamic import() only when the user asks for the Word
 * files: the .docx writer and the `docx` package stay out of the pane's first load. The documents
 * (src/dossier, the same model `tieuchi dossier` writes) come from the host; here they become bytes
 * in the browser and object URLs the pane offers as download links.
 */
import { writeDocx } from '../docx/write';
import type { DocModel } from '../dossier/model';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DossierFile {
  fileName: string;
  /** the document's name as officials call it ("Tờ trình") */
  label: string;
  /** an object URL of the file's bytes; the pane revokes it when it is replaced or closed */
  url: string;
}

const LABELS: Record<string, string> = {
  'to-trinh': 'Tờ trình',
  'bao-cao-ket-qua': 'Báo cáo kết quả',
  'bien-ban-hop-xet': 'Biên bản họp xét',
  'bao-cao-so-ket-6-thang': 'Báo cáo sơ kết 6 tháng',
  'bao-cao-ra-soat': 'Báo cáo rà soát',
};

/** Each document as a .docx Blob behind an object URL, in the order given. */
export async function dossierFiles(documents: readonly DocModel[]): Promise<DossierFile[]> {
  const out: DossierFile[] = [];
  for (const d of documents) {
    const bytes = await writeDocx(d);
    const url = URL.createObjectURL(new Blob([bytes], { type: DOCX_TYPE }));
    out.push({ fileName: d.fileName, label: LABELS[d.id] ?? d.title, url });
  }
  return out;
}
