/**
 * The "Tổng hợp" workbook built from a consolidation result (pure SheetSpecs, shared by the CLI's
 * ExcelJS writer and the add-in's writer): the unit table (numbers as numbers, autofilter,
 * frozen header), the targets with their source document, the units left out and missing; the
 * per-criterion table; the charts. The aggregation itself is ./aggregate.ts.
 */
import { isoToSerial } from '../engine/dates';
import { formatNumber, formatPercent } from '../engine/numbers';
import type { VerdictCode } from '../engine/status';
import { VERDICT_LABELS } from '../engine/status';
import type { ConsolidationResult } from './aggregate';
import { colToLetters } from './address';
import type { CellStyle, ChartSpec, SheetSpec } from './spec';
import { sheetSpec, SpecBuilder } from './specBuilder';
import { STAMP_STATE_LABELS } from './stampState';
import { EXCLUSION_LABELS, type TargetResult } from './targets';

export * from './aggregate';

export const SUMMARY_SHEET = 'Tổng hợp';
/** The sheet of a workbook the add-in's Tổng hợp reads as the roster when no roster file is picked. */
export const ROSTER_SHEET = 'Danh sách đơn vị';
export const CRITERIA_SHEET = 'Theo tiêu chí';
export const CHARTS_SHEET = 'Biểu đồ';

// --- the "Tổng hợp" sheet ------------------------------------------------------------------------

const FONT = 'Times New Roman';
const HEAD: CellStyle = {
  font: FONT,
  size: 11,
  bold: true,
  hAlign: 'center',
  vAlign: 'middle',
  wrap: true,
  border: true,
  fill: 'D9E1F2',
};
const CELL: CellStyle = { font: FONT, size: 11, vAlign: 'top', wrap: true, border: true };
const TITLE: CellStyle = { font: FONT, size: 14, bold: true };
const SECTION: CellStyle = { font: FONT, size: 12, bold: true };
const NOTE: CellStyle = { font: FONT, size: 11, italic: true };

/** The unit table's columns (the last-year columns only with a prior summary). */
interface Column {
  head: string;
  width: number;
}
const UNIT_COLUMNS: Column[] = [
  { head: 'STT', width: 6 },
  { head: 'Đơn vị', width: 28 },
  { head: 'Loại đơn vị', width: 14 },
  { head: 'Năm', width: 8 },
  { head: 'Tính đến ngày', width: 12 },
  { head: 'Bộ tiêu chí (phiên bản)', width: 14 },
  { head: 'Kế hoạch', width: 16 },
  { head: 'Kết luận', width: 32 },
  { head: 'Số tiêu chí đạt', width: 9 },
  { head: 'Số tiêu chí áp dụng', width: 9 },
  { head: 'Tỷ lệ đạt', width: 9 },
  { head: 'Tiêu chí không đạt', width: 22 },
  { head: 'Dấu đánh giá', width: 18 },
  { head: 'Tính vào số liệu', width: 22 },
];
const PRIOR_COLUMNS: Column[] = [
  { head: 'Kết luận năm trước', width: 24 },
  { head: 'Số tiêu chí đạt năm trước', width: 10 },
  { head: 'Thay đổi số tiêu chí đạt', width: 10 },
];
const FILE_COLUMN: Column = { head: 'Tệp', width: 40 };

export function summaryColumns(withPrior: boolean): string[] {
  return [...UNIT_COLUMNS, ...(withPrior ? PRIOR_COLUMNS : []), FILE_COLUMN].map((c) => c.head);
}
/** The headers without last year's columns (kept for readers of the sheet). */
export const SUMMARY_HEADERS = summaryColumns(false);
export const SUMMARY_TABLE_ROW = 5;

const VERDICT_FILL: Record<VerdictCode, string> = {
  pass: 'C6EFCE',
  on_track: 'EDEDED',
  incomplete: 'FFEB9C',
  ineligible: 'F8CBAD',
  fail: 'FFC7CE',
};

const PCT = '0.0%';
const INT = '0';
const DATE = 'dd/mm/yyyy';
const SIGNED = '+0;-0;0';

/** A target value as text ("96,5%", "0", "—") for the terminal. */
export function formatTargetValue(
  t: Pick<TargetResult, 'value' | 'measure'>,
  share = t.measure === 'share',
): string {
  if (t.value === null) return '—';
  return share ? formatPercent(t.value) : formatNumber(t.value);
}

const col = (i: number): string => colToLetters(i + 1);

