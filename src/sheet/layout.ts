/**
 * The worksheet "Tiêu chí" as plain data: a pack (and optional prefilled values) → SheetSpec.
 * Pure: no file system, no ExcelJS, no Office JavaScript API. Both writers (src/xlsx, src/excel) translate the
 * result, so the CLI template and the sheet the add-in inserts are the same sheet.
 *
 * Contract: every input cell carries a workbook-scope defined name equal to its id; the status cell
 * of criterion N is `kq_tcN`; the verdict cell is `ket_luan`; counts are `so_dat` / `so_ap_dung`.
 * Every formula is generated from the engine's rule trees by FormulaPrinter, so the sheet scores
 * itself exactly as src/engine/evaluate.ts does.
 */
import {
  absoluteArea as absRange,
  absoluteCell as abs,
  areaAddress as range,
  cellAddress as addr,
} from './address';
import { SpecBuilder } from './specBuilder';
import { paramBool, paramLabel, paramNumber, type ParamValues } from '../pack/params';
import { wrappedLines } from './textFit';
import type { Criterion, Indicator, Pack, Requirement } from '../pack/schema';
import { BOOL_NO, BOOL_YES, evidenceId, statusName } from '../pack/names';
import {
  AS_OF_ID,
  FROZEN_AS_OF_ID,
  PERIOD_END_DUE,
  compilePack,
  fmtPct,
  scaleOf,
  type CompiledPack,
} from '../engine/compile';
import type { Plan } from '../plan/schema';
import { MAX_DATE_SERIAL, MIN_DATE_SERIAL, parseDayMonth } from '../engine/dates';
import { STATUS_LABELS, VERDICT_LABELS, VERDICT_ON_TRACK_PREFIX, VERDICT_PASS_TAIL } from '../engine/status';
import type { CellValue, Values } from '../engine/values';
import { AS_OF_NAME, FormulaPrinter, YEAR_NAME, helperFormulas, statusLabelFormula, str } from './formula';
import type { CellStyle, ColumnSpec, ConditionalFormatSpec, SheetSpec, ValidationSpec } from './spec';

export const CRITERIA_SHEET_NAME = 'Tiêu chí';

/** Defined names of the computed and stamp cells (besides the input ids and `kq_tcN`). */
export const VERDICT_NAME = 'ket_luan';
export const PASSED_NAME = 'so_dat';
export const APPLICABLE_NAME = 'so_ap_dung';
export const RATIO_NAME = 'ty_le_dat';
export const PACK_ID_NAME = 'goi_tieu_chi';
export const PACK_VERSION_NAME = 'phien_ban_goi';
export const PLAN_ID_NAME = 'ke_hoach';
export const PLAN_VERSION_NAME = 'phien_ban_ke_hoach';
/** The evaluation period as text ("16/11/2025 – 15/11/2026"), computed from the year. */
export const PERIOD_NAME = 'ky_danh_gia';
/** "Đánh giá gần nhất": written by the add-in / CLI after an evaluation; blank in a new sheet. */
export const STAMP_NAMES = {
  time: 'dg_thoi_gian',
  asOf: FROZEN_AS_OF_ID,
  pack: 'dg_goi',
  verdict: 'dg_ket_luan',
  ratio: 'dg_ty_le',
  sha256: 'dg_sha256',
} as const;

export interface LayoutOptions {
  sheetName?: string;
  /** prefilled inputs by id (dates as Excel serials) */
  values?: Values;
  /** prefills `ten_don_vi` unless `values` has it */
  unitName?: string;
  /** prefills `nam` unless `values` has it */
  year?: number;
  /** "Năm trước: x" notes by input id, shown under the requirement beside the input (src/sheet/prior.ts) */
  priorNotes?: Readonly<Record<string, string>>;
  /** the plan in force (default: the built-in default plan); its id and version are written too */
  plan?: Plan;
}

// ---------------------------------------------------------------------------------------------
// Geometry

/** Table columns (1-based). */
const COL = {
  id: 1, // A Tiêu chí
  text: 2, // B Nội dung tiêu chí
  label: 3, // C Chỉ số
  expect: 4, // D Yêu cầu
  value: 5, // E Giá trị
  evidence: 6, // F Minh chứng
  status: 7, // G Kết quả
  reason: 8, // H Lý do
  rank: 9, // I (hidden) rank of each requirement
  why: 10, // J (hidden) reason of each requirement
} as const;

/**
 * Visible widths sum to 136 characters (≈ 992 px, 744 pt): A4 landscape with 10 mm side margins
 * holds 785 pt, so "fit to one page wide" prints at 100 % and no text shrinks below its size.
 */
const WIDTHS: ColumnSpec[] = [
  { width: 6 },
  { width: 29 },
  { width: 23 },
  { width: 16 },
  { width: 11 },
  { width: 19 },
  { width: 11 },
  { width: 21 },
  { width: 6, hidden: true },
  { width: 30, hidden: true },
];

// ---------------------------------------------------------------------------------------------
// Styles

const C_TITLE = '1F3864';
const C_HEADER_FILL = 'D9E1F2';
const C_GROUP_FILL = 'EDEDED';
const C_INPUT_FILL = 'FFF9E5';

