/**
 * Golden structure of the dossier sheets (src/dossier/sheets.ts): rendered from the same documents as
 * the Word files, so every sheet says what its .docx says — the header (issuer left, Quốc hiệu and
 * Tiêu ngữ right, number and place line), the body paragraphs one per merged row, the signature block,
 * the criteria table with borders — with the print settings of Nghị định 30/2020 and row heights that
 * grow with the text.
 */
import { dossierDocuments } from '../../src/dossier/documents';
import { DOC_FONT, paragraphsOf, type DocModel } from '../../src/dossier/model';
import {
  DOSSIER_SHEETS,
  MINUTES_SHEET,
  REPORT_SHEET,
  SUBMISSION_SHEET,
  docSheet,
  dossierSheets,
  linesNeeded,
} from '../../src/dossier/sheets';
import { QUOC_HIEU, TIEU_NGU } from '../../src/dossier/frame';
import { excelDate } from '../../src/engine/dates';
import { evaluate } from '../../src/engine/evaluate';
import type { Values } from '../../src/engine/values';
import { getBuiltinPack } from '../../src/pack/registry';
import type { Pack } from '../../src/pack/schema';
import { getBuiltinPlan } from '../../src/plan/registry';
import type { Plan } from '../../src/plan/schema';
import type { CellSpec, SheetSpec } from '../../src/sheet/spec';
import { fullPassValues } from '../helpers/samples';
import { at } from '../helpers/at';

const xa = getBuiltinPack('xa') as Pack;
const coquan = getBuiltinPack('coquan') as Pack;
const plan = (id: string): Plan => getBuiltinPlan(id) as Plan;
const PHUONG_1 = { ten_don_vi: 'Phường 1', loai_don_vi: 'Phường', tinh: 'Tỉnh Đồng Tháp' };

function dossier(pack: Pack, planId: string, extra: Values): { docs: DocModel[]; sheets: SheetSpec[] } {
  const values = { ...fullPassValues(pack, { year: 2025 }), ...extra };
  const p = plan(planId);
  const ev = evaluate(pack, values, { today: excelDate(2025, 12, 31), plan: p });
  return { docs: dossierDocuments(pack, p, values, ev), sheets: dossierSheets(pack, p, values, ev) };
}

const cellAt = (s: SheetSpec, a: string): CellSpec | undefined =>
  s.cells.find((c) => c.address === a && c.value !== undefined);
const val = (s: SheetSpec, a: string) => cellAt(s, a)?.value;
const texts = (s: SheetSpec): string[] =>
  s.cells.filter((c) => typeof c.value === 'string' && c.value).map((c) => String(c.value));
const find = (s: SheetSpec, pred: (v: string) => boolean): CellSpec | undefined =>
  s.cells.find((c) => typeof c.value === 'string' && pred(c.value));
const rowOf = (c: CellSpec): number => Number(c.address.replace(/^[A-Z]+/, ''));
const heightOf = (s: SheetSpec, row: number): number => s.rows.find((r) => r.row === row)?.height ?? 0;

