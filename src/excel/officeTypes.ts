/**
 * The subset of the Office.js Excel API this folder uses, as structural interfaces. The real
 * `Excel.RequestContext` is checked against them at compile time (officeHost.ts passes it where an
 * `XlContext` is expected), and the fake host (test/fakes/fakeExcel.ts) implements exactly them —
 * so the code under test cannot call anything the fake does not model.
 */

export type XlScalar = string | number | boolean;
export type XlCellWrite = XlScalar | null;
type Loadable = { load(propertyNames?: string | string[]): unknown };

export interface XlContext {
  workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

export interface XlWorkbook {
  worksheets: XlWorksheetCollection;
  names: XlNamedItemCollection;
  /** ExcelApi 1.2: worksheet functions evaluated by Excel in the workbook's own date system */
  functions: XlFunctions;
}

export interface XlFunctionResult<T> extends Loadable {
  value: T;
  error: string;
}

export interface XlFunctions {
  /** DATE(year, month, day): "a number from 1900 or 1904 (depending on the workbook's date system)" */
  date(year: number, month: number, day: number): XlFunctionResult<number>;
}

export interface XlWorksheetCollection extends Loadable {
  items: XlWorksheet[];
  add(name?: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
}

export interface XlProtectionOptions {
  allowAutoFilter?: boolean;
  allowDeleteColumns?: boolean;
  allowDeleteRows?: boolean;
  allowEditObjects?: boolean;
  allowEditScenarios?: boolean;
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowInsertColumns?: boolean;
  allowInsertHyperlinks?: boolean;
  allowInsertRows?: boolean;
  allowPivotTables?: boolean;
  allowSort?: boolean;
  selectionMode?: string;
}

export interface XlWorksheetProtection extends Loadable {
  protected: boolean;
  /** ExcelApi 1.2: the options the sheet is protected with */
  options: XlProtectionOptions;
  /** ExcelApi 1.2 for options; 1.7 for password */
  protect(options?: XlProtectionOptions, password?: string): void;
  /** ExcelApi 1.7 for password */
  unprotect(password?: string): void;
}

export interface XlFreezePanes {
  freezeAt(frozenRange: string): void;
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
}

export interface XlPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** margins in points */
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  setPrintTitleRows(range: string): void;
  setPrintArea(range: string): void;
  /** ExcelApi 1.9: 1 = the sheet's pages are numbered from 1 */
  firstPageNumber: number | '';
  headersFooters: { defaultForAllPages: { leftFooter: string; rightFooter: string } };
}

/** ExcelApi 1.9 */
export interface XlPageBreakCollection {
  /** a manual page break above the range's first row */
  add(pageBreakRange: string): unknown;
}

export interface XlChangedArgs {
  worksheetId: string;
  address: string;
  /** ExcelApi 1.14 */
  triggerSource?: string;
  /** ExcelApi 1.9: only when a single cell changed */
  details?: { valueBefore: unknown; valueAfter: unknown };
}

/** Options of `Excel.run` (Excel.RunOptions). */
export interface XlRunOptions {
  /** wait until the user leaves cell-edit mode instead of failing the batch */
  delayForCellEdit?: boolean;
}

export interface XlEventHandlerResult {
  remove(): void;
}

/** `Excel.run`, and `Excel.run(context, …)` to reuse the context an event handler was added in. */
export type XlRun = <T>(
  batch: (context: XlContext) => Promise<T>,
  reuse?: XlContext,
  options?: XlRunOptions,
) => Promise<T>;

export interface XlWorksheet extends Loadable {
  name: string;
  id: string;
  isNullObject: boolean;
  tabColor: string;
  names: XlNamedItemCollection;
  protection: XlWorksheetProtection;
  freezePanes: XlFreezePanes;
  pageLayout: XlPageLayout;
  horizontalPageBreaks: XlPageBreakCollection;
  /** ExcelApi 1.1 */
  charts: XlChartCollection;
  /** ExcelApi 1.9 */
  autoFilter: XlAutoFilter;
  onChanged: { add(handler: (args: XlChangedArgs) => Promise<unknown>): XlEventHandlerResult };
  getRange(address?: string): XlRange;
  // No getUsedRange: on a large data sheet its values exceed the 5 MB payload limit of Excel on the
  // web (docs/real-excel.md); the add-in reads only the rectangle its defined names span.
  activate(): void;
  delete(): void;
}

export interface XlChart {
  title: { text: string };
  legend: { visible: boolean };
  series: { getItemAt(index: number): { name: string } };
  /** ExcelApi 1.1 */
  dataLabels: { showValue: boolean };
  /** ExcelApi 1.1; `reversePlotOrder` ExcelApi 1.7 */
  axes: { categoryAxis: { reversePlotOrder: boolean } };
  /** ExcelApi 1.1: from the top-left cell to the bottom-right one ("D4", "L20") */
  setPosition(startCell: string, endCell?: string): void;
}

export interface XlChartCollection {
  /** ExcelApi 1.1: type "Pie", "BarClustered"…; seriesBy "Columns" */
  add(type: string, sourceData: XlRange, seriesBy?: string): XlChart;
}

export interface XlAutoFilter {
  /** ExcelApi 1.9 */
  apply(range: string): void;
}

export interface XlNamedItemCollection extends Loadable {
  items: XlNamedItem[];
  add(name: string, reference: string, comment?: string): XlNamedItem;
  getItemOrNullObject(name: string): XlNamedItem;
}

export interface XlNamedItem extends Loadable {
  name: string;
  type: string;
  /** for a range name: its address with the sheet, e.g. "'Tiêu chí'!$D$12" */
  value: unknown;
  comment: string;
  visible: boolean;
  isNullObject: boolean;
  getRange(): XlRange;
  delete(): void;
}

export interface XlBorder {
  style: string;
  color: string;
}

export interface XlRangeFormat extends Loadable {
  fill: { color: string; clear(): void } & Loadable;
  font: { bold: boolean; italic: boolean; size: number; color: string; name: string } & Loadable;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  columnWidth: number;
  rowHeight: number;
  borders: {
    getItem(
      index: 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal',
    ): XlBorder;
  };
  protection: { locked: boolean };
}

export interface XlListRule {
  inCellDropDown: boolean;
  source: string | object;
}
export interface XlBasicRule {
  formula1: string | number | object;
  formula2?: string | number | object;
  operator: string;
}
export interface XlDataValidationRule {
  list?: XlListRule;
  wholeNumber?: XlBasicRule;
  date?: XlBasicRule;
}

export interface XlDataValidation {
  rule: XlDataValidationRule;
  errorAlert: { message?: string; showAlert?: boolean; style?: string; title?: string };
  prompt: { message?: string; showPrompt?: boolean; title?: string };
  ignoreBlanks: boolean;
}

export interface XlCustomConditionalFormat extends Loadable {
  isNullObject: boolean;
  rule: { formula: string } & Loadable;
  format: {
    fill: { color: string };
    font: { color: string; bold: boolean };
  };
}

export interface XlConditionalFormat extends Loadable {
  /** ExcelApi 1.6: load it, or the item is addressed by its position in the collection */
  id: string;
  type: string;
  priority: number;
  stopIfTrue: boolean;
  custom: XlCustomConditionalFormat;
  customOrNullObject: XlCustomConditionalFormat;
  delete(): void;
}

export interface XlConditionalFormatCollection extends Loadable {
  items: XlConditionalFormat[];
  add(type: 'Custom'): XlConditionalFormat;
  getItem(id: string): XlConditionalFormat;
}

export interface XlRange extends Loadable {
  isNullObject: boolean;
  address: string;
  /** null entries leave a cell unchanged when writing */
  values: XlCellWrite[][];
  formulas: XlCellWrite[][];
  numberFormat: string[][];
  columnHidden: boolean;
  format: XlRangeFormat;
  dataValidation: XlDataValidation;
  conditionalFormats: XlConditionalFormatCollection;
  merge(across?: boolean): void;
  select(): void;
}
