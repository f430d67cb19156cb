/**
 * The report sheet printed the way an official prints it: LibreOffice converts the workbook to PDF
 * (artifacts/dossier/bao-cao.pdf) and, when poppler's pdftoppm is installed, the pages are rendered
 * to PNG (artifacts/dossier/bao-cao-N.png) for a look by eye.
 */
import { sofficeConvert } from '../helpers/libreoffice';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { evaluate } from '../../src/engine/evaluate';
import { excelDate } from '../../src/engine/dates';
import { getBuiltinPack } from '../../src/pack/registry';
import type { Pack } from '../../src/pack/schema';
import { getBuiltinPlan } from '../../src/plan/registry';
import type { Plan } from '../../src/plan/schema';
import { dossierSheets } from '../../src/dossier/sheets';
import { writeWorkbook } from '../../src/xlsx/write';
import { fullPassValues } from '../helpers/samples';
import { at } from '../helpers/at';

const OUT = resolve(__dirname, '..', '..', 'artifacts', 'dossier');
const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Text drawn on the PDF pages (uncompressed content streams' literal strings), best effort. */
function pdfStreams(pdf: Buffer): string {
  let out = '';
  const s = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out += inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      out += ''; // not a deflated stream (fonts, images): nothing to read
    }
  }
  return out;
}

test('the report converts to an A4 portrait PDF of a few pages', () => {
  const xa = getBuiltinPack('xa') as Pack;
  const values = {
    ...fullPassValues(xa, { year: 2025 }),
    ten_don_vi: 'Phường 1',
    loai_don_vi: 'Phường',
    tinh: 'Tỉnh Đồng Tháp',
    tc16_tu_diem: 1,
  };
  const plan = getBuiltinPlan('mac-dinh') as Plan;
  const ev = evaluate(xa, values, { today: excelDate(2025, 12, 31), plan });
  const report = at(dossierSheets(xa, plan, values, ev), 0);
  mkdirSync(OUT, { recursive: true });
  return writeWorkbook([report]).then((bytes) => {
    const xlsx = join(OUT, 'bao-cao.xlsx');
    writeFileSync(xlsx, bytes);
    sofficeConvert('pdf', OUT, [xlsx]);
    const pdfFile = join(OUT, 'bao-cao.pdf');
    expect(existsSync(pdfFile)).toBe(true);
    const pdf = readFileSync(pdfFile);
    const text = pdf.toString('latin1');
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(
      (b) => [Number(b[3]) - Number(b[1]), Number(b[4]) - Number(b[2])],
    );
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w = 0, h = 0] of boxes) {
      expect(Math.abs(w - 595)).toBeLessThan(2); // A4 portrait: 210 × 297 mm = 595 × 842 pt
      expect(Math.abs(h - 842)).toBeLessThan(2);
    }
    const pages = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // fit to width: the table never spills onto extra pages sideways; the report's sections and the
    // appendix of 34 criteria take a handful of pages (8 today), not dozens of over-tall rows
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(10);
    expect(pdfStreams(pdf).length).toBeGreaterThan(0);

    if (!has('pdftoppm')) {
      console.warn(
        'pdftoppm (poppler-utils) không có: bỏ qua bước vẽ PDF thành PNG; xem artifacts/dossier/bao-cao.pdf',
      );
      return;
    }
    // pages of an earlier run would be counted too
    for (const f of readdirSync(OUT)) if (/^bao-cao-\d+\.png$/.test(f)) rmSync(join(OUT, f));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, join(OUT, 'bao-cao')], { stdio: 'pipe' });
    const pngs = readdirSync(OUT).filter((f) => /^bao-cao-\d+\.png$/.test(f));
    expect(pngs.length).toBe(pages);
  });
});
