/**
 * The worksheet "Tiêu chí" as plain data: a pack (and optional prefilled values) → SheetSpec.
 * Pure: no file system, no ExcelJS, no Office JavaScript API. Both writers (src/xlsx, src/excel) translate the
 * result, so the CLI template and the sheet the add-in inserts are the same sheet.
 *
 * Contract: every input cell carries a workbook-scope defined name equal to its id; the computed,
 * pack/plan and stamp cells carry the names of src/pack/workbookNames.ts (`kq_tcN`, `ket_luan`,
 * `so_dat`, `dg_*` …). Where each cell is comes from ./geometry.ts, which the sheet returns too.
 * Every formula is generated from the engine's rule trees by FormulaPrinter, so the sheet scores
 * itself exactly as src/engine/evaluate.ts does.
 */
import {
  absoluteArea as absRange,
  absoluteCell as abs,
  areaAddress as range,
  cellAddress as addr,
  colToLetters,
} from './address';
import { SpecBuilder } from './specBuilder';
import { paramBool, paramLabel, paramNumber, type ParamValues } from '../pack/params';
import { wrappedLines } from './textFit';
import type { Criterion, Indicator, Pack, Requirement } from '../pack/schema';
import {
  AS_OF_ID,
  AS_OF_NAME,
  APPLICABLE_NAME,
  BOOL_NO,
  BOOL_YES,
  evidenceId,
  PACK_ID_NAME,
  PACK_VERSION_NAME,
  PASSED_NAME,
  PERIOD_NAME,
  PLAN_ID_NAME,
  PLAN_VERSION_NAME,
  RATIO_NAME,
  STAMP_NAMES,
  statusName,
  UNIT_NAME_ID,
  VERDICT_NAME,
  YEAR_ID,
  YEAR_NAME,
} from '../pack/workbookNames';
import { PERIOD_END_DUE, compilePack, scaleOf, type CompiledPack } from '../engine/compile';
import { kindOf, type TextContext } from '../kinds';
import type { Plan } from '../plan/schema';
import { MAX_DATE_SERIAL, MIN_DATE_SERIAL, parseDayMonth } from '../engine/dates';
import { STATUS_LABELS, VERDICT_LABELS, VERDICT_ON_TRACK_PREFIX, VERDICT_PASS_TAIL } from '../engine/status';
import type { CellValue, Values } from '../engine/values';
import { FormulaPrinter, helperFormulas, statusLabelFormula, str } from './formula';
import {
  CRITERIA_COLUMNS,
  criteriaGeometry,
  type CellAt,
  type CriteriaGeometry,
  type CriterionGeometry,
} from './geometry';
import type { CellStyle, ColumnSpec, ConditionalFormatSpec, SheetSpec, ValidationSpec } from './spec';

export const CRITERIA_SHEET_NAME = 'Tiêu chí';

/** The criteria sheet, with where everything is on it. */
export interface CriteriaSheet extends SheetSpec {
  geometry: CriteriaGeometry;
}

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
// Columns (./geometry.ts)

const COL = CRITERIA_COLUMNS;

/**
 * Visible widths sum to 136 characters (≈ 992 px, 744 pt): A4 landscape with 10 mm side margins
 * holds 785 pt, so "fit to one page wide" prints at 100 % and no text shrinks below its size.
 */
