import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { InputError } from '../../src/io/errors';
import { XmlError, scanXml, decodeEntities } from '../../src/io/xml';
import { readWorkbookBuffer } from '../../src/io/xlsx';
import { buildXlsx, buildZip } from './zipBuilder';

let valid: Uint8Array;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiêu chí');
  ws.getCell('B2').value = 'Xã An Bình';
  ws.getCell('B3').value = 7;
  ws.getCell('B4').value = { formula: 'B3*2', result: 14 };
  wb.definedNames.add("'Tiêu chí'!$B$2", 'ten_don_vi');
  wb.definedNames.add("'Tiêu chí'!$B$3", 'so');
  wb.definedNames.add("'Tiêu chí'!$B$4", 'kq');
  // store uncompressed so that mutations hit XML text as well as zip structures
  valid = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
});

/** Either a result or an InputError naming the file — never any other exception. */
function readsOrRejects(buf: Uint8Array): void {
  try {
    readWorkbookBuffer(buf, 'fuzz.xlsx');
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.file).toBe('fuzz.xlsx');
    expect(e.message).not.toContain('\n');
  }
}

describe('robustness', () => {
  test('the unmutated workbook reads', () => {
    const data = readWorkbookBuffer(valid, 'ok.xlsx');
    expect(Object.fromEntries(data.names)).toEqual({ ten_don_vi: 'Xã An Bình', so: 7, kq: 14 });
  });

  test('the fixture is stored uncompressed (mutations reach the XML text)', () => {
    expect(new TextDecoder('latin1').decode(valid)).toContain('<definedName');
  });

  test('byte mutations of a valid workbook never escape as anything but InputError', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        (muts) => {
          const buf = valid.slice();
          for (const [pos, byte] of muts) buf[pos % buf.length] = byte;
          readsOrRejects(buf);
        },
      ),
      { numRuns: 400, seed: 9745 },
    );
  });

  test('mutated XML parts (valid zip, valid CRCs) never escape as anything but InputError', () => {
    const wbXml =
      '<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="T c" sheetId="1" r:id="rId1"/></sheets>' +
      '<definedNames><definedName name="a">\'T c\'!$A$1</definedName><definedName name="b">\'T c\'!$B$2</definedName></definedNames></workbook>';
    const sheetXml =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>x&amp;y</t></is></c></row></sheetData></worksheet>';
    const sst = '<sst><si><r><t>Đạt</t></r><rPh><t>z</t></rPh></si></sst>';
    const chars = fc.constantFrom(
      '<',
      '>',
      '/',
      '"',
      "'",
      '&',
      ';',
      '!',
      '[',
      ']',
      'x',
      ' ',
      '=',
      '#',
      '$',
      ':',
    );
    const mutate = (text: string, muts: [number, string][]): string => {
      let out = text;
      for (const [pos, ch] of muts) {
        const p = pos % (out.length + 1);
        out = out.slice(0, p) + ch + out.slice(p + 1);
      }
      return out;
    };
    const muts = fc.array(fc.tuple(fc.nat(), chars), { minLength: 1, maxLength: 4 });
    let ok = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), muts, (which, m) => {
        const parts = {
          workbook: which === 0 ? mutate(wbXml, m) : wbXml,
          sheets: [which === 1 ? mutate(sheetXml, m) : sheetXml],
          sharedStrings: which === 2 ? mutate(sst, m) : sst,
        };
        try {
          readWorkbookBuffer(buildXlsx(parts), 'fuzz.xlsx');
          ok++;
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          rejected++;
        }
      }),
      { numRuns: 1500, seed: 4 },
    );
    // the property explored both outcomes
    expect(ok).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });

  test('truncations and random zips are rejected cleanly', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), (cut) => readsOrRejects(valid.subarray(0, cut % valid.length))),
      { numRuns: 200, seed: 1 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string({ maxLength: 30 }), data: fc.string({ maxLength: 200 }) }), {
          maxLength: 5,
        }),
        (entries) => readsOrRejects(buildZip(entries)),
      ),
      { numRuns: 200, seed: 2 },
    );
  });

  test('scanXml on arbitrary text either completes or throws XmlError', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('<', '>', '/', '!', '?', '-', '[', ']', '"', "'", 'a', ' ', '=', 'C', 'D'),
        }),
        (s) => {
          try {
            scanXml(s, { open() {}, close() {}, text() {} });
          } catch (e) {
            if (!(e instanceof XmlError)) throw e;
          }
        },
      ),
      { numRuns: 2000, seed: 3 },
    );
  });

  test('decodeEntities is linear on adversarial input', () => {
    const s = '&'.repeat(200_000) + ';';
    expect(decodeEntities(s)).toBe(s);
    expect(decodeEntities('&#x1F600;&#128512;&amp;amp;')).toBe('😀😀&amp;');
  });
});
