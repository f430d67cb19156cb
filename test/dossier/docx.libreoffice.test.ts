/**
 * The Word dossier opened the way an official's office suite opens it: LibreOffice Writer converts
 * every generated .docx to PDF (artifacts/dossier-docx/<unit>/<doc>.pdf), poppler renders page 1 to
 * PNG (…/<doc>-1.png) for a look by eye, and pdftotext checks what is printed on the pages.
 * Needs soffice (libreoffice-writer-nogui) and poppler-utils, both installed by .ci/run.
 */
import { sofficeConvert } from '../helpers/libreoffice';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeDocx } from '../../src/docx/write';
import { dossierDocuments } from '../../src/dossier/documents';
import type { DocModel } from '../../src/dossier/model';
import { excelDate } from '../../src/engine/dates';
import { evaluate } from '../../src/engine/evaluate';
import type { Values } from '../../src/engine/values';
import { getBuiltinPack } from '../../src/pack/registry';
import type { Pack } from '../../src/pack/schema';
import { getBuiltinPlan } from '../../src/plan/registry';
import type { Plan } from '../../src/plan/schema';
import { fullPassValues } from '../helpers/samples';
import { at } from '../helpers/at';

const ARTIFACTS = resolve(__dirname, '..', '..', 'artifacts', 'dossier-docx');

interface Case {
  name: string;
  pack: string;
  plan: string;
  values: Values;
  header: string[];
  /** the biên bản's chủ quản line: the unit's own body */
  minutesParent: string;
  signer: string;
}

const CASES: Case[] = [
  {
    name: 'phuong-1',
    pack: 'xa',
    plan: 'mac-dinh',
    values: { ten_don_vi: 'Phường 1', loai_don_vi: 'Phường', tinh: 'Tỉnh Đồng Tháp', tc16_tu_diem: 1 },
    header: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG 1', 'Phường 1, ngày … tháng … năm …'],
    minutesParent: 'UBND PHƯỜNG 1',
    signer: 'CHỦ TỊCH',
  },
  {
    name: 'truong-thcs',
    pack: 'coquan',
    plan: 'thanh-hoa-2023',
    values: { ten_don_vi: 'Trường THCS Nguyễn Du', loai_don_vi: 'Cơ sở giáo dục', tinh: 'Tỉnh Thanh Hóa' },
    header: ['TRƯỜNG THCS NGUYỄN DU', 'Thanh Hóa, ngày … tháng … năm …'],
    minutesParent: 'TRƯỜNG THCS NGUYỄN DU',
    signer: 'HIỆU TRƯỞNG',
  },
];

function documents(c: Case): DocModel[] {
  const pack = getBuiltinPack(c.pack) as Pack;
  const plan = getBuiltinPlan(c.plan) as Plan;
  const values = { ...fullPassValues(pack, { year: 2025 }), ...c.values };
  const ev = evaluate(pack, values, { today: excelDate(2025, 12, 31), plan });
  return dossierDocuments(pack, plan, values, ev);
}

/** Converts the .docx files to PDF in `dir` with a private LibreOffice profile. */
function toPdf(dir: string, files: string[]): void {
  sofficeConvert('pdf', dir, files);
}

const pdfText = (pdf: string, layout = false): string =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
  }).normalize('NFC');
/** words only: pdftotext may split a justified line's words or join lines */
const words = (s: string): string => s.replace(/\s+/g, ' ').trim();

function pdfInfo(pdf: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    size: /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? '',
  };
}

describe.each(CASES)('the Word dossier of $name in LibreOffice', (c) => {
  const dir = join(ARTIFACTS, c.name);
  const docs = documents(c);

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const d of docs) {
      const path = join(dir, d.fileName);
      writeFileSync(path, await writeDocx(d));
      files.push(path);
    }
    toPdf(dir, files);
  });

  it.each(docs.map((d) => [d.id]))('%s converts to A4 PDF, page 1 rendered to PNG', (id) => {
    const pdf = join(dir, `${id}.pdf`);
    const { pages, size } = pdfInfo(pdf);
    expect(size).toMatch(/^595\.\d* x 841\.\d* pts \(A4\)$/);
    expect(pages).toBeGreaterThanOrEqual(1);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdf, join(dir, id)], {
      stdio: 'pipe',
    });
    expect(readdirSync(dir).filter((f) => f.startsWith(`${id}-`) && f.endsWith('.png'))).toHaveLength(1);
  });

  it.each(docs.map((d) => [d.id]))(
    '%s prints the ND 30 header and the signer, nothing to strike out',
    (id) => {
      const text = words(pdfText(join(dir, `${id}.pdf`)));
      const header = id === 'bien-ban-hop-xet' ? [c.minutesParent, c.header[c.header.length - 1]] : c.header;
      for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', ...header])
        expect(text).toContain(line);
      expect(text).not.toMatch(/Ký, ghi rõ|ghi rõ họ tên|đóng dấu|THỦ TRƯỞNG ĐƠN VỊ/);
      expect(text).toContain(id === 'bien-ban-hop-xet' ? 'CHỦ TRÌ' : c.signer);
    },
  );

  it('keeps the tờ trình to two pages, its signature with the closing sentence', () => {
    const pdf = join(dir, 'to-trinh.pdf');
    expect(pdfInfo(pdf).pages).toBeLessThanOrEqual(2);
    const pages = pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim());
    const last = words(at(pages, pages.length - 1));
    expect(last).toContain('Nơi nhận:');
    // the signature page is never the signature alone
    expect(last).toMatch(/Kính trình .* xem xét, quyết định\.\/\./);
  });

  it('puts the criteria appendix of the report on pages of its own with the table header repeated', () => {
    const pages = pdfText(join(dir, 'bao-cao-ket-qua.pdf'), true)
      .split('\f')
      .filter((p) => p.trim());
    const first = pages.findIndex((p) => words(p).startsWith('Phụ lục') || /^\s*\d*\s*Phụ lục/.test(p));
    expect(first).toBeGreaterThan(0);
    const appendix = pages.slice(first);
    expect(appendix.length).toBeGreaterThanOrEqual(2);
    // the header row, read with the page layout kept, on every page of the table
    for (const page of appendix)
      expect(page).toMatch(/^\s*TC\s+Nội dung tiêu chí\s+Kết quả\s+Số liệu\s+Minh chứng\s*$/m);
  });
});
