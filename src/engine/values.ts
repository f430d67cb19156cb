import { sheetNumberText } from './numbers';

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
  if (typeof v === 'number') return sheetNumberText(v);
  return v;
}

/**
 * A cell read back as plain text: strings NFC-normalised with runs of white space folded to one
 * space and trimmed, numbers and logicals as JavaScript prints them, blank as "". For comparing
 * what a workbook holds (a unit's name, the stamp's texts), never for printing numbers.
 */
export function plainText(v: CellValue | undefined): string {
  if (typeof v === 'string') return v.normalize('NFC').replace(/\s+/g, ' ').trim();
  return v === null || v === undefined ? '' : String(v);
}

/** Excel's TRIM: removes leading and trailing spaces (U+0020 only) and folds inner runs to one. */
export function excelTrim(s: string): string {
  return s.replace(/^ +| +$/g, '').replace(/ {2,}/g, ' ');
}

/**
 * Every spelling of a label the engine and the sheet accept for it: the label as written and its
 * NFD (decomposed) form, which some input methods and copy-paste produce. Comparison is
 * case-insensitive and after TRIM in both backends.
 */
export function spellings(labels: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of labels) {
    for (const form of [l.normalize('NFC'), l.normalize('NFD')]) if (!out.includes(form)) out.push(form);
  }
  return out;
}