describe('the dossier sheets of Phường 1 (default plan), one criterion failing', () => {
  const { docs, sheets } = dossier(xa, 'mac-dinh', { ...PHUONG_1, tc16_tu_diem: 1 });
  const [report, minutes, submission] = [at(sheets, 0), at(sheets, 1), at(sheets, 2)];

  it('three sheets named as before, in dossier order', () => {
    expect(sheets.map((s) => s.name)).toEqual([REPORT_SHEET, MINUTES_SHEET, SUBMISSION_SHEET]);
    expect(DOSSIER_SHEETS.map((d) => d.name)).toEqual(['Báo cáo kết quả', 'Biên bản họp xét', 'Tờ trình']);
  });

  it.each(DOSSIER_SHEETS.map((d, i) => [d.name, d.id, i] as const))(
    '%s says exactly what %s.docx says',
    (_name, id, i) => {
      const doc = docs.find((d) => d.id === id) as DocModel;
      const words = paragraphsOf(doc.blocks).filter((t) => t.trim());
      // every cell is a paragraph of the document, or (criteria table) a cell's paragraphs as lines
      const cells = texts(at(sheets, i));
      const lines = cells.flatMap((t) => t.split('\n'));
      expect(lines).toEqual(words);
      expect(cells.length).toBeGreaterThan(20);
    },
  );

  it('header: issuing body left, Quốc hiệu and Tiêu ngữ right, number, the place line done right', () => {
    expect(val(submission, 'A1')).toBe('ỦY BAN NHÂN DÂN');
    expect(val(submission, 'A2')).toBe('PHƯỜNG 1');
    expect(cellAt(submission, 'A2')?.style).toMatchObject({ bold: true, hAlign: 'center' });
    const right = submission.merges
      .find((m) => m.startsWith('A1:'))
      ?.split(':')[1]
      ?.replace(/\d+$/, '');
    const col = String.fromCharCode((right ?? 'A').charCodeAt(0) + 1);
    expect(val(submission, `${col}1`)).toBe(QUOC_HIEU);
    expect(val(submission, `${col}2`)).toBe(TIEU_NGU);
    expect(val(submission, 'A3')).toBe('Số: …/TTr-UBND');
    expect(val(submission, `${col}3`)).toBe('Phường 1, ngày … tháng … năm …');
    expect(cellAt(submission, `${col}3`)?.style?.italic).toBe(true);
    expect(val(report, 'A3')).toBe('Số: …/BC-UBND');
    expect(val(minutes, 'A3')).toMatch(/^Số: …\/BB-/);
    expect(find(submission, (v) => v === 'TỜ TRÌNH')?.style).toMatchObject({ bold: true, hAlign: 'center' });
    expect(find(submission, (v) => v.startsWith('Kính gửi: '))?.value).toBe(
      'Kính gửi: Ban Chỉ đạo 138 tỉnh (qua Công an tỉnh).',
    );
  });

  it('signer from the plan, Nơi nhận beside it, nothing asks for "(Ký, ghi rõ họ tên…)"', () => {
    const noiNhan = find(submission, (v) => v === 'Nơi nhận:') as CellSpec;
    expect(noiNhan.style).toMatchObject({ bold: true, italic: true });
    const r = rowOf(noiNhan);
    expect(val(submission, `A${r + 1}`)).toBe('- Như trên;');
    const signer = submission.cells.filter((c) => rowOf(c) === r && c !== noiNhan).map((c) => c.value);
    expect(signer).toEqual(['TM. ỦY BAN NHÂN DÂN']);
    for (const s of sheets) {
      expect(texts(s).some((t) => /Ký, ghi rõ/.test(t))).toBe(false);
      expect(texts(s).some((t) => /^1, ngày/.test(t))).toBe(false);
    }
    // room for the signature: the rows under the title are there, empty, before the "…" of the name
    const name = submission.cells.filter((c) => c.value === '…' && c.style?.bold).pop() as CellSpec;
    expect(rowOf(name) - r).toBeGreaterThanOrEqual(5);
  });

  it('the criteria table: bordered, header shaded, one row per criterion, the failing one bold', () => {
    const head = find(report, (v) => v === 'Nội dung tiêu chí') as CellSpec;
    expect(head.style).toMatchObject({ bold: true, border: true, fill: 'E7E6E6' });
    const ids = report.cells
      .filter((c) => c.style?.border && /^TC\d+$/.test(String(c.value)))
      .map((c) => String(c.value));
    expect(ids).toEqual(xa.groups.flatMap((g) => g.criteria.map((c) => c.id)));
    const tc16 = report.cells.find((c) => c.style?.border && c.value === 'TC16') as CellSpec;
    const row = report.cells.filter((c) => rowOf(c) === rowOf(tc16) && c.value !== undefined);
    expect(row.map((c) => c.value)).toEqual([
      'TC16',
      expect.any(String),
      'Không đạt',
      expect.stringMatching(/: 1\nGhi chú: /),
      expect.any(String),
    ]);
    expect(at(row, 2).style?.bold).toBe(true);
    // a bordered merged range carries its border on every cell (else it does not print)
    for (const m of report.merges.filter((x) => cellAt(report, at(x.split(':'), 0))?.style?.border)) {
      const [a = '', b = ''] = m.split(':');
      const r = rowOf({ address: a });
      for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++)
        expect(
          report.cells.some((x) => x.address === `${String.fromCharCode(c)}${r}` && x.style?.border),
        ).toBe(true);
    }
  });

  it('ND 30 print settings, Times New Roman, editable, row heights that grow with the text', () => {
    for (const s of sheets) {
      expect(s.print).toMatchObject({
        orientation: 'portrait',
        paper: 'A4',
        fitToWidth: true,
        margins: { top: 20, bottom: 20, left: 30, right: 15 },
      });
      expect(s.print.area).toMatch(new RegExp(`^A1:[A-Z]${at(s.rows, s.rows.length - 1).row}$`));
      expect(s.cells.every((c) => c.style?.font === DOC_FONT)).toBe(true);
      expect(s.protect).toBe(false);
      // text width of the page: 165 mm ≈ 89 Excel width units
      const width = s.columns.reduce((n, c) => n + c.width, 0);
      expect(width).toBeGreaterThan(85);
      expect(width).toBeLessThan(92);
      for (const r of s.rows) expect(r.height).toBeGreaterThan(0);
      for (const r of s.rows) expect(r.height).toBeLessThanOrEqual(409);
    }
    const short = find(report, (v) => v === 'II. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO') as CellSpec;
    const long = find(report, (v) => v.startsWith('Ủy ban nhân dân phường 1 báo cáo kết quả')) as CellSpec;
    expect(heightOf(report, rowOf(long))).toBeGreaterThan(2 * heightOf(report, rowOf(short)));
  });
});

