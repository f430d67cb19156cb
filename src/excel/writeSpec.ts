/**
 * Writes a SheetSpec through Office.js as a new worksheet, in one batch (one `context.sync()`):
 * add the sheet, number formats, values and formulas in bulk over the sheet's bounding box, styles
 * grouped into rectangles, merges, names, data validation, conditional formats, freeze panes,
 * column widths, page layout and autofilter (ExcelApi 1.9), charts (1.1) and protection last. The caller decides the sheet name
 * and the name scope (workbook, or the new sheet for "add another").
 *
 * Literal strings are always text: a string Excel would turn into a formula, number, date or
 * boolean (`=`, `+`, `-`, `@`, "1.5", "28/34", "TRUE") gets the Text number format "@" first.
 */
import type { CellSpec, CellStyle, ChartSpec, SheetSpec, ValidationSpec } from '../sheet/spec';
import { serialToIso } from '../engine/dates';
import { colToLetters, parseArea, quoteSheet, rectAddress, type Rect } from '../sheet/address';
import type {
  XlCellWrite,
  XlContext,
  XlDataValidationRule,
  XlProtectionOptions,
  XlRange,
  XlWorksheet,
} from './officeTypes';

/** Which optional APIs the host has (ExcelApi requirement sets). */
export interface WriteFeatures {
  /** ExcelApi 1.4: worksheet-scoped names */
  sheetNames: boolean;
  /** ExcelApi 1.6 */
  conditionalFormats: boolean;
  /** ExcelApi 1.7: freeze panes, tab colour */
  freezePanes: boolean;
  /** ExcelApi 1.8 */
  dataValidation: boolean;
  /** ExcelApi 1.9 */
  pageLayout: boolean;
  /** ExcelApi 1.9: a filter button on each header cell */
  autoFilter: boolean;
  /** ExcelApi 1.1: native charts */
  charts: boolean;
  /** ExcelApi 1.7: a chart's categories top to bottom (reversed category axis) */
  chartAxisOrder: boolean;
}

export const ALL_FEATURES: WriteFeatures = {
  sheetNames: true,
  conditionalFormats: true,
  freezePanes: true,
  dataValidation: true,
  pageLayout: true,
  autoFilter: true,
  charts: true,
  chartAxisOrder: true,
};

/** The protection the criteria sheet uses: no password; formatting stays allowed. */
export const SHEET_PROTECTION: XlProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: true,
};

/** Would Excel read this text as something other than text? Then it needs the "@" format. */
export function needsTextFormat(s: string): boolean {
  const t = s.trim();
  if (/^[=+\-@]/.test(s)) return true;
  if (t === '') return false;
  if (/^(true|false)$/i.test(t)) return true;
  // numbers, percentages, currency, fractions, dates and times in any common form
  return /^[-+(]?[$€£¥₫]?\s*[0-9][0-9.,:/\s%-]*\)?\s*(am|pm|[$€£¥₫đ])?$/i.test(t);
}

/** Excel column width (characters of the default font) → points, as Office.js `columnWidth` wants. */
export function widthToPoints(width: number): number {
  return Math.round(((Math.floor(width * 7 + 5) * 72) / 96) * 100) / 100;
}

const hAlign = { left: 'Left', center: 'Center', right: 'Right' } as const;
const vAlign = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

function color(rrggbb: string): string {
  return `#${rrggbb.replace(/^#/, '').toUpperCase()}`;
}

/** The format part of a style (number format is written in bulk, separately). */
function styleKey(s: CellStyle | undefined): string {
  if (!s) return '';
  const { numFmt, ...rest } = s;
  void numFmt;
  const keys = Object.keys(rest).sort() as Array<keyof typeof rest>;
  return keys.length === 0 ? '' : JSON.stringify(keys.map((k) => [k, rest[k]]));
}

