/**
 * Consolidation of unit workbooks, the pure part shared by the CLI (`tieuchi consolidate`) and the
 * add-in: per-unit records → one row per unit (duplicates flagged, newest kept), the unreadable
 * files, and the aggregate targets; and the "Tổng hợp" sheet built from the result.
 */
import type { VerdictCode } from '../engine/status';
import { VERDICT_LABELS } from '../engine/status';
import type { CellValue } from '../engine/values';
import type { CellSpec, CellStyle, SheetSpec } from './spec';
import { STAMP_STATE_LABELS, type StampState } from './stampState';
import { builtinTargets, computeTargets, type TargetDef, type TargetResult } from './targets';

export const SUMMARY_SHEET = 'Tổng hợp';

/** One unit as printed by `--json` (a public contract: keep the field names). */
export interface UnitRow {
  file: string;
  unit: string;
  unitType: string;
  pack: { id: string; version: string };
  verdict: { code: VerdictCode; label: string };
  passed: number;
  applicable: number;
  failing: string[];
  stamp: StampState;
}

/** A unit as read from its file, with what deduplication and the targets need. */
export interface UnitRecord extends UnitRow {
  /** the evaluation year */
  year: number;
  /** the plan the unit was scored under */
  plan?: { id: string; version: string };
  /** the as-of date of the evaluation (YYYY-MM-DD) */
  asOf?: string;
  /** stamp time (ms since epoch) when stamped */
  stampTime?: number;
  /** file modification time (ms since epoch) */
  mtimeMs: number;
  /** the few input values the targets read */
  fields: Record<string, CellValue>;
}

export interface DuplicateGroup {
  unit: string;
  unitType: string;
  year: number;
  /** the file kept (newest by stamp time, else by modification time) */
  kept: string;
  /** the other files of the same unit, newest first */
  dropped: string[];
}

export interface FileError {
  file: string;
  message: string;
}

export interface ConsolidationResult {
  units: UnitRow[];
  duplicates: DuplicateGroup[];
  errors: FileError[];
  targets: TargetResult[];
}

/** Case-, space- and Unicode-form-insensitive key of a unit in a year. */
export function unitKey(unit: string, unitType: string, year: number): string {
  const f = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
  return `${f(unit)}\u0000${f(unitType)}\u0000${year}`;
}

