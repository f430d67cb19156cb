/**
 * Cell names and boolean labels of a pack, apart from the zod schema (./schema.ts) so that the
 * engine, the sheets and the readers never load zod: it is needed only to validate user files.
 */

/** Id of the evidence cell of criterion N. */
export function evidenceId(criterion: { number: number }): string {
  return `tc${criterion.number}_minh_chung`;
}
/** Defined name of the status cell of criterion N. */
export function statusName(criterion: { number: number }): string {
  return `kq_tc${criterion.number}`;
}

export const BOOL_YES = 'Có';
export const BOOL_NO = 'Không';

/**
 * "A1"-style or R1C1-style names are rejected by Excel as defined names: `a1`, `xfd9`, and every
 * R1C1 form — `r`, `c`, `rc`, `r1`, `c2`, `r1c`, `rc1`, `r1c1`.
 */
export function looksLikeCellRef(name: string): boolean {
  return /^[a-z]{1,3}[0-9]+$/i.test(name) || /^(?=.)(r[0-9]*)?(c[0-9]*)?$/i.test(name);
}
