/** Rules for names Excel reads in formulas (no zod: the sheet and the add-in's first load use them). */

/**
 * "A1"-style or R1C1-style names are rejected by Excel as defined names: `a1`, `xfd9`, and every
 * R1C1 form — `r`, `c`, `rc`, `r1`, `c2`, `r1c`, `rc1`, `r1c1`.
 */
export function looksLikeCellRef(name: string): boolean {
  return /^[a-z]{1,3}[0-9]+$/i.test(name) || /^(?=.)(r[0-9]*)?(c[0-9]*)?$/i.test(name);
}
