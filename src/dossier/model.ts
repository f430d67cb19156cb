/**
 * The Word dossier as data: what each document says and how it is laid out, with no knowledge of
 * the .docx format (src/docx/write.ts turns a `DocModel` into bytes with the `docx` package).
 * Sizes are in points, lengths in millimetres; the layout follows Nghị định 30/2020/NĐ-CP, Phụ lục I.
 */

export const DOC_FONT = 'Times New Roman';
/** Body text size (ND 30: 13–14 pt). */
export const BODY_SIZE = 14;

/** Page of ND 30: A4 portrait; margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
} as const;

/** Text width between the margins (mm). */
export const TEXT_WIDTH_MM = PAGE.widthMm - PAGE.margins.left - PAGE.margins.right;

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** points; default: the paragraph's size */
  size?: number;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Para {
  kind: 'p';
  runs: Run[];
  align?: Align;
  /** points (default BODY_SIZE) */
  size?: number;
  /** first-line indent of body paragraphs (ND 30: 1–1,27 cm) */
  firstLine?: boolean;
  /** space before/after in points */
  before?: number;
  after?: number;
  keepNext?: boolean;
  /** a short centred rule under the text (issuer, Tiêu ngữ, trích yếu): share of the paragraph width */
  rule?: number;
  /** starts a new page */
  pageBreakBefore?: boolean;
}

export interface Cell {
  paras: Para[];
  /** columns the cell spans */
  span?: number;
  /** light grey fill (table header, group rows) */
  shade?: boolean;
}

export interface Table {
  kind: 'table';
  /** column widths in mm (sum ≤ TEXT_WIDTH_MM) */
  columns: number[];
  rows: Cell[][];
  /** grid lines (the criteria table) or none (header and signature blocks) */
  borders: boolean;
  /** rows at the top repeated on each page */
  headerRows?: number;
  /** cell paragraphs' size in points */
  size?: number;
}

export type Block = Para | Table;

export const DOC_IDS = [
  'to-trinh',
  'bao-cao-ket-qua',
  'bien-ban-hop-xet',
  'bao-cao-so-ket-6-thang',
  'bao-cao-ra-soat',
] as const;
export type DocId = (typeof DOC_IDS)[number];

/** The documents of the recognition dossier that is signed and sent (the add-in offers these). */
export const SIGNED_DOCUMENTS: readonly DocId[] = ['to-trinh', 'bao-cao-ket-qua', 'bien-ban-hop-xet'];

export interface DocModel {
  id: DocId;
  /** file name, e.g. "to-trinh.docx" */
  fileName: string;
  /** document title (core properties) */
  title: string;
  blocks: Block[];
}

// --- small builders ---------------------------------------------------------------------------

export function p(text: string | Run[], opts: Omit<Para, 'kind' | 'runs'> = {}): Para {
  return { kind: 'p', runs: typeof text === 'string' ? [{ text }] : text, ...opts };
}

/** A justified body paragraph with a first-line indent. */
export function body(text: string | Run[], opts: Omit<Para, 'kind' | 'runs'> = {}): Para {
  return p(text, { align: 'justify', firstLine: true, after: 6, ...opts });
}

/** A bold section heading inside the body ("I. ĐẶC ĐIỂM TÌNH HÌNH"). */
export function heading(text: string): Para {
  return p([{ text, bold: true }], {
    align: 'justify',
    firstLine: true,
    before: 6,
    after: 6,
    keepNext: true,
  });
}

export function bold(text: string): Run {
  return { text, bold: true };
}

export function italic(text: string): Run {
  return { text, italic: true };
}

/** All text of a model, paragraph by paragraph (tests, and searching the model). */
export function paragraphsOf(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'p') out.push(b.runs.map((r) => r.text).join(''));
    else for (const row of b.rows) for (const c of row) out.push(...paragraphsOf(c.paras));
  }
  return out;
}