const S_BODY: CellStyle = { wrap: true, vAlign: 'top', border: true };
const S_LABEL: CellStyle = { ...S_BODY, vAlign: 'middle' };
const S_INPUT: CellStyle = { ...S_BODY, vAlign: 'middle', fill: C_INPUT_FILL, locked: false };
const S_COMPUTED: CellStyle = { ...S_BODY, vAlign: 'middle', bold: true };
const S_HEADER: CellStyle = {
  bold: true,
  fill: C_HEADER_FILL,
  hAlign: 'center',
  vAlign: 'middle',
  wrap: true,
  border: true,
};
const S_SECTION: CellStyle = { bold: true, color: C_TITLE, vAlign: 'bottom' };
/** the evidence hint under each criterion's Minh chứng cell: locked, italic, grey text */
const S_HINT: CellStyle = { ...S_BODY, italic: true, size: 10, color: '404040', vAlign: 'middle' };
const DATE_FMT = 'dd/mm/yyyy';

// Status colours (conditional formats and the legend). "Sai dữ liệu" is purple and bold, never the
// amber of "Chưa nhập"; a passed criterion with a blank Minh chứng cell is orange.
const RED = { fill: 'FFC7CE', color: '9C0006' };
const PURPLE = { fill: 'E4DFEC', color: '5B2C6F' };
const AMBER = { fill: 'FFEB9C', color: '9C5700' };
const GREY = { fill: 'E7E6E6', color: '404040' };
const GREEN = { fill: 'C6EFCE', color: '006100' };
const NO_EVIDENCE = { fill: 'F8CBAD', color: '843C0C', bold: true };

// ---------------------------------------------------------------------------------------------
// Expectation texts ("Yêu cầu" column)

