/**
 * Golden structure of the Word dossier: each .docx is unzipped and word/document.xml is checked for
 * the page (A4, ND 30 margins), the font, the header table, the paragraphs that must be there and
 * those that must not (no "(Ký, ghi rõ họ tên…)", no "1, ngày" place line, no invented text).
 */
import { writeDocx } from '../../src/docx/write';
import { dossierDocuments } from '../../src/dossier/documents';
import { bodyOfUnit, headTitle, placeName } from '../../src/dossier/context';
import type { DocId, DocModel } from '../../src/dossier/model';
import { excelDate, serialToVi } from '../../src/engine/dates';
import { evaluate } from '../../src/engine/evaluate';
import type { Values } from '../../src/engine/values';
import { getBuiltinPack } from '../../src/pack/registry';
import type { Pack } from '../../src/pack/schema';
import { getBuiltinPlan } from '../../src/plan/registry';
import type { Plan } from '../../src/plan/schema';
import { allParagraphs, bodyBlocks, docxParts, type DocxParts } from '../helpers/docx';
import { fullPassValues, onTrackValues } from '../helpers/samples';
import { at } from '../helpers/at';

const xa = getBuiltinPack('xa') as Pack;
const coquan = getBuiltinPack('coquan') as Pack;
const plan = (id: string): Plan => getBuiltinPlan(id) as Plan;

function dossier(pack: Pack, planId: string, extra: Values, opts = {}): DocModel[] {
  const values = { ...fullPassValues(pack, { year: 2025 }), ...extra };
  const p = plan(planId);
  const ev = evaluate(pack, values, { today: excelDate(2025, 12, 31), plan: p });
  return dossierDocuments(pack, p, values, ev, opts);
}

async function parts(docs: DocModel[], id: DocId): Promise<DocxParts> {
  const d = docs.find((x) => x.id === id);
  if (!d) throw new Error(`no ${id}`);
  return docxParts(await writeDocx(d));
}

const PHUONG_1 = { ten_don_vi: 'Phường 1', loai_don_vi: 'Phường', tinh: 'Tỉnh Đồng Tháp' };
const SCHOOL = {
  ten_don_vi: 'Trường THCS Nguyễn Du',
  loai_don_vi: 'Cơ sở giáo dục',
  tinh: 'Thành phố Hà Nội',
};

