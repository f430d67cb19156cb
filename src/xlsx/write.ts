/**
 * SheetSpec → .xlsx bytes with ExcelJS. A pure translation: every feature of the spec (values,
 * formulas, styles, merges, workbook-scope defined names, data validation, conditional formats,
 * frozen panes, autofilter, print setup, protection, hidden columns, charts through ./charts.ts)
 * and nothing else.
 */
import { colToLetters, lettersToCol } from '../sheet/address';
import ExcelJS from 'exceljs';
import type { CellSpec, CellStyle, SheetSpec, ValidationSpec } from '../sheet/spec';
import { addCharts } from './charts';

export interface WriteOptions {
  creator?: string;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A JS Date whose Excel serial (as ExcelJS converts it) is `serial`. */
function dateOfSerial(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + serial * 86_400_000);
}

function argb(rgb: string): string {
  return `FF${rgb.replace(/^#/, '').toUpperCase()}`;
}

export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  const font: Partial<ExcelJS.Font> = { name: s.font ?? 'Times New Roman', size: s.size ?? 11 };
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.color) font.color = { argb: argb(s.color) };
  cell.font = font;
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.hAlign) alignment.horizontal = s.hAlign;
  if (s.vAlign) alignment.vertical = s.vAlign;
  if (s.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length) cell.alignment = alignment;
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8EA9DB' } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.numFmt) cell.numFmt = s.numFmt;
  cell.protection = { locked: s.locked !== false };
}

function writeCell(ws: ExcelJS.Worksheet, c: CellSpec): void {
  const cell = ws.getCell(c.address);
  if (c.formula !== undefined) {
    cell.value = { formula: c.formula.replace(/^=/, '') };
  } else if (c.value !== undefined) {
    // ExcelJS stores JS strings as text (never parsed), so "=1+1" or "-3" stay literal strings.
    cell.value = c.value;
  }
  const style: CellStyle = { ...(c.style ?? {}) };
  if (c.input) style.locked = false;
  applyStyle(cell, style);
  // A string that a user could take for a formula is marked with Excel's quote prefix.
  if (typeof c.value === 'string' && /^[=+\-@]/.test(c.value)) {
    cell.style = { ...cell.style, quotePrefix: true } as Partial<ExcelJS.Style>;
  }
}

function validation(v: ValidationSpec): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: 'Giá trị không hợp lệ',
    error: v.error,
    ...(v.prompt ? { showInputMessage: true, promptTitle: 'Hướng dẫn nhập', prompt: v.prompt } : {}),
  };
  switch (v.type) {
    case 'list':
      return { ...common, type: 'list', formulae: [`"${v.values.join(',').replace(/"/g, '""')}"`] };
    case 'whole':
      return v.max === undefined
        ? { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [v.min] }
        : { ...common, type: 'whole', operator: 'between', formulae: [v.min, v.max] };
    case 'date':
      return {
        ...common,
        type: 'date',
        operator: 'between',
        formulae: [dateOfSerial(v.min), dateOfSerial(v.max)],
      };
  }
}

/** Expand "E5" or "E5:E9" to its cell addresses. */
function cellsOf(range: string): string[] {
  const [a = '', b] = range.split(':');
  if (!b) return [a];
  const s = ExcelJS_decode(a);
  const e = ExcelJS_decode(b);
  const out: string[] = [];
  for (let r = s.row; r <= e.row; r++) for (let c = s.col; c <= e.col; c++) out.push(colToLetters(c) + r);
  return out;
}

function ExcelJS_decode(a: string): { row: number; col: number } {
  const [, letters, digits] = /^\$?([A-Z]+)\$?([0-9]+)$/.exec(a) ?? [];
  if (letters === undefined) throw new Error(`Địa chỉ ô không hợp lệ: ${a}`);
  return { row: Number(digits), col: lettersToCol(letters) };
}

/** ExcelJS page margins are in inches. */
const mmToInch = (mm: number): number => Math.round((mm / 25.4) * 1000) / 1000;

async function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): Promise<void> {
  const ws = wb.addWorksheet(spec.name, {
    ...(spec.tabColor ? { properties: { tabColor: { argb: argb(spec.tabColor) } } } : {}),
    views:
      spec.freeze.rows > 0 || spec.freeze.columns > 0
        ? [
            {
              state: 'frozen',
              xSplit: spec.freeze.columns,
              ySplit: spec.freeze.rows,
              topLeftCell: `${colToLetters(spec.freeze.columns + 1)}${spec.freeze.rows + 1}`,
              activeCell: 'A1',
              showGridLines: true,
            },
          ]
        : [{ state: 'normal', activeCell: 'A1' }],
  });
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  for (const r of spec.rows) ws.getRow(r.row).height = r.height;
  for (const c of spec.cells) writeCell(ws, c);
  for (const m of spec.merges) ws.mergeCells(m);
  if (spec.autoFilter) ws.autoFilter = spec.autoFilter;
  for (const v of spec.validations) {
    for (const a of cellsOf(v.address)) ws.getCell(a).dataValidation = validation(v);
  }
  for (const cf of spec.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: 'expression',
          priority: cf.priority,
          formulae: [cf.formula],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.style.fill) } },
            font: {
              ...(cf.style.color ? { color: { argb: argb(cf.style.color) } } : {}),
              ...(cf.style.bold ? { bold: true } : {}),
            },
          },
        },
      ],
    });
  }
  const q = quoteSheetName(spec.name);
  for (const n of spec.names) wb.definedNames.add(`${q}!${n.address}`, n.name);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: spec.print.orientation,
    fitToPage: spec.print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    // the footer's page numbers count this sheet's own pages, also when the whole workbook prints
    firstPageNumber: 1,
    margins: spec.print.margins
      ? {
          left: mmToInch(spec.print.margins.left),
          right: mmToInch(spec.print.margins.right),
          top: mmToInch(spec.print.margins.top),
          bottom: mmToInch(spec.print.margins.bottom),
          header: 0.3,
          footer: 0.3,
        }
      : { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(spec.print.titleRows ? { printTitlesRow: spec.print.titleRows } : {}),
    // ExcelJS prefixes each end with "$"; the row "$" makes the stored reference fully absolute.
    ...(spec.print.area ? { printArea: spec.print.area.replace(/([A-Z]+)([0-9]+)/g, '$1$$$2') } : {}),
  };
  ws.headerFooter = { oddFooter: '&L&10&A&R&10Trang &P/&N' };
  // a manual break above each listed row (ExcelJS records it on the row before)
  for (const r of spec.print.rowBreaks ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
  if (spec.protect) {
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
}

/** Writes the sheets (in order) to a new workbook and returns the .xlsx bytes. */
export async function writeWorkbook(sheets: SheetSpec[], opts: WriteOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.creator ?? 'Tiêu chí';
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const s of sheets) await addSheet(wb, s);
  const out = await wb.xlsx.writeBuffer();
  const bytes = Buffer.from(out);
  // ExcelJS writes no charts: their parts are added to the zip it wrote (./charts.ts)
  return sheets.some((s) => s.charts?.length) ? Buffer.from(addCharts(bytes, sheets)) : bytes;
}
