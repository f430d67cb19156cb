/**
 * The recognition dossier (hồ sơ đề nghị xét, công nhận — seeds 000/001/002/004) as plain sheet data:
 * (1) Tờ trình đề nghị công nhận, (2) Báo cáo kết quả theo Bộ tiêu chí, (3) Biên bản họp xét.
 * Layout follows the administrative-document format of Nghị định 30/2020/NĐ-CP (issuing body top
 * left, Quốc hiệu and Tiêu ngữ top right, number, place and date in italics, title, body, Nơi nhận,
 * signature block). A4 portrait, Times New Roman, fit to page width, repeated table header.
 * Pure: pack + values + evaluation → SheetSpec; every text cell stays editable (no protection).
 */
import { colToLetters } from './address';
import type { Evaluation } from '../engine/evaluate';
import { serialToVi, serialToYmd } from '../engine/dates';
import { isBlank, rawText, type CellValue, type Values } from '../engine/values';
import type { Indicator, Pack } from '../pack/schema';
import { evidenceId } from '../pack/names';
import type { CellSpec, CellStyle, SheetSpec } from './spec';

export const DOSSIER_FONT = 'Times New Roman';
export const REPORT_SHEET = 'Báo cáo kết quả';
export const MINUTES_SHEET = 'Biên bản họp xét';
export const SUBMISSION_SHEET = 'Tờ trình';

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';
/** What an official fills in by hand: shown as an ellipsis, never invented. */
export const BLANK = '…';

export interface DossierOptions {
  /** unit name; default: the `ten_don_vi` value */
  unitName?: string;
  /** unit type; default: the `loai_don_vi` value */
  unitType?: string;
  /** issuing body (top left, upper case), e.g. "UBND XÃ TÂN LẬP"; default derived from the unit */
  issuer?: string;
  /** line above the issuer (cơ quan chủ quản), e.g. "UBND TỈNH HÀ GIANG"; default none */
  parentIssuer?: string;
  /** place name in the date line; default derived from the unit */
  place?: string;
  /** document date as an Excel serial; default the evaluation's as-of date */
  date?: number;
  /** addressee of the submission (Kính gửi) */
  addressee?: string;
}

/** Everything the three documents share, resolved once. */
export interface DossierContext {
  pack: Pack;
  values: Values;
  evaluation: Evaluation;
  unitName: string;
  unitType: string;
  issuer: string;
  parentIssuer: string;
  place: string;
  date: number;
  addressee: string;
  /** "UBND" for communes, "" for agencies (used in the number suffix, e.g. BC-UBND) */
  issuerCode: string;
  /** the unit as written in running text, e.g. "xã Tân Lập" */
  unitPhrase: string;
  /** "xã" / "phường" / "cơ quan" … (lower case), for "… điển hình" */
  unitKind: string;
  /** the issuer in running text, e.g. "UBND xã Tân Lập" */
  issuerText: string;
  /** signature block lines, e.g. ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] */
  signature: string[];
}

const COMMUNE_TYPES = ['xã', 'phường', 'thị trấn', 'đặc khu'];

const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const lowerVi = (s: string): string => s.toLocaleLowerCase('vi');
const upperVi = (s: string): string => s.toLocaleUpperCase('vi');

function text(v: CellValue | undefined): string {
  return typeof v === 'string' ? norm(v) : v === null || v === undefined ? '' : rawText(v);
}

/** "Tân Lập" + "Xã" → "xã Tân Lập"; "Xã Tân Lập" stays "xã Tân Lập"; agencies keep their name. */
export function unitPhrase(name: string, type: string): string {
  const n = norm(name);
  const t = lowerVi(norm(type));
  if (!n) return t ? `${t} ${BLANK}` : BLANK;
  if (!COMMUNE_TYPES.includes(t)) return n;
  if (lowerVi(n).startsWith(`${t} `)) return `${t}${n.slice(t.length)}`;
  return `${t} ${n}`;
}

/** Name without its type prefix, for the place line ("Tân Lập, ngày …"). */
function bareName(name: string, type: string): string {
  const n = norm(name);
  const t = lowerVi(norm(type));
  return t && lowerVi(n).startsWith(`${t} `) ? n.slice(t.length + 1) : n;
}

