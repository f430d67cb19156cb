/**
 * Sheet names in the defined names ExcelJS writes, quoted as Excel needs them. ExcelJS 4.4 leaves a
 * name bare when it is only letters and digits — so a sheet called "R1C1", "A1" or "2025" comes out
 * as `R1C1!$D$4`, which Excel reads as a reference, not a sheet — and it never doubles an apostrophe
 * inside a quoted name (`'O'Neil'!$D$4`). Every <definedName> of workbook.xml that points at one of
 * our sheets is rewritten with ../sheet/address.ts `quoteSheet`.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { decodeEntities } from '../io/xml';
import { quoteSheet } from '../sheet/address';

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');

/**
 * The ranges of a defined name's text ("S!$D$4", "'S'!$A:$B,'S'!$1:$1"), each with its sheet
 * requoted when it is one of `sheets` (longest names first: "Tiêu chí (2)" before "Tiêu chí").
 * Addresses hold no comma, so a range ends at the first comma after its sheet.
 */
function requoteRanges(text: string, sheets: readonly string[]): string {
  const out: string[] = [];
  let rest = text;
  while (rest !== '') {
    let sheet: string | undefined;
    let after = rest;
    for (const s of sheets) {
      const prefix = [`'${s}'!`, `${s}!`].find((p) => rest.startsWith(p));
      if (prefix) {
        sheet = s;
        after = rest.slice(prefix.length);
        break;
      }
    }
    const comma = after.indexOf(',');
    const address = comma < 0 ? after : after.slice(0, comma);
    out.push(sheet === undefined ? address : `${quoteSheet(sheet)}!${address}`);
    rest = comma < 0 ? '' : after.slice(comma + 1);
  }
  return out.join(',');
}

/** workbook.xml with the sheet names inside its defined names quoted correctly. */
export function requoteDefinedNames(workbookXml: string, sheetNames: readonly string[]): string {
  const sheets = [...sheetNames].sort((a, b) => b.length - a.length);
  return workbookXml.replace(
    /(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g,
    (_m, open: string, body: string, close: string) =>
      `${open}${escapeXml(requoteRanges(decodeEntities(body), sheets))}${close}`,
  );
}

/** The .xlsx bytes with workbook.xml's defined names requoted (see above). */
export function requoteWorkbookNames(xlsx: Uint8Array, sheetNames: readonly string[]): Uint8Array {
  const files = unzipSync(xlsx);
  const wb = files['xl/workbook.xml'];
  if (!wb) throw new Error('the written workbook has no xl/workbook.xml (programmer error)');
  files['xl/workbook.xml'] = strToU8(requoteDefinedNames(strFromU8(wb), sheetNames));
  return zipSync(files, { level: 6 });
}
