/** What a worksheet cell holds, as the engine sees it. Dates are Excel serial numbers. */
export type CellValue = number | string | boolean | null;
export type Values = Readonly<Record<string, CellValue | undefined>>;

/** Blank as Excel's LEN(TRIM(x))=0: empty, or only spaces. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && /^ *$/.test(v));
}

/** The cell content as Excel's & operator would print it (numbers with a Vietnamese decimal comma). */
export function rawText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v).replace('.', ',');
  return v;
}