export function dossierContext(
  pack: Pack,
  values: Values,
  evaluation: Evaluation,
  opts: DossierOptions = {},
): DossierContext {
  const unitName = norm(opts.unitName ?? text(values.ten_don_vi));
  const unitType = norm(opts.unitType ?? text(values.loai_don_vi));
  const commune = COMMUNE_TYPES.includes(lowerVi(unitType)) || (!unitType && pack.id === 'xa');
  const phrase = unitPhrase(unitName, unitType);
  const issuer =
    opts.issuer ?? (commune ? `UBND ${upperVi(phrase)}` : unitName ? upperVi(unitName) : `${BLANK}`);
  return {
    pack,
    values,
    evaluation,
    unitName,
    unitType,
    issuer,
    parentIssuer: opts.parentIssuer ?? '',
    place: opts.place ?? (commune ? bareName(unitName, unitType) || BLANK : text(values.tinh) || BLANK),
    date: opts.date ?? evaluation.asOf,
    addressee:
      opts.addressee ??
      `Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc ${BLANK}`,
    issuerCode: commune ? 'UBND' : BLANK,
    unitPhrase: phrase,
    unitKind: lowerVi(unitType) || (commune ? 'xã' : 'cơ quan'),
    issuerText: opts.issuer ? opts.issuer : commune ? `UBND ${phrase}` : unitName || 'Đơn vị',
    signature: commune ? ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] : ['THỦ TRƯỞNG ĐƠN VỊ'],
  };
}

/**
 * "…, ngày 05 tháng 02 năm 2024": Nghị định 30/2020 writes days below 10 and the months 1 and 2 with
 * a leading zero, other months without.
 */
export function viDateLine(place: string, serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

/** A value as a reader of the report expects it (dates dd/mm/yyyy, decimal comma, blank → "…"). */
export function formatIndicatorValue(ind: Pick<Indicator, 'type'>, v: CellValue | undefined): string {
  if (isBlank(v ?? null)) return BLANK;
  if (ind.type === 'date' && typeof v === 'number' && Number.isFinite(v) && v >= 1) return serialToVi(v);
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  return typeof v === 'string' ? norm(v) : rawText(v ?? null);
}

/** Page margins of Nghị định 30/2020/NĐ-CP, Phụ lục I (trên/dưới 20–25 mm, trái 30–35 mm, phải 15–20 mm). */
export const ND30_MARGINS = { top: 20, bottom: 20, left: 30, right: 15 } as const;

// --- a tiny layout builder -------------------------------------------------------------------

const BASE: CellStyle = { font: DOSSIER_FONT, size: 13, vAlign: 'top', wrap: true };
const POINTS_PER_LINE: Record<number, number> = { 11: 14.5, 12: 15.75, 13: 17, 14: 18.75 };

/** Characters of Times New Roman at `size` that fit in a column of `width` units (conservative). */
function charsPerLine(width: number, size: number, bold: boolean, upper: boolean): number {
  const factor = (11 / size) * (bold ? 0.92 : 1) * (upper ? 0.78 : 1) * 1.05;
  return Math.max(4, Math.floor(width * factor));
}

/** Lines a wrapped text needs in a merged range `width` wide. */
export function linesNeeded(s: string, width: number, style: CellStyle): number {
  const size = style.size ?? 13;
  const upper = s.length > 0 && s === upperVi(s) && /[A-ZĐ]/.test(s);
  const per = charsPerLine(width, size, !!style.bold, upper);
  let lines = 0;
  for (const para of s.split('\n')) {
    // greedy word wrap
    let line = 0;
    let n = 1;
    for (const word of para.split(' ')) {
      const w = word.length;
      if (line === 0) line = w;
      else if (line + 1 + w <= per) line += 1 + w;
      else {
        n += 1 + Math.floor(Math.max(0, w - 1) / per);
        line = w % per || per;
      }
    }
    lines += n;
  }
  return lines;
}

class Builder {
  readonly cells: CellSpec[] = [];
  readonly merges: string[] = [];
  readonly heights = new Map<number, number>();
  row = 1;
  constructor(readonly widths: number[]) {}

  private width(from: number, to: number): number {
    let w = 0;
    for (let c = from; c <= to; c++) w += this.widths[c - 1];
    return w;
  }

  /** Put `value` in columns from..to of the current row (merged when wider than one column). */
  put(from: number, to: number, value: string | number, style: CellStyle = {}, row = this.row): string {
    const st: CellStyle = { ...BASE, ...style };
    const address = `${colToLetters(from)}${row}`;
    this.cells.push({ address, value, style: st });
    if (to > from) {
      this.merges.push(`${address}:${colToLetters(to)}${row}`);
      // a border on a merged range must be on every cell of it to print
      if (st.border)
        for (let c = from + 1; c <= to; c++)
          this.cells.push({ address: `${colToLetters(c)}${row}`, style: st });
    }
    const lines = typeof value === 'string' ? linesNeeded(value, this.width(from, to), st) : 1;
    const h = lines * (POINTS_PER_LINE[st.size ?? 13] ?? 17) + 3;
    this.heights.set(row, Math.max(this.heights.get(row) ?? 0, h));
    return address;
  }

  /** A full-width line, then move to the next row. */
  line(value: string, style: CellStyle = {}): string {
    const a = this.put(1, this.widths.length, value, style);
    this.row++;
    return a;
  }

  skip(n = 1, height = 8): void {
    for (let i = 0; i < n; i++) this.heights.set(this.row + i, height);
    this.row += n;
  }

  sheet(name: string, extra: Partial<SheetSpec> = {}): SheetSpec {
    const last = this.row - 1;
    return {
      name,
      columns: this.widths.map((width) => ({ width })),
      rows: [...this.heights.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height })),
      cells: this.cells,
      merges: this.merges,
      names: [],
      validations: [],
      conditionalFormats: [],
      freeze: { rows: 0, columns: 0 },
      print: {
        orientation: 'portrait',
        paper: 'A4',
        fitToWidth: true,
        area: `A1:${colToLetters(this.widths.length)}${Math.max(1, last)}`,
        margins: ND30_MARGINS,
        ...(extra.print ?? {}),
      },
      protect: false,
      ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'print')),
    };
  }
}