describe('the Word dossier of a commune (Phường 1, default plan)', () => {
  const docs = dossier(xa, 'mac-dinh', PHUONG_1);

  it('writes five documents with their file names', () => {
    expect(docs.map((d) => d.fileName)).toEqual([
      'to-trinh.docx',
      'bao-cao-ket-qua.docx',
      'bien-ban-hop-xet.docx',
      'bao-cao-so-ket-6-thang.docx',
      'bao-cao-ra-soat.docx',
    ]);
  });

  it.each(docs.map((d) => [d.id]))('%s: A4 portrait, ND 30 margins, Times New Roman 14', async (id) => {
    const { document, styles } = await parts(docs, id);
    // 210 × 297 mm in twips; top/bottom 20 mm, left 30 mm, right 15 mm
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:rPrDefault>.*?<w:sz w:val="28"\/>/);
    // every run names the font; sizes stay within 11–14 pt
    const fonts = new Set([...document.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    const sizes = new Set([...document.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]) / 2));
    for (const s of sizes) expect([1, 11, 12, 13, 14]).toContain(s);
    // page numbers from page 2 on: a different first page
    expect(document).toContain('<w:titlePg/>');
  });

  it.each([
    ['to-trinh', 'Số: …/TTr-UBND'],
    ['bao-cao-ket-qua', 'Số: …/BC-UBND'],
    ['bao-cao-so-ket-6-thang', 'Số: …/BC-UBND'],
    ['bao-cao-ra-soat', 'Số: …/BC-UBND'],
  ])('%s opens with the ND 30 header table of the UBND', async (id, number) => {
    const blocks = bodyBlocks((await parts(docs, id as DocId)).document);
    const header = at(blocks, 0);
    expect(header.kind).toBe('tbl');
    expect(header.text.split('\n')).toEqual([
      'ỦY BAN NHÂN DÂN',
      'PHƯỜNG 1',
      '', // the rule under the issuer
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '', // the rule under the Tiêu ngữ
      number,
      'Phường 1, ngày … tháng … năm …',
    ]);
    // the two rules are bottom borders of short, indented paragraphs
    expect(header.xml.match(/<w:pBdr><w:bottom w:val="single"/g)).toHaveLength(2);
    // no grid lines in the header: every cell border is "none"
    const cellBorders = header.xml.match(/<w:tcBorders>[\s\S]*?<\/w:tcBorders>/g) ?? [];
    expect(cellBorders).toHaveLength(4);
    for (const b of cellBorders) expect(b).not.toContain('w:val="single"');
    expect(header.xml).toMatch(/<w:b\/>[\s\S]*ỦY BAN NHÂN DÂN/);
    expect(header.xml).toMatch(/<w:i\/>[\s\S]*Phường 1, ngày/);
  });

  it('Tờ trình: Kính gửi the plan receiver, basis, result, signer of the plan, Nơi nhận "Như trên"', async () => {
    const paras = allParagraphs((await parts(docs, 'to-trinh')).document);
    expect(paras).toEqual(
      expect.arrayContaining([
        'TỜ TRÌNH',
        'Về việc đề nghị xét, công nhận phường 1 điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2025',
        'Kính gửi: Ban Chỉ đạo 138 tỉnh (qua Công an tỉnh).',
        'Phường 1 đạt 34/34 tiêu chí áp dụng. Kết luận đánh giá: Đạt — đủ điều kiện đề nghị công nhận điển hình.',
        'Nơi nhận:',
        '- Như trên;',
        '- Lưu: VT.',
        'TM. ỦY BAN NHÂN DÂN',
        'CHỦ TỊCH',
        'Kính trình Ban Chỉ đạo 138 tỉnh (qua Công an tỉnh) xem xét, quyết định./.',
      ]),
    );
    expect(paras.some((p) => p.startsWith('Căn cứ Quyết định số 9745/QĐ-BCA-V05'))).toBe(true);
    // a standing plan: its number and date are left for the official
    expect(paras).toContain(
      'Căn cứ Kế hoạch số … ngày … của … về xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2025;',
    );
    expect(paras.some((p) => p.startsWith('Lưu ý'))).toBe(false);
  });

  it('Báo cáo kết quả: the sections of a real report in order, "…" where a person writes, the appendix table', async () => {
    const { document } = await parts(docs, 'bao-cao-ket-qua');
    const paras = allParagraphs(document);
    const sections = [
      'I. ĐẶC ĐIỂM TÌNH HÌNH',
      'II. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO',
      'III. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ',
      'IV. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
      'V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
      'VI. ĐỀ XUẤT, KIẾN NGHỊ',
      'Phụ lục',
    ];
    const positions = sections.map((s) => paras.indexOf(s));
    expect(positions.every((i) => i >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // no Kính gửi, so no "Như trên": the receiver is named
    expect(paras.some((p) => p.startsWith('Kính gửi'))).toBe(false);
    expect(paras).not.toContain('- Như trên;');
    expect(paras).toContain('- Ban Chỉ đạo 138 tỉnh (qua Công an tỉnh);');
    // each criterion with its result, figures and evidence
    expect(paras).toContain('TC1. Quán triệt, triển khai chủ trương: Đạt');
    expect(paras).toContain('- Minh chứng: Số 1/BC-UBND ngày 15/01/2025');
    expect(paras).toContain('- Phân loại phong trào năm trước (QĐ 510): Xuất sắc.');
    expect(paras.filter((p) => p === '…').length).toBeGreaterThanOrEqual(5);
    expect(paras).toContain(
      'KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÂY DỰNG PHƯỜNG 1 ĐIỂN HÌNH VỀ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2025',
    );
    // the appendix: a bordered table, its header row repeated on each page, a row per criterion
    const table = at(
      bodyBlocks(document).filter((b) => b.kind === 'tbl'),
      2,
    );
    const rowProps = table.xml.match(/<w:trPr>[\s\S]*?<\/w:trPr>/g) ?? [];
    expect(rowProps[0]).toContain('<w:tblHeader/>');
    expect(rowProps.filter((r) => r.includes('<w:tblHeader/>'))).toHaveLength(1);
    expect(table.xml).toContain('<w:insideH w:val="single"');
    expect(table.text.split('\n').slice(0, 5)).toEqual([
      'TC',
      'Nội dung tiêu chí',
      'Kết quả',
      'Số liệu',
      'Minh chứng',
    ]);
    const rows = table.xml.match(/<w:tr>/g) ?? [];
    expect(rows.length).toBe(1 + xa.groups.length + 34);
  });

  it('Biên bản: the plan review body under the UBND, THƯ KÝ and CHỦ TRÌ, the conclusion', async () => {
    const { document } = await parts(docs, 'bien-ban-hop-xet');
    const header = at(bodyBlocks(document), 0).text.split('\n');
    expect(header.slice(0, 2)).toEqual([
      'UBND PHƯỜNG 1',
      'BAN CHỈ ĐẠO XÂY DỰNG PHONG TRÀO TOÀN DÂN BẢO VỆ ANTQ',
    ]);
    expect(header).toContain('Số: …/BB-BCĐ');
    const paras = allParagraphs(document);
    expect(paras).toEqual(expect.arrayContaining(['BIÊN BẢN', 'THƯ KÝ', 'CHỦ TRÌ', 'III. KẾT LUẬN']));
    expect(
      paras.some((p) => p.includes('hội nghị thống nhất đề nghị Ban Chỉ đạo 138 tỉnh xem xét, công nhận')),
    ).toBe(true);
    expect(paras.some((p) => p.startsWith('Nơi nhận'))).toBe(false);
  });

  it('sơ kết 6 tháng and rà soát carry the as-of date and the plan dates', async () => {
    const mid = allParagraphs((await parts(docs, 'bao-cao-so-ket-6-thang')).document);
    expect(
      mid.some(
        (p) =>
          p.includes('số liệu tính đến ngày 31/12/2025') &&
          p.includes('hạn báo cáo theo kế hoạch: 15/06/2025'),
      ),
    ).toBe(true);
    expect(mid).toContain('III. NHIỆM VỤ 6 THÁNG CUỐI NĂM');
    const survey = allParagraphs((await parts(docs, 'bao-cao-ra-soat')).document);
    expect(survey).toEqual(
      expect.arrayContaining(['I. ĐIỀU KIỆN LỰA CHỌN', 'II. KẾT QUẢ RÀ SOÁT CÁC TIÊU CHÍ', 'Phụ lục']),
    );
  });

  it.each(docs.map((d) => [d.id]))(
    '%s prints no signing instructions and no wrong place line',
    async (id) => {
      const { document } = await parts(docs, id);
      const text = allParagraphs(document).join('\n');
      expect(text).not.toMatch(/Ký, ghi rõ|ghi rõ họ tên|đóng dấu/);
      expect(text).not.toMatch(/^1, ngày/m);
      expect(text).not.toMatch(/UBND …|THỦ TRƯỞNG ĐƠN VỊ|undefined|NaN/);
    },
  );
});

describe('the Word dossier of a school', () => {
  const docs = dossier(coquan, 'mac-dinh', SCHOOL);

  it('has a chủ quản line to fill, the province short name, and HIỆU TRƯỞNG as signer', async () => {
    const { document } = await parts(docs, 'to-trinh');
    const header = at(bodyBlocks(document), 0).text.split('\n');
    expect(header.slice(0, 2)).toEqual(['…', 'TRƯỜNG THCS NGUYỄN DU']);
    expect(header).toContain('Hà Nội, ngày … tháng … năm …');
    expect(header).toContain('Số: …/TTr-…');
    const paras = allParagraphs(document);
    expect(paras).toContain('HIỆU TRƯỞNG');
    expect(paras).not.toContain('THỦ TRƯỞNG ĐƠN VỊ');
  });

  it('takes the chủ quản line and the abbreviation when given', async () => {
    const given = dossier(coquan, 'mac-dinh', SCHOOL, {
      parentIssuer: 'UBND phường Văn Miếu',
      abbreviation: 'THCSND',
    });
    const header = at(bodyBlocks((await parts(given, 'bao-cao-ket-qua')).document), 0).text.split('\n');
    expect(header.slice(0, 2)).toEqual(['UBND PHƯỜNG VĂN MIẾU', 'TRƯỜNG THCS NGUYỄN DU']);
    expect(header).toContain('Số: …/BC-THCSND');
  });
});

describe('the plan decides who reviews, and the verdict what is proposed', () => {
  it.each([
    ['lai-chau-2024', 'BAN CHỈ ĐẠO PHÒNG, CHỐNG TỘI PHẠM PHƯỜNG 1', 'Số: …/BB-BCĐ'],
    ['dong-thap-2023', 'HỘI ĐỒNG BẢO VỆ AN NINH, TRẬT TỰ PHƯỜNG 1', 'Số: …/BB-HĐ'],
    ['bac-quang-2024', 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', 'Số: …/BB-HĐTĐKT'],
  ])('%s: the biên bản is issued by %s', async (planId, body, number) => {
    const docs = dossier(xa, planId, PHUONG_1);
    const header = at(bodyBlocks((await parts(docs, 'bien-ban-hop-xet')).document), 0).text.split('\n');
    expect(header.slice(0, 2)).toEqual(['UBND PHƯỜNG 1', body]);
    expect(header).toContain(number);
  });

  it('a dated plan is cited by its title and issuer; the recogniser gets a copy when it is not the receiver', async () => {
    const docs = dossier(xa, 'bac-quang-2024', PHUONG_1);
    const paras = allParagraphs((await parts(docs, 'to-trinh')).document);
    // the plan's title without its " — place" tail, and its issuer and receiver, as the plan data says
    const bq = plan('bac-quang-2024');
    expect(paras).toContain(
      'Căn cứ Kế hoạch phát động phong trào thi đua toàn dân bảo vệ an ninh Tổ quốc năm 2024 của Ban Chỉ đạo 138 huyện Bắc Quang;',
    );
    expect(paras).toContain(`Kính gửi: ${bq.roles.receiver}.`);
    expect(paras).toContain('- Ban Chỉ đạo 138 huyện Bắc Quang (để biết);');
  });

  it('an ineligible unit: the tờ trình is marked a draft, the biên bản does not propose it', async () => {
    const docs = dossier(xa, 'mac-dinh', { ...PHUONG_1, an_toan_nam_truoc: 'Không' });
    const tt = allParagraphs((await parts(docs, 'to-trinh')).document);
    expect(
      tt.some((p) => p.includes('Kết luận đánh giá: Chưa đủ điều kiện lựa chọn: Năm trước được công nhận')),
    ).toBe(true);
    expect(tt.some((p) => p.startsWith('Lưu ý: theo kết quả đánh giá, phường 1 chưa đủ điều kiện'))).toBe(
      true,
    );
    expect(
      tt.some(
        (p) => p.includes('Năm trước được công nhận đạt tiêu chuẩn An toàn') && p.endsWith('chưa đáp ứng.'),
      ),
    ).toBe(true);
    const bb = allParagraphs((await parts(docs, 'bien-ban-hop-xet')).document);
    expect(bb.some((p) => p.endsWith('chưa đề nghị công nhận.'))).toBe(true);
    expect(bb.some((p) => p.includes('thống nhất đề nghị'))).toBe(false);
    const bc = allParagraphs((await parts(docs, 'bao-cao-ket-qua')).document);
    expect(bc.some((p) => p.startsWith('Đề nghị Ban Chỉ đạo 138 tỉnh xem xét, công nhận'))).toBe(false);
  });

  it('a failing criterion is listed under tồn tại, hạn chế with its reason', async () => {
    const docs = dossier(xa, 'mac-dinh', { ...PHUONG_1, tc16_tu_diem: 1 });
    const bc = allParagraphs((await parts(docs, 'bao-cao-ket-qua')).document);
    const from = bc.indexOf('1. Tồn tại, hạn chế');
    expect(bc[from + 1]).toMatch(/^- TC16 \(.*\): Không đạt — /);
    expect(bc).toContain('- Tập trung khắc phục các tiêu chí chưa đạt, chưa đủ dữ liệu: TC16.');
  });
});

describe('mid-year and agencies under a commune review body', () => {
  it('the sơ kết of a unit on track lists what is met and what falls due by the end of the period', async () => {
    const asOf = excelDate(2025, 6, 10);
    const values = { ...onTrackValues(xa, asOf, { year: 2025 }), ...PHUONG_1 };
    // a plan whose period starts on 01/01: the monthly counts of the sample are on track
    const p = plan('bac-quang-2024');
    const ev = evaluate(xa, values, { today: asOf, plan: p });
    expect(ev.verdict.code).toBe('on_track');
    const end = serialToVi(ev.period.end).replace(/\//g, '\\/');
    const mid = dossierDocuments(xa, p, values, ev).find(
      (d) => d.id === 'bao-cao-so-ket-6-thang',
    ) as DocModel;
    const paras = allParagraphs(docxParts(await writeDocx(mid)).document);
    expect(
      paras.some(
        (t) => t.startsWith('2. Kết quả thực hiện các tiêu chí: đạt ') && t.includes('chưa đến hạn'),
      ),
    ).toBe(true);
    expect(paras.some((t) => t.includes('Kết luận đánh giá: Đang đạt (tạm tính đến ngày 10/06/2025).'))).toBe(
      true,
    );
    expect(paras.some((t) => /^- Đã đạt \(\d+\): TC\d+/.test(t))).toBe(true);
    expect(
      paras.some((t) =>
        new RegExp(
          `^- Hoàn thành trước khi hết kỳ đánh giá \\(${end}\\) các tiêu chí chưa đến hạn \\(\\d+\\): TC`,
        ).test(t),
      ),
    ).toBe(true);
    // the biên bản does not propose a unit that is only on track
    const bb = dossierDocuments(xa, p, values, ev).find((d) => d.id === 'bien-ban-hop-xet') as DocModel;
    const bbParas = allParagraphs(docxParts(await writeDocx(bb)).document);
    expect(bbParas.some((t) => t.includes('chưa đủ căn cứ đề nghị công nhận'))).toBe(true);
  });

  it('a school under a plan whose review body is the commune one reviews under its own header', async () => {
    const docs = dossier(coquan, 'thanh-hoa-2023', SCHOOL);
    const { document } = await parts(docs, 'bien-ban-hop-xet');
    const header = at(bodyBlocks(document), 0).text.split('\n');
    expect(header.slice(0, 2)).toEqual(['…', 'TRƯỜNG THCS NGUYỄN DU']);
    expect(allParagraphs(document).join('\n')).not.toMatch(/Ban Chỉ đạo 138 Trường|cấp xã/);
  });
});

describe('place, body and head of unit', () => {
  it.each([
    ['Phường 1', 'Phường', '', 'Phường 1', true],
    ['Tân Lập', 'Xã', '', 'Tân Lập', true],
    ['Xã Tân Lập', 'Xã', '', 'Tân Lập', true],
    ['', 'Xã', '', '…', true],
    ['Trường THCS Nguyễn Du', 'Cơ sở giáo dục', 'Thành phố Hà Nội', 'Hà Nội', false],
    ['Công ty A', 'Doanh nghiệp', 'Tỉnh Hà Giang', 'Hà Giang', false],
    ['Công ty A', 'Doanh nghiệp', '', '…', false],
  ])('"%s" (%s, province "%s") → place "%s"', (name, type, province, place, commune) => {
    expect(placeName(name, type, province, commune)).toBe(place);
  });

  it('makes a plan body the unit own', () => {
    expect(bodyOfUnit('Ban Chỉ đạo 138 cấp xã', 'xã Tân Lập', true).header).toBe(
      'Ban Chỉ đạo 138 xã Tân Lập',
    );
    expect(bodyOfUnit('Ban Chỉ đạo xây dựng phong trào của đơn vị', 'Công ty A', false)).toEqual({
      header: 'Ban Chỉ đạo xây dựng phong trào',
      text: 'Ban Chỉ đạo xây dựng phong trào của Công ty A',
    });
  });

  it('reads the commune type from the name when the type is blank', async () => {
    const docs = dossier(xa, 'mac-dinh', { ten_don_vi: 'Phường 1', loai_don_vi: null, tinh: null });
    const header = at(bodyBlocks((await parts(docs, 'to-trinh')).document), 0).text.split('\n');
    expect(header.slice(0, 2)).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG 1']);
    expect(header).toContain('Phường 1, ngày … tháng … năm …');
  });

  it('names the head of a unit by its type', () => {
    expect(headTitle('Cơ sở giáo dục')).toBe('HIỆU TRƯỞNG');
    expect(headTitle('Doanh nghiệp')).toBe('GIÁM ĐỐC');
    expect(headTitle('Cơ quan')).toBe('THỦ TRƯỞNG CƠ QUAN');
  });
});
