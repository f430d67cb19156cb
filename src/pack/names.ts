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