/** A summary sheet under construction: cells by address, full-width lines, fixed row heights. */
class Sheet extends SpecBuilder {
  /** a cell; `undefined` writes only the style */
  cell(address: string, value: string | number | undefined, style: CellStyle): void {
    this.put(address, value === undefined ? { style } : { value, style });
  }
  line(row: number, text: string, style: CellStyle, lastCol: string): void {
    this.cell(`A${row}`, text, style);
    this.merges.push(`A${row}:${lastCol}${row}`);
  }
  spec(
    name: string,
    widths: number[],
    extra: Partial<SheetSpec>,
    lastRow: number,
    lastCol: string,
  ): SheetSpec {
    return sheetSpec({
      name,
      columns: widths.map((width) => ({ width })),
      rows: this.rows(),
      cells: this.cells,
      merges: this.merges,
      print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, area: `A1:${lastCol}${lastRow}` },
      ...extra,
    });
  }
}

export const DEFAULT_SUMMARY_TITLE =
  'TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ THEO BỘ TIÊU CHÍ ĐIỂN HÌNH VỀ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC';

function overview(r: ConsolidationResult): string {
  const pass = r.verdicts.pass;
  const parts = [
    r.year === null ? 'Chưa có đơn vị' : `Năm ${r.year}`,
    `${r.units.length} đơn vị (${r.counted} tính vào số liệu, ${pass} đạt)`,
    `${r.duplicates.length} đơn vị có tệp trùng`,
    `${r.errors.length} tệp không đọc được`,
  ];
  if (r.missingUnits)
    parts.push(`${r.missingUnits.length}/${r.rosterSize ?? 0} đơn vị trong danh sách chưa gửi bảng tính`);
  return parts.join('; ') + '.';
}

/** "Không tính 3 bảng tính: 2 đã sửa sau lần đánh giá, 1 bảng tính của năm khác." */
export function exclusionText(r: Pick<ConsolidationResult, 'excluded'>): string {
  if (!r.excluded.count)
    return 'Mọi bảng tính đều được tính vào số liệu (dấu đánh giá khớp, đúng năm tổng hợp).';
  return `Không tính ${r.excluded.count} bảng tính vào số liệu: ${r.excluded.reasons.map((x) => `${x.count} ${x.label}`).join(', ')}.`;
}

function unitRows(sh: Sheet, r: ConsolidationResult, withPrior: boolean): number {
  let row = SUMMARY_TABLE_ROW + 1;
  const center = { ...CELL, hAlign: 'center' as const };
  r.units.forEach((u, i) => {
    const v: Array<[string | number | undefined, CellStyle]> = [
      [i + 1, center],
      [u.unit || '(chưa nhập tên)', CELL],
      [u.unitType, CELL],
      [
        u.year,
        u.excluded === 'other_year' ? { ...center, numFmt: INT, fill: 'FFEB9C' } : { ...center, numFmt: INT },
      ],
      [u.asOf ? isoToSerial(u.asOf) : undefined, { ...center, numFmt: DATE }],
      [`${u.pack.id} ${u.pack.version}`, CELL],
      [u.plan ? `${u.plan.id} ${u.plan.version}` : '', CELL],
      [u.verdict.label, { ...CELL, fill: VERDICT_FILL[u.verdict.code] }],
      [u.passed, { ...center, numFmt: INT }],
      [u.applicable, { ...center, numFmt: INT }],
      [u.applicable ? u.passed / u.applicable : undefined, { ...center, numFmt: PCT }],
      [u.failing.join(', '), CELL],
      [STAMP_STATE_LABELS[u.stamp], u.stamp === 'fresh' ? CELL : { ...CELL, fill: 'FFEB9C' }],
      [
        u.excluded ? `Không — ${EXCLUSION_LABELS[u.excluded]}` : 'Có',
        u.excluded ? { ...CELL, fill: 'FFEB9C' } : CELL,
      ],
    ];
    if (withPrior) {
      const p = u.prior;
      v.push([p ? p.verdict : '(không có năm trước)', CELL]);
      v.push([p ? p.passed : undefined, { ...center, numFmt: INT }]);
      v.push([p ? u.passed - p.passed : undefined, { ...center, numFmt: SIGNED }]);
    }
    v.push([u.file, CELL]);
    v.forEach(([value, style], c) => sh.cell(`${col(c)}${row}`, value, style));
    row++;
  });
  return row - 1;
}

