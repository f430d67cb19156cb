/**
 * The dossier as Excel sheets, rendered from the same `DocModel`s the Word files are written from
 * (./documents.ts), so the sheets say exactly what the .docx files say. Used by `tieuchi check --out`
 * (the checked workbook) and the add-in's **Hồ sơ** ("add the sheets").
 *
 * A paragraph is one row merged across the text width; a table's columns are placed on a grid made of
 * every table's column boundaries (millimetres → Excel widths), so the header, the signature block and
 * the criteria table line up as in the Word file. A borderless table cell's paragraphs go one per row
 * (the header and signature blocks); a bordered table's cell keeps its paragraphs in one wrapped cell.
 * A4 portrait with the margins of Nghị định 30/2020/NĐ-CP, fit to the page width, Times New Roman,
 * row heights estimated from the text. Pure; every cell stays editable (no protection).
 *
 * What a sheet cannot show as the Word file does: mixed bold/italic inside one paragraph (a cell has
 * one style: bold or italic only when the whole paragraph is), the short rules under the issuer and
 * the Tiêu ngữ, first-line indents and the page break before the appendix.
 */
import { colToLetters } from '../sheet/address';
import type { Evaluation } from '../engine/evaluate';
import type { Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import type { Plan } from '../plan/schema';
import type { CellSpec, CellStyle, HAlign, SheetSpec } from '../sheet/spec';
import type { DossierOptions } from './context';
import { dossierDocuments } from './documents';
import {
  BODY_SIZE,
  DOC_FONT,
  PAGE,
  TEXT_WIDTH_MM,
  type Block,
  type DocId,
  type DocModel,
  type Para,
} from './model';

export const REPORT_SHEET = 'Báo cáo kết quả';
export const MINUTES_SHEET = 'Biên bản họp xét';
export const SUBMISSION_SHEET = 'Tờ trình';

/** The documents the dossier sheets show, in sheet order, with their sheet names. */
export const DOSSIER_SHEETS: ReadonlyArray<{ id: DocId; name: string }> = [
  { id: 'bao-cao-ket-qua', name: REPORT_SHEET },
  { id: 'bien-ban-hop-xet', name: MINUTES_SHEET },
  { id: 'to-trinh', name: SUBMISSION_SHEET },
];

/** Millimetres per Excel column-width unit (one digit of the default 11 pt font, 7 px at 96 dpi). */
const MM_PER_WIDTH = 1.85;
/** Excel's largest row height (points). */
const MAX_ROW_HEIGHT = 409;
/** Height of an empty paragraph (the room for a signature), in points. */
const EMPTY_ROW = 18;
const SHADE = 'E7E6E6';

const upperVi = (s: string): string => s.toLocaleUpperCase('vi');

/** Characters of Times New Roman at `size` that fit in `width` Excel units (conservative). */
function charsPerLine(width: number, size: number, bold: boolean, upper: boolean): number {
  // calibrated on LibreOffice's PDF of the report (about 98 characters of 14 pt on a 165 mm line), with
  // a margin for Excel's own rendering
  const factor = (11 / size) * (bold ? 0.92 : 1) * (upper ? 0.78 : 1) * 1.25;
  return Math.max(4, Math.floor(width * factor));
}

/** Lines a wrapped text needs in a (merged) range `width` units wide. */
export function linesNeeded(s: string, width: number, style: CellStyle): number {
  const size = style.size ?? BODY_SIZE;
  const upper = s.length > 0 && s === upperVi(s) && /[A-ZĐ]/.test(s);
  const per = charsPerLine(width, size, !!style.bold, upper);
  let lines = 0;
  for (const para of s.split('\n')) {
    // greedy word wrap
    let line = 0;
    let n = 1;
    for (const word of para.split(' ')) {
      const w = word.length;
      if (line === 0) line = w;
      else if (line + 1 + w <= per) line += 1 + w;
      else {
        n += 1 + Math.floor(Math.max(0, w - 1) / per);
        line = w % per || per;
      }
    }
    lines += n;
  }
  return lines;
}

/** Column boundaries (mm from the left margin) of every table, plus the text width. */
function grid(blocks: readonly Block[]): number[] {
  const cuts = new Set<number>([0, TEXT_WIDTH_MM]);
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    let x = 0;
    for (const w of b.columns) {
      x += w;
      cuts.add(Math.min(TEXT_WIDTH_MM, Math.round(x * 10) / 10));
    }
  }
  return [...cuts].sort((a, b) => a - b);
}

const ALIGN: Record<NonNullable<Para['align']>, HAlign> = {
  left: 'left',
  justify: 'left',
  center: 'center',
  right: 'right',
};

const textOf = (para: Para): string => para.runs.map((r) => r.text).join('');

/** One cell style for a paragraph: bold or italic when every run with text is. */
function styleOf(para: Para, size: number): CellStyle {
  const runs = para.runs.filter((r) => r.text.trim());
  const all = (f: (r: Para['runs'][number]) => boolean | undefined): boolean =>
    runs.length > 0 && runs.every(f);
  return {
    font: DOC_FONT,
    size: para.size ?? runs[0]?.size ?? size,
    bold: all((r) => r.bold) || undefined,
    italic: all((r) => r.italic) || undefined,
    hAlign: ALIGN[para.align ?? 'left'],
    vAlign: 'top',
    wrap: true,
  };
}

