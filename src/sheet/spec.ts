/**
 * A worksheet described as plain data. `layout.ts` builds it from a pack; the writers
 * (src/xlsx with ExcelJS, src/excel with the Office JavaScript API) only translate it, so that the CLI template and
 * the sheet the add-in inserts are the same sheet.
 * Addresses are A1-style without sheet name ("B7", "B7:D9"); rows and columns are 1-based.
 */

export type HAlign = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'middle' | 'bottom';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string; // "RRGGBB"
  fill?: string; // "RRGGBB"
  hAlign?: HAlign;
  vAlign?: VAlign;
  wrap?: boolean;
  border?: boolean;
  numFmt?: string;
  /** false = input cell (unlocked under sheet protection) */
  locked?: boolean;
  font?: string;
}

export interface CellSpec {
  address: string;
  /** literal value; strings are always written as text (never parsed as a formula) */
  value?: string | number | boolean;
  /** formula without the leading "=" */
  formula?: string;
  style?: CellStyle;
  /** this cell is where the user types */
  input?: boolean;
}

export type ValidationSpec =
  | { address: string; type: 'list'; values: readonly string[]; prompt?: string; error: string }
  | {
      address: string;
      type: 'whole';
      min: number;
      max?: number;
      prompt?: string;
      error: string;
    }
  | { address: string; type: 'date'; min: number; max: number; prompt?: string; error: string };

export interface ConditionalFormatSpec {
  /** range the rule applies to */
  range: string;
  /** formula relative to the top-left cell of `range`, without "=" */
  formula: string;
  style: { fill: string; color?: string; bold?: boolean };
  /** priority, lower first */
  priority: number;
}

export interface DefinedNameSpec {
  name: string;
  /** absolute address on this sheet, e.g. "$D$12" */
  address: string;
}

export interface ColumnSpec {
  width: number;
  hidden?: boolean;
}

/** A native chart over cells of its own sheet (the writers draw it; nothing is pictured by hand). */
export interface ChartSpec {
  /** pie: shares of a whole; bar: horizontal bars, one per category */
  type: 'pie' | 'bar';
  title: string;
  /** the category labels, a one-column range ("A5:A9") */
  categories: string;
  /** the values, a one-column range of the same length ("B5:B9") */
  values: string;
  /** the series name (legend, tooltips) */
  seriesName: string;
  /** the cell at the chart's top-left corner and its size in columns and rows */
  anchor: { col: number; row: number; cols: number; rows: number };
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  /** row heights where set explicitly */
  rows: Array<{ row: number; height: number }>;
  cells: CellSpec[];
  merges: string[];
  names: DefinedNameSpec[];
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  /** rows/columns frozen above/left of the table */
  freeze: { rows: number; columns: number };
  print: {
    orientation: 'landscape' | 'portrait';
    paper: 'A4';
    fitToWidth: boolean;
    /** e.g. "1:12" repeated at the top of every printed page */
    titleRows?: string;
    area?: string;
    /** page margins in millimetres (the writers' defaults otherwise) */
    margins?: { top: number; bottom: number; left: number; right: number };
    /** rows that begin a new printed page (manual page breaks above them) */
    rowBreaks?: number[];
  };
  /** sheet protection without password: only cells with `locked: false` can be edited */
  protect: boolean;
  tabColor?: string;
  /** the range with a filter button on each header cell ("A4:P40") */
  autoFilter?: string;
  charts?: ChartSpec[];
}
