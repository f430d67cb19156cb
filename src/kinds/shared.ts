/** Pieces several kinds share: the period-end `due`, percentages in messages and in texts. */
import { div, mul, n, type MsgPart, type Num } from '../engine/ast';

/** A requirement's `due` that means "the end of the plan's evaluation period". */
export const PERIOD_END_DUE = 'het_ky';

/**
 * a / b × 100 as a percentage with one decimal, or two where one would hide the comparison (TC29:
 * 1/66 = 1,52% and 1/67 = 1,49% both round to 1,5%); b > 0 guaranteed by the caller's branch.
 */
export function pctOf(a: Num, b: Num, fmt: 'pct1' | 'pct2' = 'pct1'): MsgPart {
  return { num: div(mul(a, n(100)), b), fmt };
}

/** 5 → "5", 1.5 → "1,5" */
export function fmtPct(v: number): string {
  return String(v).replace('.', ',');
}
