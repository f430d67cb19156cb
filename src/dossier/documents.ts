/**
 * The Word dossier (hồ sơ đề nghị xét, công nhận — seeds 000–004) as `DocModel`s: Tờ trình, Báo cáo
 * kết quả (with the criteria table as an appendix), Biên bản họp xét, Báo cáo sơ kết 6 tháng and
 * Báo cáo rà soát. Pure: pack + plan + values + evaluation → documents. Only what the evaluation and
 * the plan establish is written; what a person must write stays "…".
 */
import { serialToVi } from '../engine/dates';
import type { CriterionResult, Evaluation } from '../engine/evaluate';
import type { Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import type { Plan } from '../plan/schema';
import {
  BLANK,
  capitalise,
  dossierContext,
  provinceText,
  recognitionPhrase,
  textValue,
  upperVi,
  type DossierContext,
  type DossierOptions,
} from './context';
import {
  criteriaTable,
  criterionParas,
  planDate,
  periodText,
  prerequisiteLines,
  shortfallLine,
  shortfalls,
  tally,
  verdictText,
} from './facts';
import { addresseeLine, closingTable, headerTable, titleBlock, twoSignersTable } from './frame';
import { body, bold, heading, p, type Block, type DocModel, type DocId, type Para } from './model';

const FILE: Record<DocId, string> = {
  'to-trinh': 'to-trinh.docx',
  'bao-cao-ket-qua': 'bao-cao-ket-qua.docx',
  'bien-ban-hop-xet': 'bien-ban-hop-xet.docx',
  'bao-cao-so-ket-6-thang': 'bao-cao-so-ket-6-thang.docx',
  'bao-cao-ra-soat': 'bao-cao-ra-soat.docx',
};

function doc(id: DocId, title: string, blocks: Block[]): DocModel {
  return { id, fileName: FILE[id], title, blocks };
}

/** "Căn cứ …" lines: the pack's decision and the plan (a standing plan leaves its number blank). */
function basis(ctx: DossierContext): Para[] {
  const { pack, plan, evaluation: ev } = ctx;
  const planLine =
    plan.year !== undefined
      ? `Căn cứ ${plan.title.replace(/\s+—\s+.*$/u, '')} của ${plan.issuer};`
      : `Căn cứ Kế hoạch số ${BLANK} ngày ${BLANK} của ${BLANK} về xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc năm ${ev.year};`;
  return [body(`Căn cứ ${pack.legalBasis} (${pack.title});`), body(planLine)];
}

/** Who the dossier goes to: "Như trên" only when there is a Kính gửi. */
function recipients(ctx: DossierContext, addressed: boolean): string[] {
  const { receiver, recogniser } = ctx.plan.roles;
  const first = addressed ? ['- Như trên;'] : [`- ${receiver};`];
  const more = sameBody(ctx) ? [] : [`- ${recogniser} (để biết);`];
  return [...first, ...more, '- Lưu: VT.'];
}

/** The receiver is the recogniser (or reached through it: "Ban Chỉ đạo 138 tỉnh (qua Công an tỉnh)"). */
function sameBody(ctx: DossierContext): boolean {
  return ctx.plan.roles.receiver.startsWith(ctx.plan.roles.recogniser);
}

function signerLines(ctx: DossierContext): string[] {
  return [ctx.signer.capacity, ctx.signer.title];
}

const eligible = (ev: Evaluation): boolean => ev.verdict.code === 'pass';

/** Tờ trình đề nghị xét, công nhận. */
export function submission(ctx: DossierContext): DocModel {
  const ev = ctx.evaluation;
  const what = recognitionPhrase(ctx);
  const { receiver, recogniser } = ctx.plan.roles;
  const blocks: Block[] = [
    headerTable(ctx.issuer, 'TTr', ctx.place),
    ...titleBlock('TỜ TRÌNH', `Về việc đề nghị xét, công nhận ${what}`),
    addresseeLine(receiver),
    ...basis(ctx),
    body(
      `Căn cứ kết quả thực hiện Bộ tiêu chí năm ${ev.year} (kỳ đánh giá ${periodText(ctx)}; số liệu tính đến ngày ${serialToVi(ev.asOf)}) và Biên bản họp xét ngày ${BLANK} của ${ctx.reviewBody.text};`,
    ),
    body(
      `${capitalise(ctx.issuer.text)} kính trình ${receiver} xem xét${sameBody(ctx) ? ',' : `, đề nghị ${recogniser}`} công nhận ${what}, cụ thể như sau:`,
    ),
    heading('1. Kết quả thực hiện Bộ tiêu chí'),
    body(`${capitalise(ctx.unitPhrase)} ${tally(ctx)}. ${verdictText(ctx)}`),
    ...shortfalls(ctx).map(shortfallLine),
  ];
  if (ev.prerequisites.length) {
    blocks.push(heading('2. Điều kiện lựa chọn'), ...prerequisiteLines(ctx));
    if (!ev.gated)
      blocks.push(
        body([
          { text: 'Theo kế hoạch, điều kiện lựa chọn không quyết định kết luận đánh giá.', italic: true },
        ]),
      );
  }
  if (!eligible(ev))
    blocks.push(
      body([
        bold('Lưu ý: '),
        {
          text: `theo kết quả đánh giá, ${ctx.unitPhrase} chưa đủ điều kiện đề nghị công nhận (${ev.verdict.label}); bản dự thảo này chỉ dùng để hoàn thiện hồ sơ khi đã đủ điều kiện.`,
          italic: true,
        },
      ]),
    );
  blocks.push(
    heading(`${ev.prerequisites.length ? 3 : 2}. Hồ sơ kèm theo`),
    body(`- Báo cáo kết quả xây dựng ${what};`),
    body(`- Biên bản họp xét, đề nghị công nhận của ${ctx.reviewBody.text}.`),
    body(`Kính trình ${receiver} xem xét, quyết định./.`, { keepNext: true }),
    closingTable(recipients(ctx, true), signerLines(ctx)),
  );
  return doc('to-trinh', `Tờ trình đề nghị xét, công nhận ${what}`, blocks);
}

/** Báo cáo kết quả thực hiện Bộ tiêu chí, with the criteria table as an appendix. */
export function resultReport(ctx: DossierContext): DocModel {
  const { pack, evaluation: ev } = ctx;
  const what = recognitionPhrase(ctx);
  const blocks: Block[] = [
    headerTable(ctx.issuer, 'BC', ctx.place),
    ...titleBlock('BÁO CÁO', `Kết quả xây dựng ${what}`),
    ...basis(ctx),
    body(
      `${capitalise(ctx.issuer.text)} báo cáo kết quả thực hiện ${pack.title} năm ${ev.year} (kỳ đánh giá ${periodText(ctx)}; số liệu tính đến ngày ${serialToVi(ev.asOf)}) như sau:`,
    ),
    heading('I. ĐẶC ĐIỂM TÌNH HÌNH'),
    ...unitFacts(ctx),
    body(BLANK),
    heading('II. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO'),
    body(BLANK),
    heading('III. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ'),
  ];
  for (const g of pack.groups) {
    blocks.push(
      p([bold(`${g.number}. ${g.title}`)], {
        align: 'justify',
        firstLine: true,
        before: 6,
        after: 6,
        keepNext: true,
      }),
    );
    for (const c of g.criteria) blocks.push(...criterionParas(ctx, c));
  }
  const na = ev.criteria.filter((c) => c.status === 'na').map((c) => c.id);
  blocks.push(
    body([
      bold(
        `Tổng hợp: ${tally(ctx)}${na.length ? `; không áp dụng: ${na.join(', ')}` : ''}. ${verdictText(ctx)}`,
      ),
    ]),
    heading('IV. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN'),
    p([bold('1. Tồn tại, hạn chế')], { align: 'justify', firstLine: true, after: 6, keepNext: true }),
    ...shortfalls(ctx).map(shortfallLine),
    ...ev.prerequisites
      .filter((x) => x.state !== 'met')
      .map((x) => body(`- Điều kiện lựa chọn: ${x.label} — chưa đáp ứng hoặc chưa nhập.`)),
    body(BLANK),
    p([bold('2. Nguyên nhân')], { align: 'justify', firstLine: true, after: 6, keepNext: true }),
    body(BLANK),
    heading('V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI'),
    ...(shortfalls(ctx).length
      ? [
          body(
            `- Tập trung khắc phục các tiêu chí chưa đạt, chưa đủ dữ liệu: ${shortfalls(ctx)
              .map((c) => c.id)
              .join(', ')}.`,
          ),
        ]
      : []),
    body(BLANK),
    heading('VI. ĐỀ XUẤT, KIẾN NGHỊ'),
    ...(eligible(ev) ? [body(`Đề nghị ${ctx.plan.roles.recogniser} xem xét, công nhận ${what}.`)] : []),
    body(BLANK),
    closingTable(recipients(ctx, false), signerLines(ctx)),
    ...appendix(ctx, 'BC'),
  );
  return doc('bao-cao-ket-qua', `Báo cáo kết quả xây dựng ${what}`, blocks);
}

/** Facts of section I that the workbook holds (name, type, province, last year's results). */
function unitFacts(ctx: DossierContext): Para[] {
  const out: Para[] = [];
  const province = provinceText(textValue(ctx.values.tinh));
  out.push(
    body(
      `${capitalise(ctx.unitPhrase)}${ctx.commune ? '' : ` (${ctx.unitType || 'loại đơn vị: …'})`}${province ? `, ${province}` : ''}.`,
    ),
  );
  for (const id of ['an_toan_nam_truoc', 'phan_loai_nam_truoc']) {
    const ind = ctx.pack.profile.find((i) => i.id === id);
    if (!ind) continue;
    const v = ctx.values[id];
    const shown = typeof v === 'boolean' ? (v ? 'Có' : 'Không') : textValue(v) || BLANK;
    out.push(body(`- ${ind.label}: ${shown}.`));
  }
  return out;
}

/** Phụ lục: the criteria table on a page of its own. */
function appendix(ctx: DossierContext, kind: string): Block[] {
  return [
    p([bold('Phụ lục')], { align: 'center', pageBreakBefore: true, after: 0 }),
    p([bold(upperVi(`Kết quả thực hiện Bộ tiêu chí xây dựng ${recognitionPhrase(ctx)}`))], {
      align: 'center',
      after: 0,
    }),
    p(
      [
        {
          text: `(Kèm theo Báo cáo số ${BLANK}/${kind}-${ctx.issuer.code} ngày ${BLANK} của ${ctx.issuer.text}; số liệu tính đến ngày ${serialToVi(ctx.evaluation.asOf)})`,
          italic: true,
        },
      ],
      {
        align: 'center',
        after: 12,
      },
    ),
    criteriaTable(ctx),
  ];
}

/** Biên bản họp xét, đề nghị công nhận. */
export function minutes(ctx: DossierContext): DocModel {
  const ev = ctx.evaluation;
  const what = recognitionPhrase(ctx);
  const review = ctx.reviewBody.text;
  const blocks: Block[] = [
    headerTable(ctx.reviewBody, 'BB', ctx.place),
    ...titleBlock('BIÊN BẢN', `Họp xét, đề nghị công nhận ${what}`),
    body(
      `Vào hồi ${BLANK} giờ ${BLANK} ngày ${BLANK} tháng ${BLANK} năm ${BLANK}, tại ${BLANK}, ${review} tổ chức họp xét, đề nghị công nhận ${what}.`,
    ),
    heading('I. THÀNH PHẦN'),
    body(`- Chủ trì: ${BLANK}`),
    body(`- Thư ký: ${BLANK}`),
    body(`- Thành viên dự họp: ${BLANK}/${BLANK} thành viên ${review}.`),
    body(`- Đại biểu mời: ${BLANK}`),
    heading('II. NỘI DUNG'),
    body(
      `1. Hội nghị nghe báo cáo kết quả thực hiện ${ctx.pack.title} năm ${ev.year} của ${ctx.unitPhrase} (kỳ đánh giá ${periodText(ctx)}; số liệu tính đến ngày ${serialToVi(ev.asOf)}).`,
    ),
    body(`2. Kết quả đánh giá: ${tally(ctx)}. ${verdictText(ctx)}`),
    ...shortfalls(ctx).map(shortfallLine),
    ...(ev.prerequisites.length ? [body('Điều kiện lựa chọn:'), ...prerequisiteLines(ctx)] : []),
    body(`3. Ý kiến thảo luận của các thành viên: ${BLANK}`),
    body(`4. Biểu quyết: ${BLANK}/${BLANK} thành viên dự họp nhất trí.`),
    heading('III. KẾT LUẬN'),
    body(conclusion(ctx)),
    body(
      `Cuộc họp kết thúc vào hồi ${BLANK} giờ ${BLANK} cùng ngày; biên bản đã được thông qua trước các thành viên dự họp./.`,
    ),
    twoSignersTable('THƯ KÝ', 'CHỦ TRÌ'),
  ];
  return doc('bien-ban-hop-xet', `Biên bản họp xét, đề nghị công nhận ${what}`, blocks);
}

/** The meeting's conclusion from the verdict (ineligible, fail, incomplete, on track, pass). */
function conclusion(ctx: DossierContext): string {
  const ev = ctx.evaluation;
  const unit = capitalise(ctx.unitPhrase);
  switch (ev.verdict.code) {
    case 'pass':
      return `${unit} ${tally(ctx)}, đủ điều kiện lựa chọn; hội nghị thống nhất đề nghị ${ctx.plan.roles.recogniser} xem xét, công nhận ${recognitionPhrase(ctx)}.`;
    case 'ineligible':
      return `${unit} ${tally(ctx)} nhưng ${ev.verdict.label.replace(/^Chưa/u, 'chưa')}; chưa đề nghị công nhận.`;
    case 'on_track':
      return `${unit} đang đạt các tiêu chí đã đến hạn (${ev.verdict.label}); chưa đủ căn cứ đề nghị công nhận, tiếp tục theo dõi đến hết kỳ đánh giá.`;
    default:
      return `${ev.verdict.label}. Chưa đủ điều kiện đề nghị công nhận; tiếp tục chỉ đạo thực hiện các tiêu chí chưa đạt.`;
  }
}

/** Báo cáo sơ kết 6 tháng: where the unit stands at mid-year, what the second half must do. */
export function midYearReport(ctx: DossierContext): DocModel {
  const ev = ctx.evaluation;
  const what = recognitionPhrase(ctx);
  const due = planDate(ctx, ctx.plan.midYearDate);
  const counts = statusCounts(ev);
  const notDue = ev.criteria.filter((c) => c.status === 'not_due');
  const blocks: Block[] = [
    headerTable(ctx.issuer, 'BC', ctx.place),
    ...titleBlock('BÁO CÁO', `Sơ kết 6 tháng đầu năm ${ev.year} thực hiện xây dựng ${what}`),
    ...basis(ctx),
    body(
      `${capitalise(ctx.issuer.text)} báo cáo sơ kết 6 tháng đầu năm ${ev.year} (số liệu tính đến ngày ${serialToVi(ev.asOf)}; kỳ đánh giá ${periodText(ctx)}${due ? `; hạn báo cáo theo kế hoạch: ${due}` : ''}) như sau:`,
    ),
    heading('I. KẾT QUẢ THỰC HIỆN'),
    body(`1. Công tác lãnh đạo, chỉ đạo, triển khai: ${BLANK}`),
    body(`2. Kết quả thực hiện các tiêu chí: ${counts}. ${verdictText(ctx)}`),
    ...idList(
      '- Đã đạt',
      ev.criteria.filter((c) => c.status === 'pass'),
    ),
    heading('II. TỒN TẠI, HẠN CHẾ'),
    ...shortfalls(ctx).map(shortfallLine),
    body(BLANK),
    heading('III. NHIỆM VỤ 6 THÁNG CUỐI NĂM'),
    ...idList(
      `- Hoàn thành trước khi hết kỳ đánh giá (${serialToVi(ev.period.end)}) các tiêu chí chưa đến hạn`,
      notDue,
    ),
    ...(shortfalls(ctx).length
      ? [
          body(
            `- Khắc phục các tiêu chí: ${shortfalls(ctx)
              .map((c) => c.id)
              .join(', ')}.`,
          ),
        ]
      : []),
    body(BLANK),
    heading('IV. ĐỀ XUẤT, KIẾN NGHỊ'),
    body(BLANK),
    closingTable(recipients(ctx, false), signerLines(ctx)),
  ];
  return doc('bao-cao-so-ket-6-thang', `Báo cáo sơ kết 6 tháng xây dựng ${what}`, blocks);
}

/** "- Đã đạt (33): TC1, TC2, …" as one paragraph; nothing when the list is empty. */
function idList(lead: string, criteria: readonly CriterionResult[]): Para[] {
  if (!criteria.length) return [];
  return [body(`${lead} (${criteria.length}): ${criteria.map((c) => c.id).join(', ')}.`)];
}

/** "đạt 20, chưa đến hạn 10, không đạt 2, chưa nhập 1 (trên 33 tiêu chí áp dụng)" */
function statusCounts(ev: Evaluation): string {
  const labels: Array<[string, string]> = [
    ['pass', 'đạt'],
    ['not_due', 'chưa đến hạn'],
    ['fail', 'không đạt'],
    ['missing', 'chưa nhập'],
    ['invalid', 'sai dữ liệu'],
  ];
  const parts = labels
    .map(([code, label]) => [label, ev.criteria.filter((c) => c.status === code).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n}`);
  return `${parts.join(', ') || 'chưa có tiêu chí nào được đánh giá'} (trên ${ev.applicable} tiêu chí áp dụng)`;
}

/** Báo cáo rà soát: the initial survey of which criteria are met, for the selection list. */
export function surveyReport(ctx: DossierContext): DocModel {
  const ev = ctx.evaluation;
  const what = recognitionPhrase(ctx);
  const deadline = planDate(ctx, ctx.plan.selectionDeadline);
  const blocks: Block[] = [
    headerTable(ctx.issuer, 'BC', ctx.place),
    ...titleBlock('BÁO CÁO', `Kết quả rà soát các tiêu chí xây dựng ${what}`),
    ...basis(ctx),
    body(
      `${capitalise(ctx.issuer.text)} báo cáo kết quả rà soát, đánh giá hiện trạng các tiêu chí (số liệu tính đến ngày ${serialToVi(ev.asOf)}${deadline ? `; hạn gửi danh sách lựa chọn theo kế hoạch: ${deadline}` : ''}) như sau:`,
    ),
    heading('I. ĐIỀU KIỆN LỰA CHỌN'),
    ...(ev.prerequisites.length ? prerequisiteLines(ctx) : [body('Kế hoạch không đặt điều kiện lựa chọn.')]),
    heading('II. KẾT QUẢ RÀ SOÁT CÁC TIÊU CHÍ'),
    body(`Tại thời điểm rà soát: ${statusCounts(ev)}. ${verdictText(ctx)}`),
    body('Kết quả từng tiêu chí tại Phụ lục kèm theo.'),
    heading('III. CÁC TIÊU CHÍ CẦN TẬP TRUNG THỰC HIỆN'),
    ...shortfalls(ctx).map(shortfallLine),
    ...idList(
      '- Chưa đến hạn',
      ev.criteria.filter((c) => c.status === 'not_due'),
    ),
    body(BLANK),
    heading('IV. ĐỀ XUẤT, ĐĂNG KÝ'),
    body(`Trên cơ sở kết quả rà soát, ${ctx.issuer.text} đề xuất: ${BLANK}`),
    closingTable(recipients(ctx, false), signerLines(ctx)),
    ...appendix(ctx, 'BC'),
  ];
  return doc('bao-cao-ra-soat', `Báo cáo kết quả rà soát các tiêu chí xây dựng ${what}`, blocks);
}

/** The five documents, tờ trình first. */
export function dossierDocuments(
  pack: Pack,
  plan: Plan,
  values: Values,
  evaluation: Evaluation,
  opts: DossierOptions = {},
): DocModel[] {
  const ctx = dossierContext(pack, plan, values, evaluation, opts);
  return [submission(ctx), resultReport(ctx), minutes(ctx), midYearReport(ctx), surveyReport(ctx)];
}