function dm(s: string): string {
  if (s === PERIOD_END_DUE) return 'hết kỳ đánh giá';
  const { m, d } = parseDayMonth(s);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}`;
}

/** What requirement `r` asks of indicator `id`, in a few words; undefined when it does not read it. */
function expectationOf(
  pack: Pack,
  params: ParamValues,
  r: Requirement,
  id: string,
  ind: Indicator,
): string | undefined {
  switch (r.kind) {
    case 'equals':
      return r.indicator === id ? `= ${r.value}` : undefined;
    case 'zero':
      return r.indicator === id ? '= 0' : undefined;
    case 'atLeast':
      if (r.indicator !== id) return undefined;
      return `≥ ${paramNumber(params, r.min)}${r.due ? `, hạn ${dm(r.due)}` : ''}`;
    case 'datedDocument':
      return r.indicator === id ? `trong ${dm(r.from)}–${dm(r.to)}` : undefined;
    case 'datedEvent':
      return r.indicator === id ? `= Có, hạn ${dm(r.due)}` : undefined;
    case 'monthly':
      return r.indicator === id ? '≥ số tháng đã qua của kỳ đánh giá' : undefined;
    case 'rating': {
      if (r.indicator !== id) return undefined;
      const min = paramLabel(params, r.atLeast);
      const scale = scaleOf(ind, pack);
      // ratings are issued after the review: the latest one published counts
      return `${scale.indexOf(min) === 0 ? `= ${min}` : `≥ ${min}`}; kết quả gần nhất`;
    }
    case 'complete':
      if (r.part === id) {
        const due =
          r.timing === 'accruing'
            ? `, hạn ${dm(r.due ?? PERIOD_END_DUE)}`
            : r.timing === 'rating'
              ? '; kết quả gần nhất'
              : '';
        return `= tổng số (100%)${due}`;
      }
      return r.whole === id ? 'tổng số' : undefined;
    case 'reduction':
      if (r.current === id) {
        const pct = fmtPct(paramNumber(params, r.percent));
        return paramBool(params, r.acceptRestraint)
          ? `không tăng hoặc giảm ≥ ${pct}% so với cùng kỳ`
          : `giảm ≥ ${pct}% so với cùng kỳ`;
      }
      return r.previous === id ? 'số liệu so sánh' : undefined;
    case 'addicts':
      if (r.current === id) {
        const t = paramNumber(params, r.threshold);
        return `= 0, hoặc giảm ≥ ${fmtPct(paramNumber(params, r.percent))}% (trên ${t} người) / ≥ ${paramNumber(params, r.people)} người (từ ${t} trở xuống)`;
      }
      return r.previous === id ? 'số liệu so sánh' : undefined;
    case 'rateBelow':
      if (r.part === id) return `tỷ lệ < ${fmtPct(paramNumber(params, r.percent))}%`;
      return r.whole === id ? 'tổng số' : undefined;
  }
}

function applicabilityNote(pack: Pack, r: Requirement): string {
  const a = r.applicability;
  if (!a) return '';
  const ind = pack.profile.find((p) => p.id === a.indicator);
  const name = ind ? ind.label : a.indicator;
  return a.mode === 'only'
    ? ` (chỉ khi ${name} = ${a.values.join('/')})`
    : ` (không áp dụng khi ${name} = ${a.values.join('/')})`;
}

function typeExpectation(ind: Indicator): string {
  if (ind.type === 'count') {
    if (ind.min !== undefined && ind.max !== undefined) return `số từ ${ind.min} đến ${ind.max}`;
    if (ind.min !== undefined) return `số ≥ ${ind.min}`;
    return 'số ≥ 0';
  }
  if (ind.type === 'date') return 'ngày dd/mm/yyyy';
  if (ind.type === 'bool') return 'Có/Không';
  return '';
}

/** The "Yêu cầu" text of input `ind`, with the parameters in force (the plan's overrides applied). */
export function expectationText(
  pack: Pack,
  params: ParamValues,
  criterion: Criterion,
  ind: Indicator,
): string {
  const parts: string[] = [];
  for (const r of criterion.requirements) {
    const e = expectationOf(pack, params, r, ind.id, ind);
    if (e !== undefined) parts.push(e + applicabilityNote(pack, r));
  }
  if (ind.type === 'count' && ind.max !== undefined && !parts.some((p) => p.includes('≤'))) {
    parts.push(`≤ ${ind.max}`);
  }
  if (parts.length === 0) return typeExpectation(ind);
  return parts.join('; ');
}

/** The hint printed under a criterion's Minh chứng cell: the pack's guidance, or the generic ask. */
export function evidenceHint(cr: Criterion): string {
  const text = cr.guidance?.evidence ?? 'ghi số, ngày văn bản hoặc tài liệu chứng minh.';
  return `Minh chứng được tính (${cr.id}): ${text}`;
}

// ---------------------------------------------------------------------------------------------
// Inputs: validation, number formats, prefilled values

/** Excel rejects a workbook whose validation prompt exceeds 255 or error text 225 characters. */
export const MAX_PROMPT = 255;
export const MAX_ERROR = 225;
const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

function validationFor(pack: Pack, ind: Indicator, address: string): ValidationSpec | undefined {
  const v = rawValidation(pack, ind, address);
  if (!v) return v;
  return {
    ...v,
    error: clip(v.error, MAX_ERROR),
    ...(v.prompt ? { prompt: clip(v.prompt, MAX_PROMPT) } : {}),
  };
}

function rawValidation(pack: Pack, ind: Indicator, address: string): ValidationSpec | undefined {
  switch (ind.type) {
    case 'bool':
      return {
        address,
        type: 'list',
        values: [BOOL_YES, BOOL_NO],
        prompt: `${ind.label}: chọn “Có” hoặc “Không”.`,
        error: 'Chỉ nhập “Có” hoặc “Không”.',
      };
    case 'choice': {
      const scale = scaleOf(ind, pack);
      // Literal list validations are capped at 255 characters and split on commas.
      if (scale.length === 0 || scale.some((s) => s.includes(',')) || scale.join(',').length > 250)
        return undefined;
      return {
        address,
        type: 'list',
        values: scale,
        prompt: `${ind.label}: chọn một giá trị trong danh sách.`,
        error: `Chỉ chọn một trong: ${scale.join('; ')}.`,
      };
    }
    case 'count': {
      const min = Math.max(0, ind.min ?? 0);
      const max = ind.max;
      const range = max !== undefined ? `từ ${min} đến ${max}` : `từ ${min} trở lên`;
      return {
        address,
        type: 'whole',
        min,
        ...(max !== undefined ? { max } : {}),
        prompt: `${ind.label}: nhập số nguyên ${range}.`,
        error: `Cần nhập số nguyên ${range}.`,
      };
    }
    case 'date':
      return {
        address,
        type: 'date',
        min: MIN_DATE_SERIAL,
        max: MAX_DATE_SERIAL,
        prompt: `${ind.label}: nhập ngày dạng dd/mm/yyyy.`,
        error: 'Cần nhập một ngày hợp lệ (dd/mm/yyyy), từ 01/01/1900 đến 31/12/9999.',
      };
    case 'text':
      return undefined;
  }
}

function inputStyle(ind: Pick<Indicator, 'type'>, extra: CellStyle = {}): CellStyle {
  const numFmt = ind.type === 'date' ? DATE_FMT : ind.type === 'text' ? '@' : undefined;
  return { ...S_INPUT, ...(numFmt ? { numFmt } : {}), ...extra };
}

function prefill(v: CellValue | undefined): string | number | boolean | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' && !Number.isFinite(v)) return undefined;
  return v;
}

// ---------------------------------------------------------------------------------------------
// Row heights: merged cells never auto-fit, so heights are estimated from the text they hold.

const LINE_PT = 15;

/** Lines of 11 pt text in a column `width` characters wide. */
function lines(text: string, width: number): number {
  return wrappedLines(text, Math.max(4, Math.floor(width * 1.15)));
}

/** Lines of 10 pt text (notes, hints) in a column `width` characters wide. */
const SMALL_LINE_PT = 13;
function smallLines(text: string, width: number): number {
  return lines(text, width * 1.1);
}

function widthOf(c1: number, c2: number): number {
  let w = 0;
  for (let c = c1; c <= c2; c++) w += WIDTHS[c - 1].width;
  return w;
}

// ---------------------------------------------------------------------------------------------

/** Rows of one criterion block, with its group heading row when the block opens a group. */
interface Block {
  first: number;
  last: number;
  groupRow?: number;
}

/** Page margins (mm) of the printed sheet: A4 landscape. */
export const PRINT_MARGINS_MM = { top: 15, bottom: 15, left: 10, right: 10 } as const;
const DEFAULT_ROW_PT = 15;
/**
 * Height (pt) the rows of one printed page may fill: A4 landscape (210 mm) less the margins, less
 * 4 % for the spreadsheets' rounding of row heights (the footer prints inside the bottom margin).
 */
export const PAGE_BODY_PT = Math.floor(
  ((210 - PRINT_MARGINS_MM.top - PRINT_MARGINS_MM.bottom) / 25.4) * 72 * 0.96,
);

/**
 * Rows that start a new printed page, so that no criterion block (nor a group heading and its
 * first criterion) is split: a block that does not fit in what is left of the page moves to the
 * next one, under the repeated table header. Heights are the spec's own (every table row has one).
 */
function pageBreaks(
  heights: ReadonlyMap<number, number>,
  headerRow: number,
  blocks: readonly Block[],
): number[] {
  const h = (r: number): number => heights.get(r) ?? DEFAULT_ROW_PT;
  const sum = (a: number, z: number): number => {
    let t = 0;
    for (let r = a; r <= z; r++) t += h(r);
    return t;
  };
  const header = h(headerRow);
  let used = sum(1, headerRow);
  const out: number[] = [];
  for (const blk of blocks) {
    const start = blk.groupRow ?? blk.first;
    const need = sum(start, blk.last);
    if (used + need > PAGE_BODY_PT && used > header) {
      out.push(start);
      used = header;
    }
    used += need;
  }
  return out;
}

/** The sheet's own colours: statuses, the verdict, a passing criterion with no evidence. */
function conditionalFormats(at: {
  firstTableRow: number;
  lastTableRow: number;
  verdictRow: number;
  last: number;
  evidenceMarks: ReadonlyArray<{ status: string; evidence: string; first: number; last: number }>;
}): ConditionalFormatSpec[] {
  const { firstTableRow, lastTableRow, verdictRow, last, evidenceMarks } = at;
  const cf: ConditionalFormatSpec[] = [];
  const tableRange = range(firstTableRow, COL.status, lastTableRow, COL.reason);
  const g1 = `$${addr(firstTableRow, COL.status)}`;
  const is = (cell: string, ...codes: Array<keyof typeof STATUS_LABELS>): string =>
    codes.length === 1
      ? `${cell}=${str(STATUS_LABELS[codes[0]])}`
      : `OR(${codes.map((c) => `${cell}=${str(STATUS_LABELS[c])}`).join(',')})`;
  cf.push({ range: tableRange, formula: is(g1, 'fail'), style: RED, priority: 1 });
  cf.push({ range: tableRange, formula: is(g1, 'invalid'), style: { ...PURPLE, bold: true }, priority: 2 });
  cf.push({ range: tableRange, formula: is(g1, 'missing'), style: AMBER, priority: 3 });
  cf.push({ range: tableRange, formula: is(g1, 'not_due', 'na'), style: GREY, priority: 4 });
  cf.push({ range: tableRange, formula: is(g1, 'pass'), style: GREEN, priority: 5 });
  const vCell = abs(verdictRow, COL.status);
  const vRange = range(verdictRow, COL.status, verdictRow, last);
  const starts = (label: string): string => `LEFT(${vCell},${label.length})=${str(label)}`;
  const verdictRules: Array<[string, ConditionalFormatSpec['style']]> = [
    [starts(VERDICT_LABELS.fail), RED],
    [`OR(${starts(VERDICT_LABELS.incomplete)},${starts(VERDICT_LABELS.ineligible)})`, AMBER],
    [starts(VERDICT_LABELS.on_track), GREY],
    [starts(VERDICT_LABELS.pass + VERDICT_PASS_TAIL), GREEN],
  ];
  for (const [formula, style] of verdictRules) {
    cf.push({ range: vRange, formula, style: { ...style, bold: true }, priority: cf.length + 1 });
  }
  // a criterion that passes with a blank Minh chứng: its evidence cell is marked (the legend says so)
  for (const m of evidenceMarks) {
    cf.push({
      range: range(m.first, COL.evidence, m.last - 1, COL.evidence),
      formula: `AND(${m.status}=${str(STATUS_LABELS.pass)},LEN(TRIM(${m.evidence}))=0)`,
      style: NO_EVIDENCE,
      priority: cf.length + 1,
    });
  }
  return cf;
}

/**
 * The verdict cell `ket_luan` (src/engine/evaluate.ts says the same): failing criteria, then missing
 * data (a status cell that did not compute counts as missing), then the plan's gating prerequisites
 * (blank or malformed → incomplete, not met → ineligible), then "not yet due", else pass.
 */
function verdictFormula(
  compiled: CompiledPack,
  p: FormulaPrinter,
  statusCells: ReadonlyArray<{ id: string; name: string }>,
  cnt: (code: keyof typeof STATUS_LABELS) => string,
): string {
  const total = statusCells.length;
  const failText = str(STATUS_LABELS.fail);
  const failList = statusCells.map((s) => `IF(${s.name}=${failText},${str(', ' + s.id)},"")`).join('&');
  const d = AS_OF_NAME;
  const viDate = `RIGHT("0"&DAY(${d}),2)&"/"&RIGHT("0"&MONTH(${d}),2)&"/"&YEAR(${d})`;
  // gating prerequisites: blank or malformed → incomplete; not met → ineligible (src/engine/evaluate.ts)
  const gate = compiled.gate ? compiled.prerequisites : [];
  const preIncomplete = gate.map((q) => `IF(${p.bool(q.blank)},TRUE(),NOT(${p.bool(q.valid)}))`);
  const unmetList = gate.map((q) => `IF(${p.bool(q.met)},"",${str('; ' + q.label)})`).join('&');
  const ineligible = gate.length
    ? `IF(LEN(${unmetList})>0,${str(VERDICT_LABELS.ineligible + ': ')}&MID(${unmetList},3,${gate.reduce((a, q) => a + q.label.length + 2, 0)}),`
    : '';
  const verdict =
    `IF(${cnt('fail')}>0,${str(VERDICT_LABELS.fail + ': ')}&MID(${failList},3,${total * 8}),` +
    // a status cell that did not compute (an error, a deleted row) never lets the unit pass
    `IF(${cnt('invalid')}+${cnt('missing')}>0,${str(VERDICT_LABELS.incomplete)},` +
    `IF(${(['pass', 'fail', 'invalid', 'missing', 'not_due', 'na'] as const).map(cnt).join('+')}<${total},${str(VERDICT_LABELS.incomplete)},` +
    (preIncomplete.length ? `IF(OR(${preIncomplete.join(',')}),${str(VERDICT_LABELS.incomplete)},` : '') +
    ineligible +
    `IF(${cnt('not_due')}>0,${str(VERDICT_LABELS.on_track + VERDICT_ON_TRACK_PREFIX)}&${viDate}&")",` +
    `${str(VERDICT_LABELS.pass + VERDICT_PASS_TAIL)}))))` +
    (preIncomplete.length ? ')' : '') +
    (gate.length ? ')' : '');
  return verdict;
}

/**
 * "Cách dùng và chú giải" rows from `row`: where to type, what a blank as-of date means, and a
 * sample of every colour the sheet uses. Returns the last row written.
 */
function legend(b: SpecBuilder, row: number): number {
  const last = COL.reason;
  b.set(row, 1, { value: 'Cách dùng và chú giải', style: S_SECTION });
  b.merge(row, 1, row, last);
  const how =
    'Chỉ nhập vào các ô nền vàng nhạt: thông tin đơn vị, cột Giá trị và cột Minh chứng (ghi số, ngày văn bản). ' +
    'Cột Kết quả, Lý do và ô Kết luận là công thức, tự tính. Để trống “Ngày đánh giá” là tính đến hôm nay; ' +
    'sau khi bấm Đánh giá (hoặc lệnh tieuchi check), tính đến ngày đã chốt ở phần Đánh giá gần nhất.';
  b.set(row + 1, 1, { value: how, style: { wrap: true, vAlign: 'top', size: 10 } });
  b.merge(row + 1, 1, row + 1, last);
  b.minHeight(row + 1, lines(how, widthOf(1, last) * 1.1) * LINE_PT + 3);
  const samples: Array<[string, CellStyle]> = [
    ['Ô nhập', { fill: C_INPUT_FILL }],
    [STATUS_LABELS.pass, { fill: GREEN.fill, color: GREEN.color }],
    [STATUS_LABELS.fail, { fill: RED.fill, color: RED.color }],
    [
      `${STATUS_LABELS.invalid} (giá trị không hợp lệ)`,
      { fill: PURPLE.fill, color: PURPLE.color, bold: true },
    ],
    [`${STATUS_LABELS.missing} (ô còn trống)`, { fill: AMBER.fill, color: AMBER.color }],
    [`${STATUS_LABELS.not_due}, ${STATUS_LABELS.na}`, { fill: GREY.fill, color: GREY.color }],
    [`${STATUS_LABELS.pass} nhưng chưa ghi minh chứng`, { ...NO_EVIDENCE }],
  ];
  const r = row + 2;
  b.set(r, 1, { value: 'Màu:', style: { ...S_LABEL, bold: true, size: 10 } });
  samples.forEach(([text, style], i) => {
    b.set(r, 2 + i, { value: text, style: { ...S_LABEL, ...style, size: 10, hAlign: 'center' } });
  });
  b.minHeight(r, 2 * SMALL_LINE_PT + 4);
  return r;
}

export function buildCriteriaSheet(pack: Pack, opts: LayoutOptions = {}): SheetSpec {
  const compiled = compilePack(pack, opts.plan);
  const p = new FormulaPrinter();
  const b = new SpecBuilder();
  const values: Record<string, CellValue | undefined> = { ...(opts.values ?? {}) };
  if (opts.unitName !== undefined && values.ten_don_vi === undefined) values.ten_don_vi = opts.unitName;
  if (opts.year !== undefined && values.nam === undefined) values.nam = opts.year;

  const last = COL.reason;
  // --- Title --------------------------------------------------------------------------------
  b.set(1, 1, {
    value: pack.title,
    style: { bold: true, size: 14, color: C_TITLE, wrap: true, vAlign: 'middle' },
  });
  b.merge(1, 1, 1, last);
  b.minHeight(1, Math.max(24, lines(pack.title, widthOf(1, last) * 0.8) * 20));
  b.set(2, 1, { value: pack.legalBasis, style: { italic: true, wrap: true, vAlign: 'top' } });
  b.merge(2, 1, 2, last);
  b.minHeight(2, lines(pack.legalBasis, widthOf(1, last)) * LINE_PT + 2);

  // --- Profile (left: A–E) and results (right: F–H) -----------------------------------------
  const top = 3;
  b.set(top, 1, { value: 'Thông tin đơn vị', style: S_SECTION });
  b.merge(top, 1, top, COL.value);
  b.set(top, COL.evidence, { value: 'Kết quả đánh giá (tự động)', style: S_SECTION });
  b.merge(top, COL.evidence, top, last);

  let row = top + 1;
  for (const ind of pack.profile) {
    b.set(row, 1, { value: ind.label + (ind.required ? ' *' : ''), style: S_LABEL });
    b.merge(row, 1, row, COL.label, S_LABEL);
    const v = prefill(values[ind.id]);
    // a text (the unit's name, the province) gets the hint's column too and wraps over lines
    const wide = ind.type === 'text';
    const at = wide ? COL.expect : COL.value;
    let need = lines(ind.label, widthOf(1, COL.label)) * LINE_PT + 3;
    if (wide) {
      b.set(row, at, { ...(v !== undefined ? { value: v } : {}), style: inputStyle(ind), input: true });
      b.merge(row, at, row, COL.value, inputStyle(ind));
      const typed = typeof v === 'string' ? lines(v, widthOf(at, COL.value)) : 1;
      need = Math.max(need, Math.max(2, typed) * LINE_PT + 3);
    } else {
      const hint =
        ind.id === AS_OF_ID
          ? 'trống = hôm nay, đến khi Đánh giá chốt ngày'
          : (ind.hint ?? typeExpectation(ind));
      b.set(row, COL.expect, { value: hint, style: { ...S_LABEL, italic: true, size: 10 } });
      b.set(row, at, { ...(v !== undefined ? { value: v } : {}), style: inputStyle(ind), input: true });
      need = Math.max(need, smallLines(hint, WIDTHS[COL.expect - 1].width) * SMALL_LINE_PT + 3);
    }
    b.name(ind.id, row, at);
    const val = validationFor(pack, ind, addr(row, at));
    if (val) b.validations.push(val);
    b.minHeight(row, need);
    row++;
  }
  const profileEnd = row - 1;

  // Right-hand block: computed cells.
  const helpers = helperFormulas(compiled);
  let rr = top + 1;
  const note = (r: number, text: string): void => {
    b.set(r, COL.reason, { value: text, style: { ...S_LABEL, italic: true, size: 10 } });
    b.minHeight(r, smallLines(text, WIDTHS[COL.reason - 1].width) * SMALL_LINE_PT + 3);
  };
  const rightLabel = (r: number, text: string): void => {
    b.set(r, COL.evidence, { value: text, style: S_LABEL });
  };
  rightLabel(rr, 'Tính đến ngày');
  b.set(rr, COL.status, {
    formula: helpers.asOf,
    style: { ...S_COMPUTED, numFmt: DATE_FMT, hAlign: 'center' },
  });
  b.name(AS_OF_NAME, rr, COL.status);
  note(rr, 'trống: ngày đã chốt khi Đánh giá, chưa chốt thì hôm nay');
  rr++;
  rightLabel(rr, 'Năm áp dụng');
  b.set(rr, COL.status, { formula: helpers.year, style: { ...S_COMPUTED, numFmt: '0', hAlign: 'center' } });
  b.name(YEAR_NAME, rr, COL.status);
  note(rr, 'trống = năm của ngày tính');
  rr++;
  const verdictRow = rr;
  rightLabel(rr, 'Kết luận');
  b.set(rr, COL.status, { formula: '""', style: { ...S_COMPUTED, size: 12 } }); // formula set below
  b.merge(rr, COL.status, rr, last, S_COMPUTED);
  b.name(VERDICT_NAME, rr, COL.status);
  b.minHeight(rr, 2 * LINE_PT + 6);
  rr++;
  const countsRow = rr;
  rightLabel(rr, 'Số tiêu chí đạt');
  b.name(PASSED_NAME, rr, COL.status);
  b.name(RATIO_NAME, rr, COL.reason);
  rr++;
  rightLabel(rr, 'Số tiêu chí áp dụng');
  b.name(APPLICABLE_NAME, rr, COL.status);
  rr++;
  rightLabel(rr, 'Gói tiêu chí, phiên bản');
  b.set(rr, COL.status, { value: pack.id, style: { ...S_LABEL, hAlign: 'center' } });
  b.name(PACK_ID_NAME, rr, COL.status);
  b.set(rr, COL.reason, { value: pack.version, style: { ...S_LABEL, numFmt: '@' } });
  b.name(PACK_VERSION_NAME, rr, COL.reason);
  rr++;
  rightLabel(rr, 'Kế hoạch, phiên bản');
  b.set(rr, COL.status, { value: compiled.plan.id, style: { ...S_LABEL, hAlign: 'center' } });
  b.name(PLAN_ID_NAME, rr, COL.status);
  b.set(rr, COL.reason, { value: compiled.plan.version, style: { ...S_LABEL, numFmt: '@' } });
  b.name(PLAN_VERSION_NAME, rr, COL.reason);
  rr++;
  rightLabel(rr, 'Kỳ đánh giá');
  b.minHeight(rr, 2 * LINE_PT + 3); // two dates over two lines
  b.set(rr, COL.status, {
    formula: p.msg([
      { num: compiled.periodStart, fmt: 'date' },
      ' – ',
      { num: compiled.periodEnd, fmt: 'date' },
    ]),
    style: { ...S_COMPUTED, hAlign: 'center' },
  });
  b.name(PERIOD_NAME, rr, COL.status);
  note(rr, 'theo kế hoạch; việc “trong năm” tính đến hết kỳ');
  rr++;

  // "Đánh giá gần nhất": two label/value pairs per row below both blocks.
  let srow = Math.max(profileEnd, rr - 1) + 1;
  b.set(srow, 1, {
    value: 'Đánh giá gần nhất (ghi khi bấm Đánh giá / lệnh tieuchi check)',
    style: S_SECTION,
  });
  b.merge(srow, 1, srow, last);
  srow++;
  const stampPairs: Array<[string, string, string, string]> = [
    ['Thời điểm đánh giá', STAMP_NAMES.time, 'Kết luận', STAMP_NAMES.verdict],
    ['Tính đến ngày', STAMP_NAMES.asOf, 'Số tiêu chí đạt', STAMP_NAMES.ratio],
    ['Gói tiêu chí (phiên bản)', STAMP_NAMES.pack, 'Mã SHA-256 dữ liệu', STAMP_NAMES.sha256],
  ];
  const S_STAMP: CellStyle = { ...S_LABEL, size: 10 };
  for (const [l1, n1, l2, n2] of stampPairs) {
    b.set(srow, 1, { value: l1, style: S_LABEL });
    b.merge(srow, 1, srow, COL.label, S_LABEL);
    // stamp values come in `opts.values` (written by `check --out` / the add-in after an evaluation)
    const v1 = prefill(values[n1]);
    // the frozen as-of date is a real date: the sheet's formulas read it (src/engine/compile.ts)
    const s1: CellStyle =
      n1 === STAMP_NAMES.asOf ? { ...S_STAMP, numFmt: DATE_FMT, hAlign: 'left' } : S_STAMP;
    b.set(srow, COL.expect, { ...(v1 !== undefined ? { value: v1 } : {}), style: s1 });
    b.merge(srow, COL.expect, srow, COL.value, S_STAMP);
    b.name(n1, srow, COL.expect);
    b.set(srow, COL.evidence, { value: l2, style: S_LABEL });
    const v2 = prefill(values[n2]);
    b.set(srow, COL.status, { ...(v2 !== undefined ? { value: v2 } : {}), style: S_STAMP });
    b.merge(srow, COL.status, srow, last, S_STAMP);
    b.name(n2, srow, COL.status);
    b.minHeight(srow, n2 === STAMP_NAMES.sha256 || n2 === STAMP_NAMES.verdict ? 2 * 12 + 4 : LINE_PT + 3);
    srow++;
  }

  // --- How to use, colour legend ------------------------------------------------------------
  const headerRow = legend(b, srow) + 1;

  // --- Table ----------------------------------------------------------------------------------
  const headers = [
    'Tiêu chí',
    'Nội dung tiêu chí',
    'Chỉ số',
    'Yêu cầu',
    'Giá trị',
    'Minh chứng (số, ngày văn bản)',
    'Kết quả',
    'Lý do',
    'Mức',
    'Lý do từng yêu cầu',
  ];
  headers.forEach((h, i) => b.set(headerRow, i + 1, { value: h, style: S_HEADER }));
  b.minHeight(headerRow, 2 * LINE_PT + 2);

  row = headerRow + 1;
  const firstTableRow = row;
  const statusCells: Array<{ n: number; id: string; name: string }> = [];
  /** rows of each criterion block (and of its group heading when it opens a group), for page breaks */
  const blocks: Block[] = [];
  const evidenceMarks: Array<{ status: string; evidence: string; first: number; last: number }> = [];
  let ci = 0;
  for (const g of pack.groups) {
    const groupRow = row;
    b.set(groupRow, 1, {
      value: `Nhóm ${g.number}`,
      style: { ...S_HEADER, fill: C_GROUP_FILL, hAlign: 'left' },
    });
    b.set(groupRow, 2, { value: g.title, style: { ...S_HEADER, fill: C_GROUP_FILL, hAlign: 'left' } });
    b.merge(groupRow, 2, groupRow, COL.evidence, { ...S_HEADER, fill: C_GROUP_FILL });
    b.minHeight(groupRow, lines(g.title, widthOf(2, COL.evidence)) * LINE_PT + 4);
    row++;
    const groupFirst = row;
    for (const cr of g.criteria) {
      const cc = compiled.criteria.find((x) => x.criterion === cr) ?? compiled.criteria[ci];
      ci++;
      // one row per indicator / requirement, then the evidence hint row (C–F) closing the block
      const nRows = Math.max(cr.indicators.length, cc.requirements.length, 1) + 1;
      const r1 = row;
      const r2 = row + nRows - 1;
      blocks.push({ first: r1, last: r2, groupRow: cr === g.criteria[0] ? groupRow : undefined });
      // criterion id and official text
      b.set(r1, COL.id, { value: cr.id, style: { ...S_BODY, bold: true, hAlign: 'center' } });
      b.merge(r1, COL.id, r2, COL.id, S_BODY);
      b.set(r1, COL.text, { value: cr.text, style: S_BODY });
      b.merge(r1, COL.text, r2, COL.text, S_BODY);
      // indicators
      cr.indicators.forEach((ind, i) => {
        const r = r1 + i;
        b.set(r, COL.label, { value: ind.label, style: S_LABEL });
        const prior = opts.priorNotes?.[ind.id];
        const exp = expectationText(pack, compiled.parameters, cr, ind) + (prior ? `\n${prior}` : '');
        b.set(r, COL.expect, { value: exp, style: { ...S_LABEL, size: 10 } });
        const v = prefill(values[ind.id]);
        b.set(r, COL.value, {
          ...(v !== undefined ? { value: v } : {}),
          style: inputStyle(ind),
          input: true,
        });
        b.name(ind.id, r, COL.value);
        const val = validationFor(pack, ind, addr(r, COL.value));
        if (val) b.validations.push(val);
        b.minHeight(
          r,
          Math.max(lines(ind.label, WIDTHS[COL.label - 1].width), lines(exp, WIDTHS[COL.expect - 1].width)) *
            LINE_PT +
            3,
        );
      });
      for (let r = r1 + cr.indicators.length; r < r2; r++) {
        for (const c of [COL.label, COL.expect, COL.value]) b.set(r, c, { style: S_BODY });
      }
      // evidence (merged input) above its hint
      const ev = evidenceId(cr);
      const evv = prefill(values[ev]);
      const S_EVIDENCE = inputStyle({ type: 'text' }, { vAlign: 'top' });
      b.set(r1, COL.evidence, {
        ...(evv !== undefined ? { value: evv } : {}),
        style: S_EVIDENCE,
        input: true,
      });
      b.merge(r1, COL.evidence, r2 - 1, COL.evidence, S_EVIDENCE);
      b.name(ev, r1, COL.evidence);
      const hint = evidenceHint(cr);
      b.set(r2, COL.label, { value: hint, style: S_HINT });
      b.merge(r2, COL.label, r2, COL.evidence, S_HINT);
      b.minHeight(r2, lines(hint, widthOf(COL.label, COL.evidence) * 1.1) * LINE_PT + 3);
      evidenceMarks.push({
        status: abs(r1, COL.status),
        evidence: abs(r1, COL.evidence),
        first: r1,
        last: r2,
      });
      // hidden helpers: rank and reason of every requirement
      cc.requirements.forEach((req, i) => {
        b.set(r1 + i, COL.rank, { formula: p.rank(req.expr), style: { numFmt: '0' } });
        b.set(r1 + i, COL.why, { formula: p.reason(req.expr) });
      });
      const ranks = absRange(r1, COL.rank, r2, COL.rank);
      const whys = absRange(r1, COL.why, r2, COL.why);
      const S_STATUS: CellStyle = { ...S_BODY, bold: true, hAlign: 'center', vAlign: 'middle' };
      b.set(r1, COL.status, { formula: statusLabelFormula(`MAX(${ranks})`), style: S_STATUS });
      b.merge(r1, COL.status, r2, COL.status, S_STATUS);
      const nm = statusName(cr);
      b.name(nm, r1, COL.status);
      b.set(r1, COL.reason, {
        formula: `IF(MAX(${ranks})<=1,"",INDEX(${whys},MATCH(MAX(${ranks}),${ranks},0)))`,
        style: { ...S_BODY, size: 10 },
      });
      b.merge(r1, COL.reason, r2, COL.reason, S_BODY);
      statusCells.push({ n: cr.number, id: cr.id, name: nm });
      // heights: the merged official text must fit in the block
      let have = 0;
      for (let r = r1; r <= r2; r++) {
        b.minHeight(r, LINE_PT + 3);
        have += b.heights.get(r) ?? 0;
      }
      const need = Math.max(lines(cr.text, WIDTHS[COL.text - 1].width) * LINE_PT, 3 * LINE_PT) + 4;
      if (need > have) {
        const extra = Math.ceil((need - have) / nRows);
        for (let r = r1; r <= r2; r++) b.heights.set(r, (b.heights.get(r) ?? 0) + extra);
      }
      row = r2 + 1;
    }
    const groupLast = row - 1;
    const gr = absRange(groupFirst, COL.status, groupLast, COL.status);
    b.set(groupRow, COL.status, {
      formula: `COUNTIF(${gr},${str(STATUS_LABELS.pass)})&"/"&(${g.criteria.length}-COUNTIF(${gr},${str(STATUS_LABELS.na)}))&" đạt"`,
      style: { ...S_HEADER, fill: C_GROUP_FILL },
    });
    b.set(groupRow, COL.reason, { style: { ...S_HEADER, fill: C_GROUP_FILL } });
  }
  const lastTableRow = row - 1;

  // --- Verdict and counts -------------------------------------------------------------------
  const all = absRange(firstTableRow, COL.status, lastTableRow, COL.status);
  const total = statusCells.length;
  const cnt = (code: keyof typeof STATUS_LABELS): string => `COUNTIF(${all},${str(STATUS_LABELS[code])})`;
  b.set(countsRow, COL.status, {
    formula: cnt('pass'),
    style: { ...S_COMPUTED, numFmt: '0', hAlign: 'center' },
  });
  b.set(countsRow, COL.reason, {
    formula: `${PASSED_NAME}&"/"&${APPLICABLE_NAME}`,
    style: { ...S_COMPUTED, hAlign: 'left' },
  });
  b.set(countsRow + 1, COL.status, {
    formula: `${total}-${cnt('na')}`,
    style: { ...S_COMPUTED, numFmt: '0', hAlign: 'center' },
  });
  note(countsRow + 1, 'trừ tiêu chí không áp dụng');
  const verdict = verdictFormula(compiled, p, statusCells, cnt);
  const vi = b.cells.findIndex((c) => c.address === addr(verdictRow, COL.status));
  b.cells[vi] = { ...b.cells[vi], formula: verdict };

  // --- Conditional formats --------------------------------------------------------------------
  const cf = conditionalFormats({ firstTableRow, lastTableRow, verdictRow, last, evidenceMarks });

  return {
    name: opts.sheetName ?? CRITERIA_SHEET_NAME,
    columns: WIDTHS.map((w) => ({ ...w })),
    rows: b.rows(),
    cells: b.cells,
    merges: b.merges,
    names: b.names,
    validations: b.validations,
    conditionalFormats: cf,
    freeze: { rows: headerRow, columns: 0 },
    print: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      titleRows: `${headerRow}:${headerRow}`,
      area: range(1, 1, lastTableRow, last),
      margins: { ...PRINT_MARGINS_MM },
      rowBreaks: pageBreaks(b.heights, headerRow, blocks),
    },
    protect: true,
    tabColor: '2F5597',
  };
}
