/**
 * A hostile unit workbook that passes every size/ratio check but keeps a reader busy: its
 * `xl/workbook.xml` is ~48 MB of small elements (just under the 50 MB per-entry limit, varied
 * enough that the compression ratio stays below 100:1), parsed in one go between two time-limit
 * checks. About half a second of reading in Node; the add-in's worker must be stopped from outside.
 */
import { strToU8, zipSync } from 'fflate';

export function slowWorkbook(): Uint8Array {
  let seed = 9745;
  // mulberry32: deterministic, varied enough for the deflate ratio
  const rnd = (): string => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0).toString(36);
  };
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><bookViews>',
  ];
  for (let i = 0; i < 1_200_000; i++) parts.push(`<v a="${rnd()}" b="cccccccccccccccccccc"/>`);
  parts.push('</bookViews></workbook>');
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8(parts.join('')),
    },
    { level: 6 },
  );
}