function targetRows(sh: Sheet, r: ConsolidationResult, start: number, lastCol: string): number {
  let row = start;
  sh.line(row++, 'Chỉ tiêu thi đua', SECTION, lastCol);
  if (!r.targets.length) {
    const plan = r.plan
      ? `Kế hoạch “${r.plan.id}” không đặt chỉ tiêu thi đua`
      : 'Không có kế hoạch đặt chỉ tiêu thi đua';
    sh.line(row++, `${plan}: không có bảng chỉ tiêu.`, NOTE, lastCol);
    return row;
  }
  sh.line(
    row++,
    `Chỉ tiêu theo: ${r.plan?.targetsSource ?? ''} (kế hoạch ${r.plan?.id ?? ''} ${r.plan?.version ?? ''}).`,
    NOTE,
    lastCol,
  );
  const over =
    r.missingUnits !== undefined
      ? `Tỷ lệ tính trên toàn bộ ${r.rosterSize ?? 0} đơn vị trong danh sách (đơn vị chưa gửi hoặc không được tính là chưa đạt).`
      : 'Tỷ lệ tính trên các bảng tính nhận được và được tính vào số liệu.';
  sh.line(row++, `${exclusionText(r)} ${over}`, NOTE, lastCol);
  const withPrior = r.prior !== undefined;
  // laid over the unit table's columns: the label spans B:G, the notes M:N
  const heads: Array<[string, string]> = [
    ['A', 'STT'],
    ['B', 'Chỉ tiêu'],
    ['H', 'Kết quả'],
    ['I', 'Mục tiêu'],
    ['J', 'Đánh giá'],
    ['K', 'Số đơn vị đạt'],
    ['L', 'Tính trên số đơn vị'],
    ['M', 'Ghi chú'],
  ];
  if (withPrior) heads.push(['O', 'Năm trước'], ['P', 'Thay đổi']);
  for (const [c, h] of heads) sh.cell(`${c}${row}`, h, HEAD);
  sh.merges.push(`B${row}:G${row}`, `M${row}:N${row}`);
  sh.minHeight(row, 30);
  row++;
  r.targets.forEach((t, i) => {
    const fmt = t.measure === 'share' ? PCT : INT;
    const center = { ...CELL, hAlign: 'center' as const, numFmt: fmt };
    sh.cell(`A${row}`, i + 1, { ...CELL, hAlign: 'center' });
    sh.cell(`B${row}`, t.label, CELL);
    sh.cell(
      `H${row}`,
      t.noData ? 'không có số liệu trong bảng tính' : (t.value ?? 'Chưa có dữ liệu'),
      t.value === null ? CELL : center,
    );
    sh.cell(`I${row}`, t.target, { ...center, numFmt: `"${t.op === '<=' ? '≤' : '≥'} "${fmt}` });
    const state =
      t.value === null ? (t.noData ? 'Không có số liệu' : 'Chưa có dữ liệu') : t.met ? 'Đạt' : 'Chưa đạt';
    sh.cell(`J${row}`, state, { ...CELL, fill: t.value === null ? 'EDEDED' : t.met ? 'C6EFCE' : 'FFC7CE' });
    sh.cell(`K${row}`, t.noData ? undefined : t.hits, { ...CELL, hAlign: 'center', numFmt: INT });
    sh.cell(`L${row}`, t.noData ? undefined : t.over, { ...CELL, hAlign: 'center', numFmt: INT });
    sh.cell(`M${row}`, t.note ?? '', { ...CELL, size: 9 });
    sh.merges.push(`B${row}:G${row}`, `M${row}:N${row}`);
    if (withPrior) {
      sh.cell(`O${row}`, t.prior ?? undefined, center);
      const change =
        t.prior !== undefined && t.prior !== null && t.value !== null ? t.value - t.prior : undefined;
      sh.cell(`P${row}`, change, { ...center, numFmt: t.measure === 'share' ? '+0.0%;-0.0%;0.0%' : SIGNED });
    }
    sh.minHeight(row, 48);
    row++;
  });
  return row;
}

function listSection(
  sh: Sheet,
  start: number,
  title: string,
  lines: string[],
  lastCol: string,
  color?: string,
): number {
  if (!lines.length) return start;
  let row = start + 1;
  sh.line(row++, title, SECTION, lastCol);
  for (const l of lines) sh.line(row++, l, { ...CELL, border: false, ...(color ? { color } : {}) }, lastCol);
  return row;
}

