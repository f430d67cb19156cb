/**
 * A requirement's number, flag or label that may name a pack parameter (`{ "param": "tc18_giam_pct" }`)
 * → its value. One resolver for the compiler (what the formulas test) and the sheet's expectation
 * texts (what the "Yêu cầu" column says), so both read the same values: the pack's parameters
 * with the plan's overrides applied (engine/compile.ts `effectiveParameters`). A valid pack names
 * only parameters of the right type (pack/validate.ts); the fallbacks keep these functions total.
 * zod-free.
 */
import type { BoolOrParam, LabelOrParam, NumberOrParam } from './schema';

export type ParamValues = Readonly<Record<string, number | boolean | string>>;

export function paramNumber(values: ParamValues, v: NumberOrParam): number {
  if (typeof v === 'number') return v;
  const p = values[v.param];
  return typeof p === 'number' ? p : 0;
}

export function paramBool(values: ParamValues, v: BoolOrParam): boolean {
  return typeof v === 'boolean' ? v : values[v.param] === true;
}

export function paramLabel(values: ParamValues, v: LabelOrParam): string {
  if (typeof v === 'string') return v;
  const p = values[v.param];
  return typeof p === 'string' ? p : '';
}
