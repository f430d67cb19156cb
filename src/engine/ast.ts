/**
 * The one rule representation. Pack requirements compile (./compile.ts) into these small trees;
 * ./evaluate.ts interprets them in TypeScript and src/sheet/formula.ts prints them as portable
 * Excel 2010 formulas. Only primitives that mean the same in Excel, LibreOffice, WPS and
 * HyperFormula appear here; boolean connectives are short-circuit in both backends.
 */
import type { StatusCode } from './status';

/** Numeric expressions. `ref` is only used where a guard has proven the cell holds a number. */
export type Num =
  | { t: 'n'; v: number }
  | { t: 'ref'; id: string }
  | { t: 'today' }
  | { t: 'asOf' }
  | { t: 'year' }
  /** DATE(year + yearOffset, m, d) in the evaluation year */
  | { t: 'date'; m: number; d: number; yearOffset?: number }
  | { t: 'yearOf'; x: Num }
  | { t: 'monthOf'; x: Num }
  | { t: 'dayOf'; x: Num }
  | { t: 'int'; x: Num }
  | { t: 'add' | 'sub' | 'mul'; a: Num; b: Num }
  /** a / b, only where b ≠ 0 is proven by a guard */
  | { t: 'div'; a: Num; b: Num }
  | { t: 'ifn'; c: Bool; then: Num; else: Num };

export type CmpOp = '<' | '<=' | '=' | '>=' | '>' | '<>';

export type Bool =
  | { t: 'true' }
  | { t: 'false' }
  /** empty, or only spaces (LEN(TRIM(x))=0) */
  | { t: 'blank'; id: string }
  /** holds a number (ISNUMBER) */
  | { t: 'isNum'; id: string }
  /**
   * TRIM(cell) equal (case-insensitive, as Excel's =) to one of the values. Callers list every
   * accepted spelling (e.g. the NFC and NFD forms of a label): neither backend normalises Unicode.
   */
  | { t: 'is'; id: string; values: readonly string[] }
  /** holds text (ISTEXT) */
  | { t: 'isText'; id: string }
  | { t: 'cmp'; op: CmpOp; a: Num; b: Num }
  | { t: 'and'; xs: readonly Bool[] }
  | { t: 'or'; xs: readonly Bool[] }
  | { t: 'not'; x: Bool };

/** Pieces of a Vietnamese message. Values are only printed where they are known to be valid. */
export type MsgPart =
  | string
  /** the raw cell content as typed */
  | { raw: string }
  /** the text of the first case whose condition holds, else `else` (nested IF in the sheet) */
  | { pick: ReadonlyArray<readonly [Bool, string]>; else: string }
  /** a number expression: integer, percentage with one or two decimals (input is a ratio ×100), or date */
  | { num: Num; fmt: 'int' | 'pct1' | 'pct2' | 'date' };
export type Msg = readonly MsgPart[];

export type StatusExpr =
  { t: 'leaf'; status: StatusCode; msg: Msg } | { t: 'if'; c: Bool; then: StatusExpr; else: StatusExpr };

/** One compiled requirement of a criterion. */
export interface CompiledRequirement {
  /** indicator ids the requirement reads (for highlighting and "go to") */
  indicators: readonly string[];
  expr: StatusExpr;
}

// Small constructors keep compile.ts readable.
export const n = (v: number): Num => ({ t: 'n', v });
export const ref = (id: string): Num => ({ t: 'ref', id });
export const cmp = (a: Num, op: CmpOp, b: Num): Bool => ({ t: 'cmp', op, a, b });
export const and = (...xs: Bool[]): Bool => ({ t: 'and', xs });
export const or = (...xs: Bool[]): Bool => ({ t: 'or', xs });
export const not = (x: Bool): Bool => ({ t: 'not', x });
export const blank = (id: string): Bool => ({ t: 'blank', id });
export const leaf = (status: StatusCode, ...msg: MsgPart[]): StatusExpr => ({ t: 'leaf', status, msg });
export const iff = (c: Bool, then: StatusExpr, otherwise: StatusExpr): StatusExpr => ({
  t: 'if',
  c,
  then,
  else: otherwise,
});
export const mul = (a: Num, b: Num): Num => ({ t: 'mul', a, b });
export const sub = (a: Num, b: Num): Num => ({ t: 'sub', a, b });
export const add = (a: Num, b: Num): Num => ({ t: 'add', a, b });
export const div = (a: Num, b: Num): Num => ({ t: 'div', a, b });
export const date = (m: number, d: number, yearOffset = 0): Num => ({ t: 'date', m, d, yearOffset });
export const ASOF: Num = { t: 'asOf' };
export const YEAR: Num = { t: 'year' };

/**
 * First-match chain: cases are tried in order, the last entry is the default.
 * Compiles to nested IFs in both backends.
 */
export function chain(cases: ReadonlyArray<readonly [Bool, StatusExpr]>, otherwise: StatusExpr): StatusExpr {
  return cases.reduceRight<StatusExpr>((acc, [c, s]) => iff(c, s, acc), otherwise);
}