/** The "Tổng hợp" sheet: title, the unit table, targets, missing units, duplicates, unreadable files. */
export function summarySheet(result: ConsolidationResult, opts: { title?: string } = {}): SheetSpec {
  const withPrior = result.prior !== undefined;
  const columns = [...UNIT_COLUMNS, ...(withPrior ? PRIOR_COLUMNS : []), FILE_COLUMN];
  const lastCol = col(columns.length - 1);
  const sh = new Sheet();
  sh.line(1, opts.title ?? DEFAULT_SUMMARY_TITLE, TITLE, lastCol);
  sh.line(2, overview(result), NOTE, lastCol);
  const notes = [...result.warnings];
  if (withPrior) notes.push(`So sánh với bảng tổng hợp năm trước: ${result.prior?.file ?? ''}.`);
  sh.line(3, notes.join(' '), { ...NOTE, color: result.warnings.length ? 'C00000' : undefined }, lastCol);
  columns.forEach((c, i) => sh.cell(`${col(i)}${SUMMARY_TABLE_ROW}`, c.head, HEAD));
  sh.minHeight(SUMMARY_TABLE_ROW, 45);
  const tableEnd = Math.max(unitRows(sh, result, withPrior), SUMMARY_TABLE_ROW);
  let row = targetRows(sh, result, tableEnd + 2, lastCol);
  row = listSection(
    sh,
    row,
    'Đơn vị trong danh sách chưa gửi bảng tính',
    (result.missingUnits ?? []).map((m, i) => `${i + 1}. ${m.unit}${m.unitType ? ` (${m.unitType})` : ''}`),
    lastCol,
  );
  row = listSection(
    sh,
    row,
    'Đơn vị có nhiều tệp (giữ tệp mới nhất)',
    result.duplicates.map(
      (d) =>
        `${d.unit} (${d.unitType}, năm ${d.year}): giữ “${d.kept}”; bỏ qua ${d.dropped.map((f) => `“${f}”`).join(', ')}`,
    ),
    lastCol,
  );
  row = listSection(
    sh,
    row,
    'Tệp không đọc được',
    result.errors.map((e) => e.message),
    lastCol,
    'C00000',
  );
  return sh.spec(
    SUMMARY_SHEET,
    columns.map((c) => c.width),
    {
      freeze: { rows: SUMMARY_TABLE_ROW, columns: 2 },
      autoFilter: `A${SUMMARY_TABLE_ROW}:${lastCol}${Math.max(tableEnd, SUMMARY_TABLE_ROW + 1)}`,
      print: {
        orientation: 'landscape',
        paper: 'A4',
        fitToWidth: true,
        titleRows: `${SUMMARY_TABLE_ROW}:${SUMMARY_TABLE_ROW}`,
        area: `A1:${lastCol}${Math.max(row - 1, tableEnd)}`,
      },
    },
    row - 1,
    lastCol,
  );
}

export const CRITERIA_HEADERS = [
  'Bộ tiêu chí',
  'Tiêu chí',
  'Nội dung',
  'Đạt',
  'Không đạt',
  'Thiếu số liệu',
  'Sai dữ liệu',
  'Không áp dụng',
  'Chưa đến hạn',
  'Tỷ lệ không đạt',
];
export const CRITERIA_TABLE_ROW = 3;

/** The per-criterion table: how the counted units fare on each criterion, per pack. */
export function criteriaSheet(result: ConsolidationResult): SheetSpec {
  const sh = new Sheet();
  const lastCol = col(CRITERIA_HEADERS.length - 1);
  sh.line(
    1,
    `SỐ ĐƠN VỊ THEO KẾT QUẢ TỪNG TIÊU CHÍ${result.year === null ? '' : ` NĂM ${result.year}`}`,
    TITLE,
    lastCol,
  );
  sh.line(2, `Trên ${result.counted} đơn vị được tính vào số liệu. ${exclusionText(result)}`, NOTE, lastCol);
  CRITERIA_HEADERS.forEach((h, i) => sh.cell(`${col(i)}${CRITERIA_TABLE_ROW}`, h, HEAD));
  sh.minHeight(CRITERIA_TABLE_ROW, 30);
  let row = CRITERIA_TABLE_ROW + 1;
  const num = { ...CELL, hAlign: 'center' as const, numFmt: INT };
  for (const c of result.criteria) {
    const applicable = c.pass + c.fail + c.missing + c.invalid;
    const vals: Array<[string | number | undefined, CellStyle]> = [
      [c.pack, CELL],
      [c.id, CELL],
      [c.title, CELL],
      [c.pass, num],
      [c.fail, c.fail ? { ...num, fill: 'FFC7CE' } : num],
      [c.missing, c.missing ? { ...num, fill: 'FFEB9C' } : num],
      [c.invalid, c.invalid ? { ...num, fill: 'FFEB9C' } : num],
      [c.na, num],
      [c.notDue, num],
      [applicable ? c.fail / applicable : undefined, { ...num, numFmt: PCT }],
    ];
    vals.forEach(([v, s], i) => sh.cell(`${col(i)}${row}`, v, s));
    row++;
  }
  const end = Math.max(row - 1, CRITERIA_TABLE_ROW + 1);
  return sh.spec(
    CRITERIA_SHEET,
    [10, 9, 48, 8, 10, 10, 10, 10, 10, 10],
    {
      freeze: { rows: CRITERIA_TABLE_ROW, columns: 2 },
      autoFilter: `A${CRITERIA_TABLE_ROW}:${lastCol}${end}`,
      print: {
        orientation: 'landscape',
        paper: 'A4',
        fitToWidth: true,
        titleRows: `${CRITERIA_TABLE_ROW}:${CRITERIA_TABLE_ROW}`,
        area: `A1:${lastCol}${end}`,
      },
    },
    end,
    lastCol,
  );
}