/** Group cells (row, col) into rectangles: runs along rows, then equal runs on consecutive rows. */
export function rectangles(cells: ReadonlyArray<{ row: number; col: number }>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c.col);
    byRow.set(c.row, list);
  }
  const runs: Rect[] = [];
  for (const [row, cols] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    const [first, ...rest] = [...new Set(cols)].sort((a, b) => a - b);
    if (first === undefined) continue;
    let start = first;
    let prev = start;
    for (const c of [...rest, Number.NaN]) {
      if (c === prev + 1) {
        prev = c;
        continue;
      }
      runs.push({ row, col: start, rows: 1, cols: prev - start + 1 });
      start = c;
      prev = c;
    }
  }
  // merge vertically: a run extends an open rectangle with the same columns ending on the row above
  const open = new Map<string, Rect>();
  const out: Rect[] = [];
  for (const r of runs) {
    const key = `${r.col}:${r.cols}`;
    const prev = open.get(key);
    if (prev && prev.row + prev.rows === r.row) prev.rows++;
    else {
      const rect = { ...r };
      open.set(key, rect);
      out.push(rect);
    }
  }
  return out;
}

function applyStyle(range: XlRange, s: CellStyle, rect: Rect): void {
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.size !== undefined) f.font.size = s.size;
  if (s.color !== undefined) f.font.color = color(s.color);
  if (s.font !== undefined) f.font.name = s.font;
  if (s.fill !== undefined) f.fill.color = color(s.fill);
  if (s.hAlign !== undefined) f.horizontalAlignment = hAlign[s.hAlign];
  if (s.vAlign !== undefined) f.verticalAlignment = vAlign[s.vAlign];
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.border) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
      f.borders.getItem(edge).style = 'Continuous';
    }
    if (rect.rows > 1) f.borders.getItem('InsideHorizontal').style = 'Continuous';
    if (rect.cols > 1) f.borders.getItem('InsideVertical').style = 'Continuous';
  }
  if (s.locked === false) f.protection.locked = false;
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function validationRule(v: ValidationSpec): XlDataValidationRule {
  switch (v.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: v.values.join(',') } };
    case 'whole':
      return v.max === undefined
        ? { wholeNumber: { formula1: v.min, operator: 'GreaterThanOrEqualTo' } }
        : { wholeNumber: { formula1: v.min, formula2: v.max, operator: 'Between' } };
    case 'date':
      return { date: { formula1: serialToIso(v.min), formula2: serialToIso(v.max), operator: 'Between' } };
  }
}

function cellRect(address: string): Rect {
  const r = parseArea(address);
  if (!r) throw new Error(`SheetSpec: bad address ${address}`);
  return r;
}

/** A1 address of whole columns, e.g. "C:C". */
function columnAddress(col: number): string {
  const a = colToLetters(col);
  return `${a}:${a}`;
}

export interface WriteSpecOptions {
  /** worksheet name (overrides spec.name) */
  sheetName: string;
  /** where the defined names go: the workbook, or the new sheet ("add another") */
  nameScope: 'workbook' | 'sheet';
  features: WriteFeatures;
}

/**
 * Queue every write of `spec` on a new worksheet. Nothing is synced here: the caller syncs once.
 * Returns the new worksheet proxy.
 */
export function queueSheetSpec(context: XlContext, spec: SheetSpec, options: WriteSpecOptions): XlWorksheet {
  const { sheetName, features } = options;
  const ws = context.workbook.worksheets.add(sheetName);
  // names first: Excel binds the names a formula uses when the formula is written, so with the
  // formulas first they would bind to another sheet's same-named names (a second criteria sheet,
  // or a user's own name) or to nothing (#NAME?)
  const scope = options.nameScope === 'sheet' ? ws.names : context.workbook.names;
  for (const n of spec.names) scope.add(n.name, `=${quoteSheet(sheetName)}!${n.address}`);
  const cells = mergedCells(spec.cells);
  queueContents(ws, cells);
  queueStyles(ws, cells);
  queueColumnsAndRows(ws, spec);
  for (const m of spec.merges) ws.getRange(m).merge(false);
  if (features.dataValidation) queueValidations(ws, spec.validations);
  if (features.conditionalFormats) queueConditionalFormats(ws, spec.conditionalFormats);
  if (features.freezePanes) queueView(ws, spec);
  if (features.pageLayout) queuePageLayout(ws, spec.print);
  if (features.autoFilter && spec.autoFilter) ws.autoFilter.apply(spec.autoFilter);
  if (features.charts) for (const c of spec.charts ?? []) addChart(ws, c, features.chartAxisOrder);
  if (spec.protect) ws.protection.protect(SHEET_PROTECTION);
  ws.activate();
  return ws;
}