const newest = (r: UnitRecord): [number, number] => [r.stampTime ?? -Infinity, r.mtimeMs];
function newerFirst(a: UnitRecord, b: UnitRecord): number {
  const [as, am] = newest(a);
  const [bs, bm] = newest(b);
  if (as !== bs) return bs - as;
  if (am !== bm) return bm - am;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

export function toRow(r: UnitRecord): UnitRow {
  return {
    file: r.file,
    unit: r.unit,
    unitType: r.unitType,
    pack: { id: r.pack.id, version: r.pack.version },
    verdict: { code: r.verdict.code, label: r.verdict.label },
    passed: r.passed,
    applicable: r.applicable,
    failing: [...r.failing],
    stamp: r.stamp,
  };
}

/**
 * Records (in input order) → result: duplicates grouped by unit name + type + year (units without a
 * name are never merged), the newest kept in the position of the first; targets over the kept units.
 */
export function aggregate(
  records: readonly UnitRecord[],
  errors: readonly FileError[],
  defs: readonly TargetDef[] = builtinTargets().targets,
): ConsolidationResult {
  const groups = new Map<string, UnitRecord[]>();
  const order: Array<string | UnitRecord> = [];
  for (const r of records) {
    if (!r.unit.trim()) {
      order.push(r);
      continue;
    }
    const k = unitKey(r.unit, r.unitType, r.year);
    const g = groups.get(k);
    if (g) g.push(r);
    else {
      groups.set(k, [r]);
      order.push(k);
    }
  }
  const kept: UnitRecord[] = [];
  const duplicates: DuplicateGroup[] = [];
  for (const o of order) {
    if (typeof o !== 'string') {
      kept.push(o);
      continue;
    }
    const g = [...(groups.get(o) ?? [])].sort(newerFirst);
    kept.push(g[0]);
    if (g.length > 1) {
      duplicates.push({
        unit: g[0].unit,
        unitType: g[0].unitType,
        year: g[0].year,
        kept: g[0].file,
        dropped: g.slice(1).map((r) => r.file),
      });
    }
  }
  const targets = computeTargets(
    defs,
    kept.map((r) => ({ packId: r.pack.id, verdict: r.verdict.code, fields: r.fields })),
  );
  return { units: kept.map(toRow), duplicates, errors: [...errors], targets };
}

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

export const SUMMARY_HEADERS = [
  'STT',
  'Đơn vị',
  'Loại đơn vị',
  'Bộ tiêu chí (phiên bản)',
  'Kết luận',
  'Số tiêu chí đạt',
  'Tiêu chí không đạt',
  'Dấu đánh giá',
  'Tệp',
];
const WIDTHS = [6, 28, 14, 14, 36, 10, 22, 20, 40];
export const SUMMARY_TABLE_ROW = 4;

const VERDICT_FILL: Record<VerdictCode, string> = {
  pass: 'C6EFCE',
  on_track: 'EDEDED',
  incomplete: 'FFEB9C',
  ineligible: 'F8CBAD',
  fail: 'FFC7CE',
};

function pct(v: number): string {
  const s = (Math.round(v * 1000) / 10).toFixed(1).replace('.', ',');
  return `${s.endsWith(',0') ? s.slice(0, -2) : s}%`;
}

/** A target value as shown in the sheet ("96,5%", "0", "—"). */
export function formatTargetValue(t: TargetResult, share: boolean): string {
  if (t.value === null) return '—';
  return share ? pct(t.value) : String(t.value);
}

/** The "Tổng hợp" sheet: title, one row per unit, duplicates, unreadable files, targets. */
export function summarySheet(
  result: ConsolidationResult,
  opts: { title?: string; defs?: readonly TargetDef[] } = {},
): SheetSpec {
  const defs = opts.defs ?? builtinTargets().targets;
  const cells: CellSpec[] = [];
  const merges: string[] = [];
  const rows: Array<{ row: number; height: number }> = [];
  const last = 'I';
  const put = (address: string, value: string | number, style: CellStyle): void => {
    cells.push({ address, value, style });
  };
  put(
    'A1',
    opts.title ??
      'TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ THEO BỘ TIÊU CHÍ ĐIỂN HÌNH VỀ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC',
    TITLE,
  );
  merges.push(`A1:${last}1`);
  const passCount = result.units.filter((u) => u.verdict.code === 'pass').length;
  put(
    'A2',
    `${result.units.length} đơn vị; ${passCount} đạt; ${result.duplicates.length} đơn vị có tệp trùng; ${result.errors.length} tệp không đọc được.`,
    NOTE,
  );
  merges.push(`A2:${last}2`);
  SUMMARY_HEADERS.forEach((h, i) => put(`${String.fromCharCode(65 + i)}${SUMMARY_TABLE_ROW}`, h, HEAD));
  rows.push({ row: SUMMARY_TABLE_ROW, height: 30 });
  let r = SUMMARY_TABLE_ROW + 1;
  result.units.forEach((u, i) => {
    const verdictStyle = { ...CELL, fill: VERDICT_FILL[u.verdict.code] };
    put(`A${r}`, i + 1, { ...CELL, hAlign: 'center' });
    put(`B${r}`, u.unit || '(chưa nhập tên)', CELL);
    put(`C${r}`, u.unitType, CELL);
    put(`D${r}`, `${u.pack.id} ${u.pack.version}`, CELL);
    put(`E${r}`, u.verdict.label, verdictStyle);
    put(`F${r}`, `${u.passed}/${u.applicable}`, { ...CELL, hAlign: 'center' });
    put(`G${r}`, u.failing.join(', '), CELL);
    put(`H${r}`, STAMP_STATE_LABELS[u.stamp], u.stamp === 'fresh' ? CELL : { ...CELL, fill: 'FFEB9C' });
    put(`I${r}`, u.file, CELL);
    r++;
  });
  const tableEnd = r - 1;
  r++;

  put(`A${r}`, 'Chỉ tiêu thi đua', SECTION);
  merges.push(`A${r}:${last}${r}`);
  r++;
  ['Chỉ tiêu', 'Kết quả', 'Mục tiêu', 'Đánh giá'].forEach((h, i) => {
    const col = ['A', 'F', 'G', 'H'][i];
    put(`${col}${r}`, h, HEAD);
  });
  merges.push(`A${r}:E${r}`);
  r++;
  for (const t of result.targets) {
    const share = defs.find((d) => d.id === t.id)?.measure !== 'count';
    put(`A${r}`, t.label, CELL);
    merges.push(`A${r}:E${r}`);
    put(`F${r}`, formatTargetValue(t, share), { ...CELL, hAlign: 'center' });
    const opText = defs.find((d) => d.id === t.id)?.op === '<=' ? '≤ ' : '≥ ';
    put(`G${r}`, `${opText}${share ? pct(t.target) : String(t.target)}`, { ...CELL, hAlign: 'center' });
    put(`H${r}`, t.value === null ? 'Chưa có dữ liệu' : t.met ? 'Đạt' : 'Chưa đạt', {
      ...CELL,
      fill: t.value === null ? 'EDEDED' : t.met ? 'C6EFCE' : 'FFC7CE',
    });
    rows.push({ row: r, height: 30 });
    r++;
  }

  if (result.duplicates.length) {
    r++;
    put(`A${r}`, 'Đơn vị có nhiều tệp (giữ tệp mới nhất)', SECTION);
    merges.push(`A${r}:${last}${r}`);
    r++;
    for (const d of result.duplicates) {
      put(
        `A${r}`,
        `${d.unit} (${d.unitType}, năm ${d.year}): giữ “${d.kept}”; bỏ qua ${d.dropped.map((f) => `“${f}”`).join(', ')}`,
        {
          ...CELL,
          border: false,
        },
      );
      merges.push(`A${r}:${last}${r}`);
      r++;
    }
  }
  if (result.errors.length) {
    r++;
    put(`A${r}`, 'Tệp không đọc được', SECTION);
    merges.push(`A${r}:${last}${r}`);
    r++;
    for (const e of result.errors) {
      put(`A${r}`, e.message, { ...CELL, border: false, color: 'C00000' });
      merges.push(`A${r}:${last}${r}`);
      r++;
    }
  }

  return {
    name: SUMMARY_SHEET,
    columns: WIDTHS.map((width) => ({ width })),
    rows,
    cells,
    merges,
    names: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: SUMMARY_TABLE_ROW, columns: 2 },
    print: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      titleRows: `${SUMMARY_TABLE_ROW}:${SUMMARY_TABLE_ROW}`,
      area: `A1:${last}${Math.max(r - 1, tableEnd)}`,
    },
    protect: false,
  };
}

/** The verdict label a reader shows for a code alone (when no evaluation is at hand). */
export function verdictTitle(code: VerdictCode): string {
  return VERDICT_LABELS[code];
}