/**
 * Nghị định 30 header: cơ quan chủ quản / CƠ QUAN BAN HÀNH left, Quốc hiệu / Tiêu ngữ right,
 * then "Số: …/XX-…" left and the italic place-and-date line right.
 */
function header(b: Builder, ctx: DossierContext, split: number, kind: string): void {
  const last = b.widths.length;
  if (ctx.parentIssuer) {
    b.put(1, split, upperVi(ctx.parentIssuer), { size: 12, hAlign: 'center' });
    b.put(split + 1, last, QUOC_HIEU, { size: 12, bold: true, hAlign: 'center' });
    b.row++;
    b.put(1, split, ctx.issuer, { size: 12, bold: true, hAlign: 'center' });
    b.put(split + 1, last, TIEU_NGU, { size: 13, bold: true, hAlign: 'center' });
    b.row++;
  } else {
    b.put(1, split, ctx.issuer, { size: 12, bold: true, hAlign: 'center' });
    b.put(split + 1, last, QUOC_HIEU, { size: 12, bold: true, hAlign: 'center' });
    b.row++;
    b.put(1, split, '', { size: 12 });
    b.put(split + 1, last, TIEU_NGU, { size: 13, bold: true, hAlign: 'center' });
    b.row++;
  }
  b.put(1, split, `Số: ${BLANK}/${kind}${ctx.issuerCode === BLANK ? '' : `-${ctx.issuerCode}`}`, {
    size: 13,
    hAlign: 'center',
  });
  b.put(split + 1, last, viDateLine(ctx.place, ctx.date), { size: 13, italic: true, hAlign: 'center' });
  b.row++;
  b.skip();
}

