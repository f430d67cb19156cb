/**
 * The filled commune sheet printed the way an official prints it: LibreOffice converts it to PDF
 * (artifacts/print/tieu-chi-xa.pdf, pages as PNG for a look by eye) and the PDF's text is read page
 * by page (pdftotext): every criterion block lies on one page (its Minh chứng value at the top of
 * the block and its evidence hint closing it are on the same page), A4 landscape, page numbers
 * "Trang i/N" of the sheet's own pages, the long unit name printed whole (wrapped, not clipped),
 * and no text smaller than 10 pt (word boxes of the smallest text).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getBuiltinPack } from '../../src/pack/registry';
import { evidenceId, type Pack } from '../../src/pack/schema';
import { buildCriteriaSheet } from '../../src/sheet/layout';
import { writeWorkbook } from '../../src/xlsx/write';
import { sofficeConvert } from '../helpers/libreoffice';
import { fullPassValues } from '../helpers/samples';
import { at } from '../helpers/at';

const OUT = resolve(__dirname, '..', '..', 'artifacts', 'print');
const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const haveTools = has('soffice') && has('pdftotext') && has('pdfinfo');
if (!haveTools) console.warn('Bỏ qua kiểm thử in: cần soffice, pdftotext và pdfinfo (poppler-utils).');
const testPrint = haveTools ? test : test.skip;

const UNIT = 'Xã Hòa Bình Thượng, huyện Châu Thành, tỉnh Đồng Tháp (đơn vị điểm xây dựng mô hình tự quản)';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squash = (s: string): string => s.replace(/\s+/g, ' ');

testPrint(
  'the filled commune sheet prints on A4 landscape pages, no criterion split across pages',
  async () => {
    const xa = getBuiltinPack('xa') as Pack;
    const criteria = xa.groups.flatMap((g) => g.criteria);
    const values: Record<string, string | number | boolean | null> = {
      ...fullPassValues(xa, { year: 2025 }),
      ten_don_vi: UNIT,
    };
    // a recognisable Minh chứng in every block, one criterion not met, one passed without evidence
    for (const c of criteria) values[evidenceId(c)] = `MC-${c.id} số 12/NQ-ĐU ngày 05/02/2025`;
    values.tc1_quan_triet = 'Không';
    values[evidenceId(at(criteria, 1))] = null;
    mkdirSync(OUT, { recursive: true });
    const xlsx = join(OUT, 'tieu-chi-xa.xlsx');
    writeFileSync(xlsx, await writeWorkbook([buildCriteriaSheet(xa, { values })]));
    sofficeConvert('pdf', OUT, [xlsx]);
    const pdf = join(OUT, 'tieu-chi-xa.pdf');
    expect(existsSync(pdf)).toBe(true);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    // A4 landscape: 842 × 595 pt
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)|Page size:\s+842 x 595 pts/);
    expect(pages).toBeGreaterThan(2);
    const text: string[] = [];
    for (let p = 1; p <= pages; p++) {
      text.push(
        execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], {
          encoding: 'utf8',
        }),
      );
    }

    // page numbers of the sheet's own pages, on every page
    text.forEach((t, i) => expect(t).toContain(`Trang ${i + 1}/${pages}`));

    // each block: its Minh chứng (top) and its evidence hint (bottom row) on one and the same page
    const pageOf = (re: RegExp): number[] => text.flatMap((t, i) => (re.test(t) ? [i + 1] : []));
    const split: string[] = [];
    for (const [i, c] of criteria.entries()) {
      const hint = pageOf(new RegExp(`\\(${c.id}\\):`));
      const top = i === 1 ? pageOf(new RegExp(`^\\s*${c.id}\\b`, 'm')) : pageOf(new RegExp(`MC-${c.id}\\b`));
      expect(hint).toHaveLength(1);
      expect(top.length).toBeGreaterThanOrEqual(1);
      if (!top.includes(at(hint, 0)))
        split.push(`${c.id}: đầu ở trang ${top.join(',')}, cuối ở trang ${hint[0]}`);
    }
    expect(split).toEqual([]);

    // the long unit name is printed whole (wrapped over lines, not clipped)
    expect(squash(at(text, 0))).toMatch(new RegExp(UNIT.split(' ').map(escape).join('\\s+(?:\\S+\\s+)*?')));

    // the smallest text is at least 10 pt: word boxes of a 10 pt font are ≥ 10 pt tall at 100 %
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', String(pages), pdf, '-'], {
      encoding: 'utf8',
    });
    const heights = [...bbox.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map(
      (m) => Number(m[2]) - Number(m[1]),
    );
    expect(heights.length).toBeGreaterThan(1000);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(10);

    if (has('pdftoppm')) {
      for (const f of readdirSync(OUT)) if (/^tieu-chi-xa-\d+\.png$/.test(f)) rmSync(join(OUT, f));
      execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(OUT, 'tieu-chi-xa')], { stdio: 'pipe' });
    }
  },
);
