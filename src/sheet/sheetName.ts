/**
 * Worksheet names: Excel's rules, and a free name beside the ones a workbook already has. Pure.
 *
 * Excel refuses a worksheet name that is empty, longer than 31 characters, contains one of
 * \ / ? * [ ] :, starts or ends with an apostrophe, or is "History" (any case: the name Excel
 * reserves for its change-history sheet). Microsoft's "Rename a worksheet" help page lists these
 * rules; DevExpress and Telerik document the same ones for their Excel-compatible writers. Names are
 * compared without regard to case, as Excel does. (How a name is quoted inside a formula is
 * ./address.ts `quoteSheet`.)
 */

/** Longest worksheet name Excel accepts. */
export const SHEET_NAME_MAX = 31;

export type SheetNameProblem = 'empty' | 'tooLong' | 'forbiddenChar' | 'apostropheEdge' | 'reserved';

/** Vietnamese reasons, for a message that names the sheet. */
export const SHEET_NAME_PROBLEM_VI: Readonly<Record<SheetNameProblem, string>> = {
  empty: 'tên trang không được để trống',
  tooLong: `tên trang tối đa ${SHEET_NAME_MAX} ký tự`,
  forbiddenChar: 'tên trang không được chứa \\ / ? * [ ] :',
  apostropheEdge: "tên trang không được bắt đầu hay kết thúc bằng dấu '",
  reserved: 'Excel dành riêng tên “History”',
};

/** Why Excel would refuse `name` as a worksheet name; undefined when it accepts it. */
export function sheetNameProblem(name: string): SheetNameProblem | undefined {
  if (name === '') return 'empty';
  if (name.length > SHEET_NAME_MAX) return 'tooLong';
  if (/[\\/?*[\]:]/.test(name)) return 'forbiddenChar';
  if (name.startsWith("'") || name.endsWith("'")) return 'apostropheEdge';
  if (name.toLowerCase() === 'history') return 'reserved';
  return undefined;
}

/** True when Excel accepts `name` and no name in `taken` equals it (case-insensitively). */
export function isFreeSheetName(name: string, taken: Iterable<string>): boolean {
  if (sheetNameProblem(name) !== undefined) return false;
  const key = name.toLowerCase();
  for (const t of taken) if (t.toLowerCase() === key) return false;
  return true;
}

/**
 * `base`, or `base (2)`, `base (3)` … — the first valid name not in `taken` (case-insensitive),
 * cut so that it stays within 31 characters. `base` must itself be a valid name.
 */
export function freeSheetName(base: string, taken: Iterable<string>): string {
  if (sheetNameProblem(base) === 'forbiddenChar') throw new Error(`no free sheet name from “${base}”`);
  const keys = new Set([...taken].map((t) => t.toLowerCase()));
  const fits = (suffix: string): string => `${base.slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`;
  for (let i = 1; ; i++) {
    const name = fits(i === 1 ? '' : ` (${i})`);
    if (sheetNameProblem(name) === undefined && !keys.has(name.toLowerCase())) return name;
  }
}