function recipientsAndSignature(b: Builder, split: number, recipients: string[], signature: string[]): void {
  const last = b.widths.length;
  const start = b.row;
  const right = [
    ...signature.map((s) => ({ s, st: { size: 13, bold: true, hAlign: 'center' } as CellStyle })),
    { s: '(Ký, ghi rõ họ tên, đóng dấu)', st: { size: 12, italic: true, hAlign: 'center' } as CellStyle },
  ];
  const left = [
    { s: 'Nơi nhận:', st: { size: 12, bold: true, italic: true } as CellStyle },
    ...recipients.map((s) => ({ s, st: { size: 11 } as CellStyle })),
  ];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i]) b.put(1, split, left[i].s, left[i].st);
    if (right[i]) b.put(split + 1, last, right[i].s, right[i].st);
    b.row++;
  }
  // room for the signature and seal
  b.row = Math.max(b.row, start + right.length + 4);
  b.put(split + 1, last, BLANK, { size: 13, bold: true, hAlign: 'center' });
  b.row++;
}

// --- Báo cáo kết quả ---------------------------------------------------------------------------

/** Report columns: TC, nội dung, kết quả, giá trị các chỉ số, minh chứng. */
export const REPORT_COLUMNS = [6, 30, 12, 32, 20] as const;
export const REPORT_TABLE_HEADERS = [
  'TC',
  'Nội dung tiêu chí',
  'Kết quả',
  'Giá trị các chỉ số',
  'Minh chứng',
];

export const MOVEMENT = 'điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc';

/** "xã Tân Lập điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024" */
export function recognitionPhrase(ctx: DossierContext): string {
  return `${ctx.unitPhrase} ${MOVEMENT} năm ${ctx.evaluation.year}`;
}

/** "Tên chỉ số: giá trị" lines of a criterion (evidence excluded). */
export function indicatorLines(pack: Pack, values: Values, criterionId: string): string[] {
  for (const g of pack.groups)
    for (const c of g.criteria)
      if (c.id === criterionId)
        return c.indicators.map((i) => `${i.label}: ${formatIndicatorValue(i, values[i.id])}`);
  return [];
}

export function reportSheet(ctx: DossierContext): SheetSpec {
  const { pack, values, evaluation: ev } = ctx;
  const b = new Builder([...REPORT_COLUMNS]);
  header(b, ctx, 2, 'BC');
  b.line('BÁO CÁO', { size: 14, bold: true, hAlign: 'center' });
  b.line(`Kết quả thực hiện Bộ tiêu chí xây dựng ${ctx.unitKind} ${MOVEMENT} năm ${ev.year}`, {
    size: 14,
    bold: true,
    hAlign: 'center',
  });
  b.line(`(${ctx.unitPhrase}; số liệu tính đến ngày ${serialToVi(ev.asOf)})`, {
    size: 13,
    italic: true,
    hAlign: 'center',
  });
  b.skip();
  b.line(`Căn cứ ${pack.legalBasis}; ${ctx.issuerText} báo cáo kết quả thực hiện ${pack.title} như sau:`, {
    hAlign: 'left',
  });
  b.skip();

  const tableHeader = b.row;
  const hs: CellStyle = {
    size: 12,
    bold: true,
    hAlign: 'center',
    vAlign: 'middle',
    border: true,
    fill: 'E7E6E6',
  };
  REPORT_TABLE_HEADERS.forEach((h, i) => b.put(i + 1, i + 1, h, hs));
  b.row++;

  const cell: CellStyle = { size: 12, border: true };
  for (const g of pack.groups) {
    b.put(1, REPORT_COLUMNS.length, `${roman(g.number)}. ${g.title}`, { ...cell, bold: true });
    b.row++;
    for (const c of g.criteria) {
      const r = ev.criteria.find((x) => x.id === c.id);
      const label = r?.label ?? BLANK;
      const lines = indicatorLines(pack, values, c.id);
      if (r && r.status !== 'pass' && r.status !== 'na' && r.reasons.length)
        lines.push(`Ghi chú: ${r.reasons.join('; ')}`);
      b.put(1, 1, c.id, { ...cell, hAlign: 'center' });
      b.put(2, 2, c.title, cell);
      b.put(3, 3, label, { ...cell, hAlign: 'center', bold: r?.status === 'fail' });
      b.put(4, 4, lines.join('\n'), { ...cell, size: 11 });
      b.put(5, 5, formatIndicatorValue({ type: 'text' }, values[evidenceId(c)]), { ...cell, size: 11 });
      b.row++;
    }
  }
  b.skip();
  b.line(`Tổng hợp: đạt ${ev.passed}/${ev.applicable} tiêu chí áp dụng.`, { bold: true });
  const na = ev.criteria.filter((c) => c.status === 'na').map((c) => c.id);
  if (na.length) b.line(`Không áp dụng: ${na.join(', ')}.`);
  b.line(`Kết luận: ${ev.verdict.label}.`, { bold: true });
  const warn = ev.warnings.filter((w) => w.code === 'thieu_minh_chung').map((w) => w.criterion ?? '');
  if (warn.length) b.line(`Lưu ý: thiếu minh chứng ở ${warn.join(', ')}.`, { italic: true });
  b.skip();
  recipientsAndSignature(b, 2, ['- Như trên;', '- Lưu: VT.'], ctx.signature);
  return b.sheet(REPORT_SHEET, {
    print: {
      orientation: 'portrait',
      paper: 'A4',
      fitToWidth: true,
      titleRows: `${tableHeader}:${tableHeader}`,
    },
  });
}