type PlacedCell = CellSpec & { rect: Rect };

/** One entry per address: later entries refine earlier ones (merged areas restyle their cells). */
function mergedCells(specCells: readonly CellSpec[]): PlacedCell[] {
  const byAddress = new Map<string, PlacedCell>();
  for (const c of specCells) {
    const rect = cellRect(c.address);
    const prev = byAddress.get(c.address);
    byAddress.set(
      c.address,
      prev ? { ...prev, ...c, style: { ...prev.style, ...c.style }, rect } : { ...c, rect },
    );
  }
  return [...byAddress.values()];
}

/** Contents: one number-format write, one values write, one formulas write over the cells' box. */
function queueContents(ws: XlWorksheet, cells: readonly PlacedCell[]): void {
  if (cells.length === 0) return;
  const top = Math.min(...cells.map((c) => c.rect.row));
  const left = Math.min(...cells.map((c) => c.rect.col));
  const bottom = Math.max(...cells.map((c) => c.rect.row));
  const right = Math.max(...cells.map((c) => c.rect.col));
  const box: Rect = { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  const grid = <T>(fill: T): T[][] => Array.from({ length: box.rows }, () => Array<T>(box.cols).fill(fill));
  const formats = grid<string>('General');
  const values = grid<XlCellWrite>(null);
  const formulas = grid<XlCellWrite>(null);
  let anyValue = false;
  let anyFormula = false;
  const put = <T>(g: T[][], c: PlacedCell, v: T): void => {
    const line = g[c.rect.row - top];
    if (line) line[c.rect.col - left] = v;
  };
  for (const c of cells) {
    if (c.style?.numFmt) put(formats, c, c.style.numFmt);
    if (c.formula !== undefined) {
      put(formulas, c, `=${c.formula}`);
      anyFormula = true;
    } else if (c.value !== undefined) {
      if (typeof c.value === 'string' && needsTextFormat(c.value)) put(formats, c, '@');
      put(values, c, c.value);
      anyValue = true;
    }
  }
  const boxRange = ws.getRange(rectAddress(box));
  boxRange.numberFormat = formats;
  if (anyValue) boxRange.values = values;
  if (anyFormula) ws.getRange(rectAddress(box)).formulas = formulas;
}

/** Styles, grouped into rectangles of equal style. */
function queueStyles(ws: XlWorksheet, cells: readonly PlacedCell[]): void {
  const groups = new Map<string, { style: CellStyle; cells: Array<{ row: number; col: number }> }>();
  for (const c of cells) {
    const key = styleKey(c.style);
    if (!key || !c.style) continue;
    const g = groups.get(key) ?? { style: c.style, cells: [] };
    g.cells.push({ row: c.rect.row, col: c.rect.col });
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    for (const rect of rectangles(g.cells)) applyStyle(ws.getRange(rectAddress(rect)), g.style, rect);
  }
}

/** Column widths and hidden columns; row heights, one write per run of equal heights. */
function queueColumnsAndRows(ws: XlWorksheet, spec: SheetSpec): void {
  spec.columns.forEach((c, i) => {
    const r = ws.getRange(columnAddress(i + 1));
    r.format.columnWidth = widthToPoints(c.width);
    if (c.hidden) r.columnHidden = true;
  });
  const rows = [...spec.rows].sort((a, b) => a.row - b.row);
  let run: { first: number; last: number; height: number } | undefined;
  const flush = (): void => {
    if (run) ws.getRange(`${run.first}:${run.last}`).format.rowHeight = run.height;
  };
  for (const r of rows) {
    if (run && r.row === run.last + 1 && r.height === run.height) run.last = r.row;
    else {
      flush();
      run = { first: r.row, last: r.row, height: r.height };
    }
  }
  flush();
}

function queueValidations(ws: XlWorksheet, validations: SheetSpec['validations']): void {
  for (const v of validations) {
    const dv = ws.getRange(v.address).dataValidation;
    dv.rule = validationRule(v);
    dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Tiêu chí', message: clip(v.error, 255) };
    if (v.prompt) dv.prompt = { showPrompt: true, title: 'Tiêu chí', message: clip(v.prompt, 255) };
  }
}

function queueConditionalFormats(ws: XlWorksheet, formats: SheetSpec['conditionalFormats']): void {
  const rules = [...formats].sort((a, b) => a.priority - b.priority);
  rules.forEach((rule, i) => {
    const cf = ws.getRange(rule.range).conditionalFormats.add('Custom');
    cf.custom.rule.formula = `=${rule.formula}`;
    cf.custom.format.fill.color = color(rule.style.fill);
    if (rule.style.color) cf.custom.format.font.color = color(rule.style.color);
    if (rule.style.bold) cf.custom.format.font.bold = true;
    cf.priority = i;
  });
}

/** Frozen panes and the tab colour (ExcelApi 1.7). */
function queueView(ws: XlWorksheet, spec: SheetSpec): void {
  const { rows: fr, columns: fc } = spec.freeze;
  if (fr > 0 && fc > 0) ws.freezePanes.freezeAt(rectAddress({ row: 1, col: 1, rows: fr, cols: fc }));
  else if (fr > 0) ws.freezePanes.freezeRows(fr);
  else if (fc > 0) ws.freezePanes.freezeColumns(fc);
  if (spec.tabColor) ws.tabColor = color(spec.tabColor);
}

/** Print setup as the ExcelJS writer (src/xlsx/write.ts) writes it (ExcelApi 1.9). */
function queuePageLayout(ws: XlWorksheet, print: SheetSpec['print']): void {
  const p = ws.pageLayout;
  p.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  p.paperSize = 'A4';
  // as the ExcelJS writer (fitToWidth 1, fitToHeight 0): one page wide, as many pages tall as
  // needed — 0 = "automatic" (PageLayoutZoomOptions.verticalFitToPages, ExcelApi 1.9)
  if (print.fitToWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.titleRows) {
    const [a, b] = print.titleRows.split(':');
    p.setPrintTitleRows(`$${a}:$${b ?? a}`);
  }
  if (print.area) p.setPrintArea(print.area);
  // as the ExcelJS writer: the sheet's own page numbers in the footer, a break above each block
  p.firstPageNumber = 1;
  p.headersFooters.defaultForAllPages.leftFooter = '&10&A';
  p.headersFooters.defaultForAllPages.rightFooter = '&10Trang &P/&N';
  for (const r of print.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r}`);
  const m = print.margins;
  if (m) {
    const pt = (mm: number): number => Math.round((mm * 72 * 100) / 25.4) / 100;
    p.topMargin = pt(m.top);
    p.bottomMargin = pt(m.bottom);
    p.leftMargin = pt(m.left);
    p.rightMargin = pt(m.right);
  }
}

/** A native chart over its categories and values (adjacent columns of the same rows). */
function addChart(ws: XlWorksheet, c: ChartSpec, axisOrder: boolean): void {
  const [from] = c.categories.split(':');
  const to = c.values.split(':')[1] ?? c.values;
  const chart = ws.charts.add(
    c.type === 'pie' ? 'Pie' : 'BarClustered',
    ws.getRange(`${from}:${to}`),
    'Columns',
  );
  chart.title.text = c.title;
  chart.legend.visible = c.type === 'pie';
  chart.series.getItemAt(0).name = c.seriesName;
  chart.dataLabels.showValue = true;
  // a bar chart lists its first category at the bottom; the table's order (most failed first) reads
  // top to bottom, as in the CLI's workbook (src/xlsx/charts.ts)
  if (c.type === 'bar' && axisOrder) chart.axes.categoryAxis.reversePlotOrder = true;
  const { col, row, cols, rows } = c.anchor;
  chart.setPosition(`${colToLetters(col)}${row}`, `${colToLetters(col + cols - 1)}${row + rows - 1}`);
}