const WIDTHS: readonly ColumnSpec[] = [
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

/** Width (characters) of layout column `col` (1-based); 0 right of the layout. */
function colWidth(col: number): number {
  return WIDTHS[col - 1]?.width ?? 0;
}

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

/** The pack's values as a kind's "Yêu cầu" text reads them (src/kinds/types.ts `TextContext`). */
function textContext(pack: Pack, params: ParamValues): TextContext {
  return {
    num: (v) => paramNumber(params, v),
    bool: (v) => paramBool(params, v),
    label: (v) => paramLabel(params, v),
    day: dm,
    scale: (ind) => scaleOf(ind, pack),
  };
}

/** What requirement `r` asks of indicator `ind`, in a few words; undefined when it does not read it. */
function expectationOf(x: TextContext, r: Requirement, ind: Indicator): string | undefined {
  const kind = kindOf(r);
  const field = kind.fieldReading(r, ind.id);
  return field === undefined ? undefined : kind.expectation(x, r, field, ind);
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
  const x = textContext(pack, params);
  for (const r of criterion.requirements) {
    const e = expectationOf(x, r, ind);
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
  for (let c = c1; c <= c2; c++) w += colWidth(c);
  return w;
}

// ---------------------------------------------------------------------------------------------

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
  blocks: ReadonlyArray<Pick<CriterionGeometry, 'first' | 'last' | 'groupRow'>>,
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
function conditionalFormats(geo: CriteriaGeometry): ConditionalFormatSpec[] {
  const { firstTableRow, lastTableRow } = geo;
  const last = COL.reason;
  const cf: ConditionalFormatSpec[] = [];
  const tableRange = range(firstTableRow, COL.status, lastTableRow, COL.reason);
  const g1 = `$${colToLetters(COL.status)}${firstTableRow}`;
  const isOne = (cell: string, code: keyof typeof STATUS_LABELS): string =>
    `${cell}=${str(STATUS_LABELS[code])}`;
  const is = (
    cell: string,
    code: keyof typeof STATUS_LABELS,
    ...more: Array<keyof typeof STATUS_LABELS>
  ): string =>
    more.length === 0 ? isOne(cell, code) : `OR(${[code, ...more].map((c) => isOne(cell, c)).join(',')})`;
  cf.push({ range: tableRange, formula: is(g1, 'fail'), style: RED, priority: 1 });
  cf.push({ range: tableRange, formula: is(g1, 'invalid'), style: { ...PURPLE, bold: true }, priority: 2 });
  cf.push({ range: tableRange, formula: is(g1, 'missing'), style: AMBER, priority: 3 });
  cf.push({ range: tableRange, formula: is(g1, 'not_due', 'na'), style: GREY, priority: 4 });
  cf.push({ range: tableRange, formula: is(g1, 'pass'), style: GREEN, priority: 5 });
  const vCell = abs(geo.verdict.row, geo.verdict.col);
  const vRange = range(geo.verdict.row, geo.verdict.col, geo.verdict.row, last);
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
  for (const c of geo.criteria) {
    const status = abs(c.status.row, c.status.col);
    const evidence = abs(c.evidence.row, c.evidence.col);
    cf.push({
      range: range(c.evidence.row, c.evidence.col, c.last - 1, c.evidence.col),
      formula: `AND(${status}=${str(STATUS_LABELS.pass)},LEN(TRIM(${evidence}))=0)`,
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
 * sample of every colour the sheet uses — three rows (LEGEND_ROWS in ./geometry.ts).
 */
function legend(b: SpecBuilder, row: number): void {
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
}

// ---------------------------------------------------------------------------------------------
// The sheet, section by section, each at the place the geometry gives it

/** What every section reads. */
interface Build {
  pack: Pack;
  compiled: CompiledPack;
  geo: CriteriaGeometry;
  p: FormulaPrinter;
  b: SpecBuilder;
  /** prefilled inputs and stamp values */
  values: Readonly<Record<string, CellValue | undefined>>;
  priorNotes: Readonly<Record<string, string>> | undefined;
}

/** Last visible column. */
const LAST = COL.reason;

/** A small italic note in the reason column of the results block. */
function noteCell(b: SpecBuilder, row: number, text: string): void {
  b.set(row, COL.reason, { value: text, style: { ...S_LABEL, italic: true, size: 10 } });
  b.minHeight(row, smallLines(text, colWidth(COL.reason)) * SMALL_LINE_PT + 3);
}

/** Title and legal basis (rows 1–2). */
function titleRows({ b, pack }: Build): void {
  b.set(1, 1, {
    value: pack.title,
    style: { bold: true, size: 14, color: C_TITLE, wrap: true, vAlign: 'middle' },
  });
  b.merge(1, 1, 1, LAST);
  b.minHeight(1, Math.max(24, lines(pack.title, widthOf(1, LAST) * 0.8) * 20));
  b.set(2, 1, { value: pack.legalBasis, style: { italic: true, wrap: true, vAlign: 'top' } });
  b.merge(2, 1, 2, LAST);
  b.minHeight(2, lines(pack.legalBasis, widthOf(1, LAST)) * LINE_PT + 2);
}

/** "Thông tin đơn vị": one row per profile field (left: A–E). */
function profileRows({ b, pack, geo, values }: Build): void {
  const top = geo.sectionRow;
  b.set(top, 1, { value: 'Thông tin đơn vị', style: S_SECTION });
  b.merge(top, 1, top, COL.value);
  for (const [i, ind] of pack.profile.entries()) {
    const at = geo.profile[i];
    if (!at) throw new Error(`layout: no geometry for profile field ${ind.id}`);
    const row = at.row;
    b.set(row, 1, { value: ind.label + (ind.required ? ' *' : ''), style: S_LABEL });
    b.merge(row, 1, row, COL.label, S_LABEL);
    const v = prefill(values[ind.id]);
    let need = lines(ind.label, widthOf(1, COL.label)) * LINE_PT + 3;
    if (at.col === COL.expect) {
      // a text (the unit's name, the province) gets the hint's column too and wraps over lines
      b.set(row, at.col, { ...(v !== undefined ? { value: v } : {}), style: inputStyle(ind), input: true });
      b.merge(row, at.col, row, COL.value, inputStyle(ind));
      const typed = typeof v === 'string' ? lines(v, widthOf(at.col, COL.value)) : 1;
      need = Math.max(need, Math.max(2, typed) * LINE_PT + 3);
    } else {
      const hint =
        ind.id === AS_OF_ID
          ? 'trống = hôm nay, đến khi Đánh giá chốt ngày'
          : (ind.hint ?? typeExpectation(ind));
      b.set(row, COL.expect, { value: hint, style: { ...S_LABEL, italic: true, size: 10 } });
      b.set(row, at.col, { ...(v !== undefined ? { value: v } : {}), style: inputStyle(ind), input: true });
      need = Math.max(need, smallLines(hint, colWidth(COL.expect)) * SMALL_LINE_PT + 3);
    }
    b.nameAt(ind.id, at);
    const val = validationFor(pack, ind, addr(row, at.col));
    if (val) b.validations.push(val);
    b.minHeight(row, need);
  }
}

/** "Kết quả đánh giá (tự động)" (right: F–H): as-of date, year, verdict, counts, pack, plan, period. */
function resultRows(ctx: Build): void {
  const { b, pack, geo, compiled, p } = ctx;
  b.set(geo.sectionRow, COL.evidence, { value: 'Kết quả đánh giá (tự động)', style: S_SECTION });
  b.merge(geo.sectionRow, COL.evidence, geo.sectionRow, LAST);
  const note = (r: number, text: string): void => noteCell(b, r, text);
  const label = (at: CellAt, text: string): void =>
    b.set(at.row, COL.evidence, { value: text, style: S_LABEL });
  const computed = (name: string, at: CellAt, formula: string, style: CellStyle): void => {
    b.set(at.row, at.col, { formula, style: { ...S_COMPUTED, ...style } });
    b.nameAt(name, at);
  };
  const helpers = helperFormulas(compiled);
  label(geo.asOf, 'Tính đến ngày');
  computed(AS_OF_NAME, geo.asOf, helpers.asOf, { numFmt: DATE_FMT, hAlign: 'center' });
  note(geo.asOf.row, 'trống: ngày đã chốt khi Đánh giá, chưa chốt thì hôm nay');
  label(geo.year, 'Năm áp dụng');
  computed(YEAR_NAME, geo.year, helpers.year, { numFmt: '0', hAlign: 'center' });
  note(geo.year.row, 'trống = năm của ngày tính');
  verdictRows(ctx);
  const idAndVersion = (
    text: string,
    id: [string, CellAt, string],
    version: [string, CellAt, string],
  ): void => {
    label(id[1], text);
    b.set(id[1].row, id[1].col, { value: id[2], style: { ...S_LABEL, hAlign: 'center' } });
    b.nameAt(id[0], id[1]);
    b.set(version[1].row, version[1].col, { value: version[2], style: { ...S_LABEL, numFmt: '@' } });
    b.nameAt(version[0], version[1]);
  };
  idAndVersion(
    'Gói tiêu chí, phiên bản',
    [PACK_ID_NAME, geo.packId, pack.id],
    [PACK_VERSION_NAME, geo.packVersion, pack.version],
  );
  idAndVersion(
    'Kế hoạch, phiên bản',
    [PLAN_ID_NAME, geo.planId, compiled.plan.id],
    [PLAN_VERSION_NAME, geo.planVersion, compiled.plan.version],
  );
  label(geo.period, 'Kỳ đánh giá');
  b.minHeight(geo.period.row, 2 * LINE_PT + 3); // two dates over two lines
  const period = p.msg([
    { num: compiled.periodStart, fmt: 'date' },
    ' – ',
    { num: compiled.periodEnd, fmt: 'date' },
  ]);
  computed(PERIOD_NAME, geo.period, period, { hAlign: 'center' });
  note(geo.period.row, 'theo kế hoạch; việc “trong năm” tính đến hết kỳ');
}

/** The verdict `ket_luan` and the counts `so_dat`, `ty_le_dat`, `so_ap_dung` over the whole table. */
function verdictRows({ b, geo, compiled, p }: Build): void {
  const all = absRange(geo.firstTableRow, COL.status, geo.lastTableRow, COL.status);
  const cnt = (code: keyof typeof STATUS_LABELS): string => `COUNTIF(${all},${str(STATUS_LABELS[code])})`;
  const statusCells = geo.criteria.map((c) => ({ id: c.id, name: statusName(c) }));
  const { verdict, passed, ratio, applicable } = geo;
  b.set(verdict.row, COL.evidence, { value: 'Kết luận', style: S_LABEL });
  b.set(verdict.row, verdict.col, {
    formula: verdictFormula(compiled, p, statusCells, cnt),
    style: { ...S_COMPUTED, size: 12 },
  });
  b.merge(verdict.row, verdict.col, verdict.row, LAST, S_COMPUTED);
  b.nameAt(VERDICT_NAME, verdict);
  b.minHeight(verdict.row, 2 * LINE_PT + 6);
  b.set(passed.row, COL.evidence, { value: 'Số tiêu chí đạt', style: S_LABEL });
  b.nameAt(PASSED_NAME, passed);
  b.nameAt(RATIO_NAME, ratio);
  b.set(applicable.row, COL.evidence, { value: 'Số tiêu chí áp dụng', style: S_LABEL });
  b.nameAt(APPLICABLE_NAME, applicable);
  b.set(passed.row, passed.col, {
    formula: cnt('pass'),
    style: { ...S_COMPUTED, numFmt: '0', hAlign: 'center' },
  });
  b.set(ratio.row, ratio.col, {
    formula: `${PASSED_NAME}&"/"&${APPLICABLE_NAME}`,
    style: { ...S_COMPUTED, hAlign: 'left' },
  });
  b.set(applicable.row, applicable.col, {
    formula: `${statusCells.length}-${cnt('na')}`,
    style: { ...S_COMPUTED, numFmt: '0', hAlign: 'center' },
  });
  noteCell(b, applicable.row, 'trừ tiêu chí không áp dụng');
}

/** "Đánh giá gần nhất": two label/value pairs per row below both blocks. */
function stampRows({ b, geo, values }: Build): void {
  b.set(geo.stampRow, 1, {
    value: 'Đánh giá gần nhất (ghi khi bấm Đánh giá / lệnh tieuchi check)',
    style: S_SECTION,
  });
  b.merge(geo.stampRow, 1, geo.stampRow, LAST);
  const S_STAMP: CellStyle = { ...S_LABEL, size: 10 };
  const pairs: Array<[string, keyof typeof STAMP_NAMES, string, keyof typeof STAMP_NAMES]> = [
    ['Thời điểm đánh giá', 'time', 'Kết luận', 'verdict'],
    ['Tính đến ngày', 'asOf', 'Số tiêu chí đạt', 'ratio'],
    ['Gói tiêu chí (phiên bản)', 'pack', 'Mã SHA-256 dữ liệu', 'sha256'],
  ];
  for (const [l1, k1, l2, k2] of pairs) {
    const [a1, a2] = [geo.stamp[k1], geo.stamp[k2]];
    const srow = a1.row;
    b.set(srow, 1, { value: l1, style: S_LABEL });
    b.merge(srow, 1, srow, COL.label, S_LABEL);
    // stamp values come in `opts.values` (written by `check --out` / the add-in after an evaluation)
    const v1 = prefill(values[STAMP_NAMES[k1]]);
    // the frozen as-of date is a real date: the sheet's formulas read it (src/engine/compile.ts)
    const s1: CellStyle = k1 === 'asOf' ? { ...S_STAMP, numFmt: DATE_FMT, hAlign: 'left' } : S_STAMP;
    b.set(srow, a1.col, { ...(v1 !== undefined ? { value: v1 } : {}), style: s1 });
    b.merge(srow, a1.col, srow, COL.value, S_STAMP);
    b.nameAt(STAMP_NAMES[k1], a1);
    b.set(srow, COL.evidence, { value: l2, style: S_LABEL });
    const v2 = prefill(values[STAMP_NAMES[k2]]);
    b.set(srow, a2.col, { ...(v2 !== undefined ? { value: v2 } : {}), style: S_STAMP });
    b.merge(srow, a2.col, srow, LAST, S_STAMP);
    b.nameAt(STAMP_NAMES[k2], a2);
    b.minHeight(srow, k2 === 'sha256' || k2 === 'verdict' ? 2 * 12 + 4 : LINE_PT + 3);
  }
}

const HEADERS = [
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

/** The table: header, then per group its heading and its criteria blocks. */
function tableRows(ctx: Build): void {
  const { b, pack, geo, compiled } = ctx;
  HEADERS.forEach((h, i) => b.set(geo.headerRow, i + 1, { value: h, style: S_HEADER }));
  b.minHeight(geo.headerRow, 2 * LINE_PT + 2);
  const compiledOf = new Map(compiled.criteria.map((c) => [c.criterion, c]));
  const blocks = geo.criteria.values();
  const S_GROUP: CellStyle = { ...S_HEADER, fill: C_GROUP_FILL };
  for (const [gi, g] of pack.groups.entries()) {
    const gg = geo.groups[gi];
    if (!gg) throw new Error(`layout: no geometry for group ${g.number}`);
    b.set(gg.row, 1, { value: `Nhóm ${g.number}`, style: { ...S_GROUP, hAlign: 'left' } });
    b.set(gg.row, 2, { value: g.title, style: { ...S_GROUP, hAlign: 'left' } });
    b.merge(gg.row, 2, gg.row, COL.evidence, S_GROUP);
    b.minHeight(gg.row, lines(g.title, widthOf(2, COL.evidence)) * LINE_PT + 4);
    for (const cr of g.criteria) {
      const at = blocks.next();
      const cc = compiledOf.get(cr);
      if (at.done || !cc) throw new Error(`layout: no geometry or rules for ${cr.id}`);
      criterionRows(ctx, cr, cc.requirements, at.value);
    }
    const gr = absRange(gg.first, COL.status, gg.last, COL.status);
    b.set(gg.row, COL.status, {
      formula: `COUNTIF(${gr},${str(STATUS_LABELS.pass)})&"/"&(${g.criteria.length}-COUNTIF(${gr},${str(STATUS_LABELS.na)}))&" đạt"`,
      style: S_GROUP,
    });
    b.set(gg.row, COL.reason, { style: S_GROUP });
  }
}

/** The text of an indicator's "Yêu cầu" cell: what is asked, then last year's value when given. */
export function requirementCellText(
  pack: Pack,
  params: ParamValues,
  cr: Criterion,
  ind: Indicator,
  priorNote?: string,
): string {
  return expectationText(pack, params, cr, ind) + (priorNote ? `\n${priorNote}` : '');
}

/** One criterion block: id and text, a row per indicator, evidence and its hint, status and reason. */
function criterionRows(
  { b, pack, compiled, p, values, priorNotes }: Build,
  cr: Criterion,
  requirements: CompiledPack['criteria'][number]['requirements'],
  at: CriterionGeometry,
): void {
  const { first: r1, last: r2 } = at;
  b.set(r1, COL.id, { value: cr.id, style: { ...S_BODY, bold: true, hAlign: 'center' } });
  b.merge(r1, COL.id, r2, COL.id, S_BODY);
  b.set(r1, COL.text, { value: cr.text, style: S_BODY });
  b.merge(r1, COL.text, r2, COL.text, S_BODY);
  for (const [i, ind] of cr.indicators.entries()) {
    const r = at.indicators[i]?.row ?? r1 + i;
    b.set(r, COL.label, { value: ind.label, style: S_LABEL });
    const exp = requirementCellText(pack, compiled.parameters, cr, ind, priorNotes?.[ind.id]);
    b.set(r, COL.expect, { value: exp, style: { ...S_LABEL, size: 10 } });
    const v = prefill(values[ind.id]);
    b.set(r, COL.value, { ...(v !== undefined ? { value: v } : {}), style: inputStyle(ind), input: true });
    b.nameAt(ind.id, { row: r, col: COL.value });
    const val = validationFor(pack, ind, addr(r, COL.value));
    if (val) b.validations.push(val);
    const need = Math.max(lines(ind.label, colWidth(COL.label)), lines(exp, colWidth(COL.expect)));
    b.minHeight(r, need * LINE_PT + 3);
  }
  for (let r = r1 + cr.indicators.length; r < r2; r++) {
    for (const c of [COL.label, COL.expect, COL.value]) b.set(r, c, { style: S_BODY });
  }
  // evidence (merged input) above its hint
  const evv = prefill(values[evidenceId(cr)]);
  const S_EVIDENCE = inputStyle({ type: 'text' }, { vAlign: 'top' });
  b.set(r1, COL.evidence, { ...(evv !== undefined ? { value: evv } : {}), style: S_EVIDENCE, input: true });
  b.merge(r1, COL.evidence, r2 - 1, COL.evidence, S_EVIDENCE);
  b.nameAt(evidenceId(cr), at.evidence);
  const hint = evidenceHint(cr);
  b.set(r2, COL.label, { value: hint, style: S_HINT });
  b.merge(r2, COL.label, r2, COL.evidence, S_HINT);
  b.minHeight(r2, lines(hint, widthOf(COL.label, COL.evidence) * 1.1) * LINE_PT + 3);
  // hidden helpers: rank and reason of every requirement
  requirements.forEach((req, i) => {
    b.set(r1 + i, COL.rank, { formula: p.rank(req.expr), style: { numFmt: '0' } });
    b.set(r1 + i, COL.why, { formula: p.reason(req.expr) });
  });
  const ranks = absRange(r1, COL.rank, r2, COL.rank);
  const whys = absRange(r1, COL.why, r2, COL.why);
  const S_STATUS: CellStyle = { ...S_BODY, bold: true, hAlign: 'center', vAlign: 'middle' };
  b.set(r1, COL.status, { formula: statusLabelFormula(`MAX(${ranks})`), style: S_STATUS });
  b.merge(r1, COL.status, r2, COL.status, S_STATUS);
  b.nameAt(statusName(cr), at.status);
  b.set(r1, COL.reason, {
    formula: `IF(MAX(${ranks})<=1,"",INDEX(${whys},MATCH(MAX(${ranks}),${ranks},0)))`,
    style: { ...S_BODY, size: 10 },
  });
  b.merge(r1, COL.reason, r2, COL.reason, S_BODY);
  // heights: the merged official text must fit in the block
  let have = 0;
  for (let r = r1; r <= r2; r++) {
    b.minHeight(r, LINE_PT + 3);
    have += b.heights.get(r) ?? 0;
  }
  const need = Math.max(lines(cr.text, colWidth(COL.text)) * LINE_PT, 3 * LINE_PT) + 4;
  if (need > have) {
    const extra = Math.ceil((need - have) / (r2 - r1 + 1));
    for (let r = r1; r <= r2; r++) b.heights.set(r, (b.heights.get(r) ?? 0) + extra);
  }
}

export function buildCriteriaSheet(pack: Pack, opts: LayoutOptions = {}): CriteriaSheet {
  const compiled = compilePack(pack, opts.plan);
  const geo = criteriaGeometry(pack);
  const values: Record<string, CellValue | undefined> = { ...(opts.values ?? {}) };
  if (opts.unitName !== undefined && values[UNIT_NAME_ID] === undefined) values[UNIT_NAME_ID] = opts.unitName;
  if (opts.year !== undefined && values[YEAR_ID] === undefined) values[YEAR_ID] = opts.year;
  const ctx: Build = {
    pack,
    compiled,
    geo,
    p: new FormulaPrinter(),
    b: new SpecBuilder(),
    values,
    priorNotes: opts.priorNotes,
  };
  const b = ctx.b;
  titleRows(ctx);
  profileRows(ctx);
  resultRows(ctx);
  stampRows(ctx);
  legend(b, geo.legendRow);
  tableRows(ctx);
  const { headerRow, lastTableRow } = geo;
  return {
    name: opts.sheetName ?? CRITERIA_SHEET_NAME,
    columns: WIDTHS.map((w) => ({ ...w })),
    rows: b.rows(),
    cells: b.cells,
    merges: b.merges,
    names: b.names,
    validations: b.validations,
    conditionalFormats: conditionalFormats(geo),
    freeze: { rows: headerRow, columns: 0 },
    print: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      titleRows: `${headerRow}:${headerRow}`,
      area: range(1, 1, lastTableRow, LAST),
      margins: { ...PRINT_MARGINS_MM },
      rowBreaks: pageBreaks(b.heights, headerRow, geo.criteria),
    },
    protect: true,
    tabColor: '2F5597',
    geometry: geo,
  };
}