// --- Biên bản họp xét ---------------------------------------------------------------------------

export const MINUTES_COLUMNS = [6, 30, 14, 24, 20] as const;

export function minutesSheet(ctx: DossierContext): SheetSpec {
  const ev = ctx.evaluation;
  const b = new Builder([...MINUTES_COLUMNS]);
  header(b, ctx, 2, 'BB');
  b.line('BIÊN BẢN', { size: 14, bold: true, hAlign: 'center' });
  b.line(`Họp xét, đề nghị công nhận ${recognitionPhrase(ctx)}`, {
    size: 14,
    bold: true,
    hAlign: 'center',
  });
  b.skip();
  b.line(`I. THỜI GIAN, ĐỊA ĐIỂM`, { bold: true });
  b.line(`Vào hồi ${BLANK} giờ ${BLANK} ngày ${serialToVi(ctx.date)}, tại ${BLANK}.`);
  b.line('II. THÀNH PHẦN', { bold: true });
  b.line(`- Chủ trì: ${BLANK}`);
  b.line(`- Thư ký: ${BLANK}`);
  b.line(`- Thành viên tham dự: ${BLANK}/${BLANK} thành viên.`);
  b.line('III. NỘI DUNG', { bold: true });
  b.line(
    `1. Hội nghị nghe báo cáo kết quả thực hiện ${ctx.pack.title} của ${ctx.unitPhrase} năm ${ev.year} (số liệu tính đến ngày ${serialToVi(ev.asOf)}).`,
  );
  b.line(`2. Kết quả đánh giá: đạt ${ev.passed}/${ev.applicable} tiêu chí áp dụng.`);
  const failing = ev.criteria.filter((c) => c.status !== 'pass' && c.status !== 'na');
  if (failing.length) {
    b.line('Các tiêu chí chưa đạt hoặc chưa đủ dữ liệu:');
    for (const c of failing)
      b.line(`- ${c.id} (${c.title}): ${c.label}${c.reasons.length ? ` — ${c.reasons.join('; ')}` : ''}`, {
        size: 12,
      });
  }
  b.line(`3. Ý kiến thảo luận của các thành viên: ${BLANK}`);
  b.line(`4. Biểu quyết: ${BLANK}/${BLANK} thành viên dự họp nhất trí.`);
  b.line('IV. KẾT LUẬN', { bold: true });
  b.line(
    ev.verdict.code === 'pass'
      ? `${ctx.unitPhrase[0].toLocaleUpperCase('vi')}${ctx.unitPhrase.slice(1)} đạt ${ev.passed}/${ev.applicable} tiêu chí; thống nhất đề nghị cấp có thẩm quyền xét, công nhận ${recognitionPhrase(ctx)}.`
      : ev.verdict.code === 'ineligible'
        ? `Đạt ${ev.passed}/${ev.applicable} tiêu chí nhưng ${ev.verdict.label.charAt(0).toLocaleLowerCase('vi')}${ev.verdict.label.slice(1)}; chưa đề nghị công nhận.`
        : `Kết luận đánh giá: ${ev.verdict.label}. Chưa đủ điều kiện đề nghị công nhận; tiếp tục chỉ đạo thực hiện các tiêu chí chưa đạt.`,
  );
  b.line(
    `Cuộc họp kết thúc vào hồi ${BLANK} giờ ${BLANK} cùng ngày; biên bản đã được thông qua trước các thành viên dự họp./.`,
  );
  b.skip();
  const last = MINUTES_COLUMNS.length;
  b.put(1, 2, 'THƯ KÝ', { bold: true, hAlign: 'center' });
  b.put(3, last, 'CHỦ TRÌ', { bold: true, hAlign: 'center' });
  b.row++;
  b.put(1, 2, '(Ký, ghi rõ họ tên)', { size: 12, italic: true, hAlign: 'center' });
  b.put(3, last, '(Ký, ghi rõ họ tên)', { size: 12, italic: true, hAlign: 'center' });
  b.row += 4;
  b.put(1, 2, BLANK, { bold: true, hAlign: 'center' });
  b.put(3, last, BLANK, { bold: true, hAlign: 'center' });
  b.row++;
  return b.sheet(MINUTES_SHEET);
}