/** How many criteria the "most failed" chart shows. */
export const MOST_FAILED = 10;

/** The criteria failed most often (by units failing; ties in table order), at most `MOST_FAILED`. */
export function mostFailed(result: ConsolidationResult): Array<{ label: string; fail: number }> {
  const packs = new Set(result.criteria.map((c) => c.pack));
  return result.criteria
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.fail > 0)
    .sort((a, b) => b.c.fail - a.c.fail || a.i - b.i)
    .slice(0, MOST_FAILED)
    .map(({ c }) => ({ label: packs.size > 1 ? `${c.pack} ${c.id}` : c.id, fail: c.fail }));
}

/** The charts sheet: the verdict distribution and the most-failed criteria, with their data. */
export function chartsSheet(result: ConsolidationResult): SheetSpec {
  const sh = new Sheet();
  sh.line(1, `BIỂU ĐỒ TỔNG HỢP${result.year === null ? '' : ` NĂM ${result.year}`}`, TITLE, 'C');
  sh.line(2, `Trên ${result.counted} đơn vị được tính vào số liệu.`, NOTE, 'C');
  const num = { ...CELL, hAlign: 'center' as const, numFmt: INT };
  sh.cell('A4', 'Kết luận', HEAD);
  sh.cell('B4', 'Số đơn vị', HEAD);
  const codes: VerdictCode[] = ['pass', 'on_track', 'incomplete', 'fail', 'ineligible'];
  codes.forEach((c, i) => {
    sh.cell(`A${5 + i}`, VERDICT_LABELS[c], { ...CELL, fill: VERDICT_FILL[c] });
    sh.cell(`B${5 + i}`, result.verdicts[c], num);
  });
  const charts: ChartSpec[] = [
    {
      type: 'pie',
      title: 'Kết luận của các đơn vị',
      categories: 'A5:A9',
      values: 'B5:B9',
      seriesName: 'Số đơn vị',
      anchor: { col: 4, row: 4, cols: 8, rows: 16 },
    },
  ];
  const failed = mostFailed(result);
  const top = 12;
  sh.cell(`A${top}`, 'Tiêu chí', HEAD);
  sh.cell(`B${top}`, 'Số đơn vị không đạt', HEAD);
  failed.forEach((f, i) => {
    sh.cell(`A${top + 1 + i}`, f.label, CELL);
    sh.cell(`B${top + 1 + i}`, f.fail, num);
  });
  if (failed.length) {
    charts.push({
      type: 'bar',
      title: 'Tiêu chí nhiều đơn vị không đạt nhất',
      categories: `A${top + 1}:A${top + failed.length}`,
      values: `B${top + 1}:B${top + failed.length}`,
      seriesName: 'Số đơn vị không đạt',
      anchor: { col: 4, row: 21, cols: 8, rows: 18 },
    });
  } else sh.cell(`A${top + 1}`, 'Không có tiêu chí nào có đơn vị không đạt.', NOTE);
  return sh.spec(CHARTS_SHEET, [30, 12, 4], { charts }, 40, 'L');
}

/** The whole summary workbook: "Tổng hợp", "Theo tiêu chí", "Biểu đồ". */
export function summarySheets(result: ConsolidationResult, opts: { title?: string } = {}): SheetSpec[] {
  return [summarySheet(result, opts), criteriaSheet(result), chartsSheet(result)];
}

/** The verdict label a reader shows for a code alone (when no evaluation is at hand). */
export function verdictTitle(code: VerdictCode): string {
  return VERDICT_LABELS[code];
}