describe('the sheets follow the issuer and signer of the document', () => {
  it('a school: the school in capitals, signed HIỆU TRƯỞNG', () => {
    const { docs, sheets } = dossier(coquan, 'mac-dinh', {
      ten_don_vi: 'Trường THCS Nguyễn Du',
      loai_don_vi: 'Cơ sở giáo dục',
      tinh: 'Thành phố Hà Nội',
    });
    const submission = at(sheets, 2);
    const doc = docs.find((d) => d.id === 'to-trinh') as DocModel;
    expect(texts(submission).flatMap((t) => t.split('\n'))).toEqual(
      paragraphsOf(doc.blocks).filter((t) => t.trim()),
    );
    expect(texts(submission)).toContain('TRƯỜNG THCS NGUYỄN DU');
    expect(texts(submission)).toContain('HIỆU TRƯỞNG');
    expect(texts(submission)).not.toContain('THỦ TRƯỞNG ĐƠN VỊ');
  });

  it('a passing commune: the minutes propose recognition, the submission has no warning', () => {
    const { sheets } = dossier(xa, 'mac-dinh', PHUONG_1);
    const [minutes, submission] = [at(sheets, 1), at(sheets, 2)];
    expect(find(minutes, (v) => v.includes('thống nhất đề nghị'))?.value).toBe(
      'Phường 1 đạt 34/34 tiêu chí áp dụng, đủ điều kiện lựa chọn; hội nghị thống nhất đề nghị Ban Chỉ đạo 138 tỉnh xem xét, công nhận phường 1 điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2025.',
    );
    expect(find(submission, (v) => v.startsWith('Lưu ý'))).toBeUndefined();
  });

  it('a unit that meets every criterion but not a gating prerequisite: not proposed', () => {
    const { sheets } = dossier(xa, 'mac-dinh', { ...PHUONG_1, an_toan_nam_truoc: 'Không' });
    const minutes = at(sheets, 1);
    expect(find(minutes, (v) => v.includes('chưa đề nghị công nhận'))?.value).toBe(
      'Phường 1 đạt 34/34 tiêu chí áp dụng nhưng chưa đủ điều kiện lựa chọn: Năm trước được công nhận đạt tiêu chuẩn An toàn về an ninh, trật tự (TT 124/2021/TT-BCA); chưa đề nghị công nhận.',
    );
    expect(find(minutes, (v) => v.includes('thống nhất đề nghị'))).toBeUndefined();
  });
});

describe('the renderer on a small model', () => {
  it('places table cells on the grid of every table boundary and paragraphs across it', () => {
    const sheet = docSheet(
      {
        id: 'to-trinh',
        fileName: 'x.docx',
        title: 'x',
        blocks: [
          {
            kind: 'table',
            columns: [65, 100],
            borders: false,
            rows: [
              [
                { paras: [{ kind: 'p', runs: [{ text: 'TRÁI', bold: true }] }] },
                {
                  paras: [
                    { kind: 'p', runs: [{ text: 'PHẢI 1' }] },
                    { kind: 'p', runs: [{ text: 'PHẢI 2', italic: true }] },
                  ],
                },
              ],
            ],
          },
          { kind: 'p', runs: [{ text: 'Đậm ', bold: true }, { text: 'thường' }], align: 'justify' },
          {
            kind: 'table',
            columns: [100, 65],
            borders: true,
            rows: [
              [
                {
                  paras: [
                    { kind: 'p', runs: [{ text: 'a' }] },
                    { kind: 'p', runs: [{ text: 'b' }] },
                  ],
                },
                { paras: [], shade: true },
              ],
            ],
          },
        ],
      },
      'Thử',
    );
    // boundaries 0, 65, 100, 165 → three columns
    expect(sheet.columns).toHaveLength(3);
    expect(sheet.merges).toEqual(expect.arrayContaining(['B1:C1', 'B2:C2', 'A4:C4', 'A5:B5']));
    expect(val(sheet, 'A1')).toBe('TRÁI');
    expect(cellAt(sheet, 'A1')?.style?.bold).toBe(true);
    expect(val(sheet, 'B2')).toBe('PHẢI 2');
    expect(cellAt(sheet, 'B2')?.style?.italic).toBe(true);
    // mixed runs: one style for the cell, bold only when the whole paragraph is
    expect(val(sheet, 'A4')).toBe('Đậm thường');
    expect(cellAt(sheet, 'A4')?.style).toMatchObject({ hAlign: 'left' });
    expect(cellAt(sheet, 'A4')?.style?.bold).toBeUndefined();
    expect(val(sheet, 'A5')).toBe('a\nb');
    expect(cellAt(sheet, 'C5')?.style).toMatchObject({ border: true, fill: 'E7E6E6' });
  });

  it('estimates wrapped lines from the width, the size and capitals', () => {
    const words = Array.from({ length: 40 }, () => 'chữ').join(' ');
    expect(linesNeeded('ngắn', 80, { size: 14 })).toBe(1);
    expect(linesNeeded(words, 80, { size: 14 })).toBeGreaterThan(1);
    expect(linesNeeded(words, 40, { size: 14 })).toBeGreaterThan(linesNeeded(words, 80, { size: 14 }));
    expect(linesNeeded('a\nb\nc', 80, { size: 14 })).toBe(3);
  });
});