// --- Tờ trình ------------------------------------------------------------------------------------

export const SUBMISSION_COLUMNS = [6, 30, 14, 24, 20] as const;

export function submissionSheet(ctx: DossierContext): SheetSpec {
  const ev = ctx.evaluation;
  const b = new Builder([...SUBMISSION_COLUMNS]);
  header(b, ctx, 2, 'TTr');
  const what = recognitionPhrase(ctx);
  b.line('TỜ TRÌNH', { size: 14, bold: true, hAlign: 'center' });
  b.line(`Về việc đề nghị xét, công nhận ${what}`, { size: 14, bold: true, hAlign: 'center' });
  b.skip();
  b.line(`Kính gửi: ${ctx.addressee}.`, { hAlign: 'center' });
  b.skip();
  b.line(`Căn cứ ${ctx.pack.legalBasis};`);
  b.line(
    `Căn cứ kết quả thực hiện ${ctx.pack.title} năm ${ev.year} (số liệu tính đến ngày ${serialToVi(ev.asOf)}) và Biên bản họp xét ngày ${BLANK};`,
  );
  b.line(`${ctx.issuerText} kính trình ${BLANK} xem xét, công nhận ${what}.`);
  b.line(
    `Kết quả: đạt ${ev.passed}/${ev.applicable} tiêu chí áp dụng. Kết luận đánh giá: ${ev.verdict.label}.`,
    { bold: true },
  );
  if (ev.verdict.code !== 'pass') {
    b.line(
      `Lưu ý: theo kết quả đánh giá, đơn vị chưa đủ điều kiện đề nghị công nhận (${ev.failing.length ? `chưa đạt: ${ev.failing.join(', ')}` : ev.verdict.label}); bản dự thảo này chỉ để hoàn thiện hồ sơ khi đủ điều kiện.`,
      { italic: true, color: 'C00000' },
    );
  }
  b.line('Hồ sơ kèm theo:', { bold: true });
  b.line(`1. Báo cáo kết quả xây dựng ${what} (theo Bộ tiêu chí);`);
  b.line(`2. Biên bản họp xét, đề nghị công nhận ${what}.`);
  b.line(`Kính trình ${BLANK} xem xét, quyết định./.`);
  b.skip();
  recipientsAndSignature(b, 2, ['- Như trên;', '- Lưu: VT.'], ctx.signature);
  return b.sheet(SUBMISSION_SHEET);
}

/** The three documents in dossier order: tờ trình, báo cáo, biên bản. */
export function dossierSheets(
  pack: Pack,
  values: Values,
  evaluation: Evaluation,
  opts: DossierOptions = {},
): SheetSpec[] {
  const ctx = dossierContext(pack, values, evaluation, opts);
  return [reportSheet(ctx), minutesSheet(ctx), submissionSheet(ctx)];
}

// --- helpers ---------------------------------------------------------------------------------------

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let x = n;
  for (const [v, s] of table)
    while (x >= v) {
      out += s;
      x -= v;
    }
  return out;
}
