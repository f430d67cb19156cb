/**
 * The .docx writer: a `DocModel` (src/dossier/model.ts) to Word bytes with the `docx` package — the
 * only module that imports it. A4 portrait with the margins of Nghị định 30/2020/NĐ-CP, Times New
 * Roman, page numbers centred at the top from page 2 on.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';
import {
  BODY_SIZE,
  DOC_FONT,
  PAGE,
  TEXT_WIDTH_MM,
  type Block,
  type DocModel,
  type Para,
  type Table as TableModel,
} from '../dossier/model';

/** twentieths of a point per millimetre */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (x: number): number => Math.round(x * TWIPS_PER_MM);
/** ND 30: first-line indent 1–1,27 cm */
const FIRST_LINE_MM = 12.7;
/** cell padding left and right (mm) */
const CELL_PAD_MM = 1.5;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * A paragraph, and the short rule under it when it has one: an empty paragraph of its own whose
 * bottom border, indented from both sides, is the rule (the text keeps the full width).
 */
function paragraphs(para: Para, widthMm: number, size: number): Paragraph[] {
  const text = paragraph(para, size);
  if (para.rule === undefined) return [text];
  const side = mm((widthMm * (1 - para.rule)) / 2);
  const rule = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: para.keepNext,
    spacing: { before: 0, after: (para.after ?? 0) * 20, line: 40, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side },
    border: { bottom: LINE },
    children: [new TextRun({ text: '', size: 2, font: DOC_FONT })],
  });
  return [text, rule];
}

function paragraph(para: Para, size: number): Paragraph {
  const pt = para.size ?? size;
  return new Paragraph({
    alignment: ALIGN[para.align ?? 'left'],
    pageBreakBefore: para.pageBreakBefore,
    spacing: { before: (para.before ?? 0) * 20, after: para.rule !== undefined ? 0 : (para.after ?? 0) * 20 },
    indent: para.firstLine ? { firstLine: mm(FIRST_LINE_MM) } : undefined,
    keepNext: para.keepNext || para.rule !== undefined,
    children: para.runs.map(
      (r) =>
        new TextRun({
          text: r.text,
          bold: r.bold,
          italics: r.italic,
          size: (r.size ?? pt) * 2,
          font: DOC_FONT,
        }),
    ),
  });
}

function table(t: TableModel): Table {
  const size = t.size ?? BODY_SIZE;
  const cellBorders = t.borders
    ? { top: LINE, bottom: LINE, left: LINE, right: LINE }
    : { top: NONE, bottom: NONE, left: NONE, right: NONE };
  const rows = t.rows.map((cells, i) => {
    let col = 0;
    return new TableRow({
      tableHeader: t.headerRows !== undefined && i < t.headerRows,
      cantSplit: true,
      children: cells.map((c) => {
        const span = c.span ?? 1;
        const width = t.columns.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        return new TableCell({
          columnSpan: span > 1 ? span : undefined,
          width: { size: mm(width), type: WidthType.DXA },
          borders: cellBorders,
          margins: { left: mm(CELL_PAD_MM), right: mm(CELL_PAD_MM), top: 0, bottom: 0 },
          shading: c.shade ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
          children: c.paras.flatMap((p) => paragraphs(p, width - 2 * CELL_PAD_MM, size)),
        });
      }),
    });
  });
  const total = t.columns.reduce((a, b) => a + b, 0);
  return new Table({
    rows,
    width: { size: mm(total), type: WidthType.DXA },
    columnWidths: t.columns.map(mm),
    layout: TableLayoutType.FIXED,
    borders: t.borders
      ? { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE }
      : { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
  });
}

function blocks(b: Block): Array<Paragraph | Table> {
  return b.kind === 'p' ? paragraphs(b, TEXT_WIDTH_MM, BODY_SIZE) : [table(b)];
}

/** Page number centred at the top (ND 30: from the second page on). */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: DOC_FONT, size: BODY_SIZE * 2 })],
      }),
    ],
  });
}

/** The document as .docx bytes (no Node API: the add-in can use it too). */
export async function writeDocx(model: DocModel): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new Document({
    title: model.title,
    creator: 'Tiêu chí',
    styles: { default: { document: { run: { font: DOC_FONT, size: BODY_SIZE * 2 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm) },
            margin: {
              top: mm(PAGE.margins.top),
              bottom: mm(PAGE.margins.bottom),
              left: mm(PAGE.margins.left),
              right: mm(PAGE.margins.right),
              header: mm(10),
              footer: mm(10),
            },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: model.blocks.flatMap(blocks),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