class SheetBuilder {
  readonly cells: CellSpec[] = [];
  readonly merges: string[] = [];
  readonly heights = new Map<number, number>();
  row = 1;
  /** Excel widths of the grid's columns */
  readonly widths: number[];

  constructor(readonly cuts: readonly number[]) {
    this.widths = cuts.slice(1).map((x, i) => Math.round(((x - (cuts[i] ?? 0)) / MM_PER_WIDTH) * 10) / 10);
  }

  /** Grid column (1-based) where a boundary `mm` from the left margin starts. */
  column(mm: number): number {
    const at = this.cuts.findIndex((c) => Math.abs(c - mm) < 0.05);
    return at < 0 ? 1 : at + 1;
  }

  /** A text in columns from..to of `row` (merged when wider than one column). */
  put(row: number, from: number, to: number, text: string, style: CellStyle): void {
    const address = `${colToLetters(from)}${row}`;
    // an empty paragraph (room for a signature) only sets the row's height
    if (text || style.border || style.fill) this.cells.push({ address, value: text, style });
    if (to > from) {
      this.merges.push(`${address}:${colToLetters(to)}${row}`);
      // a border on a merged range must be on every cell of it to print
      if (style.border)
        for (let c = from + 1; c <= to; c++) this.cells.push({ address: `${colToLetters(c)}${row}`, style });
    }
    const width = this.widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
    const size = style.size ?? BODY_SIZE;
    const h = text.trim() ? linesNeeded(text, width, style) * size * 1.34 + 3 : EMPTY_ROW;
    this.heights.set(row, Math.min(MAX_ROW_HEIGHT, Math.max(this.heights.get(row) ?? 0, h)));
  }

  paragraph(para: Para): void {
    const style = styleOf(para, BODY_SIZE);
    const before = para.before && para.before >= 12 ? 1 : 0;
    // a large space before (the title) becomes a short empty row, as in the Word file
    if (before) this.heights.set(this.row++, 8);
    this.put(this.row++, 1, this.widths.length, textOf(para), style);
  }

  table(t: Extract<Block, { kind: 'table' }>): void {
    for (const cells of t.rows) {
      let x = 0;
      let col = 0;
      let used = 1;
      for (const cell of cells) {
        const span = cell.span ?? 1;
        const from = this.column(x);
        for (let i = 0; i < span; i++) x += t.columns[col + i] ?? 0;
        col += span;
        const to = this.column(Math.min(TEXT_WIDTH_MM, Math.round(x * 10) / 10)) - 1;
        const extra: CellStyle = {
          ...(t.borders ? { border: true } : {}),
          ...(cell.shade ? { fill: SHADE } : {}),
        };
        if (t.borders) {
          // one bordered cell: its paragraphs as lines
          const first = cell.paras[0];
          const style = { ...(first ? styleOf(first, t.size ?? BODY_SIZE) : { font: DOC_FONT }), ...extra };
          this.put(this.row, from, to, cell.paras.map(textOf).join('\n'), style);
        } else {
          cell.paras.forEach((para, i) =>
            this.put(this.row + i, from, to, textOf(para), {
              ...styleOf(para, t.size ?? BODY_SIZE),
              ...extra,
            }),
          );
          used = Math.max(used, cell.paras.length);
        }
      }
      this.row += t.borders ? 1 : used;
    }
  }

  sheet(name: string): SheetSpec {
    const last = this.row - 1;
    return {
      name,
      columns: this.widths.map((width) => ({ width })),
      rows: [...this.heights.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height })),
      cells: this.cells,
      merges: this.merges,
      names: [],
      validations: [],
      conditionalFormats: [],
      freeze: { rows: 0, columns: 0 },
      print: {
        orientation: 'portrait',
        paper: 'A4',
        fitToWidth: true,
        area: `A1:${colToLetters(this.widths.length)}${Math.max(1, last)}`,
        margins: { ...PAGE.margins },
      },
      protect: false,
    };
  }
}

/** One document as a sheet named `name`. */
export function docSheet(doc: DocModel, name: string): SheetSpec {
  const b = new SheetBuilder(grid(doc.blocks));
  for (const block of doc.blocks) {
    if (block.kind === 'p') b.paragraph(block);
    else {
      b.table(block);
      // a little air after the header block and before the signature
      b.heights.set(b.row++, 8);
    }
  }
  return b.sheet(name);
}

/** The dossier sheets (báo cáo kết quả, biên bản họp xét, tờ trình) from the documents. */
export function sheetsOfDocuments(docs: readonly DocModel[]): SheetSpec[] {
  return DOSSIER_SHEETS.flatMap(({ id, name }) => {
    const doc = docs.find((d) => d.id === id);
    return doc ? [docSheet(doc, name)] : [];
  });
}

/** The dossier sheets straight from the evaluation: the same content as the Word files. */
export function dossierSheets(
  pack: Pack,
  plan: Plan,
  values: Values,
  evaluation: Evaluation,
  opts: DossierOptions = {},
): SheetSpec[] {
  return sheetsOfDocuments(dossierDocuments(pack, plan, values, evaluation, opts));
}
