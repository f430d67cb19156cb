/**
 * Where everything is on the criteria sheet, as data: the columns, the rows of each block, of each
 * criterion, and the cells of the verdict, counts, stamp and explanations. Computed from the pack
 * alone (the positions depend on the number of profile fields, indicators and requirements, never
 * on values or the plan), so the layout (./layout.ts) places cells by it and the Office host reads
 * it instead of rebuilding the sheet. A user may insert rows in a live sheet: readers find cells by
 * their defined names (src/pack/workbookNames.ts) and use the geometry for the columns only.
 */
import type { Pack } from '../pack/schema';
import { evidenceId, type STAMP_NAMES } from '../pack/workbookNames';

/** Columns of the criteria sheet (1-based). */
export const CRITERIA_COLUMNS = {
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
  /** K: the first column right of the layout, where the add-in writes its explanations */
  explanation: 11,
} as const;

/** Columns from a status cell to its explanation cell (the same on every row of the table). */
export const EXPLANATION_OFFSET = CRITERIA_COLUMNS.explanation - CRITERIA_COLUMNS.status;

export interface CellAt {
  row: number;
  col: number;
}

export interface IndicatorGeometry {
  id: string;
  /** the input cell (column `value`, named by the id) */
  row: number;
}

export interface CriterionGeometry {
  id: string;
  number: number;
  /** rows of the block: one per indicator or requirement, then the evidence hint row (`last`) */
  first: number;
  last: number;
  /** the group heading row above the block when the block opens its group */
  groupRow?: number;
  /** `kq_tcN`, merged over the block */
  status: CellAt;
  /** the reason, merged over the block */
  reason: CellAt;
  /** `tcN_minh_chung`, merged down to the row above the hint */
  evidence: CellAt;
  /** where Đánh giá writes its explanation (the status row, the first column right of the layout) */
  explanation: CellAt;
  indicators: IndicatorGeometry[];
}

export interface GroupGeometry {
  number: number;
  /** the heading row (the group's count of passed criteria in the status column) */
  row: number;
  first: number;
  last: number;
}

export interface CriteriaGeometry {
  /** title (1) and legal basis (2) rows; section headings of the profile and the results */
  sectionRow: number;
  /** profile input cells (a text field spans D–E and is named at D) */
  profile: Array<IndicatorGeometry & { col: number }>;
  /** the computed block right of the profile (column `status`, some also `reason`) */
  asOf: CellAt;
  year: CellAt;
  verdict: CellAt;
  passed: CellAt;
  ratio: CellAt;
  applicable: CellAt;
  packId: CellAt;
  packVersion: CellAt;
  planId: CellAt;
  planVersion: CellAt;
  period: CellAt;
  /** "Đánh giá gần nhất": its heading row and the stamp cells */
  stampRow: number;
  stamp: Record<keyof typeof STAMP_NAMES, CellAt>;
  /** "Cách dùng và chú giải": heading row (then the how-to row and the colour row) */
  legendRow: number;
  headerRow: number;
  firstTableRow: number;
  lastTableRow: number;
  groups: GroupGeometry[];
  criteria: CriterionGeometry[];
  /** every input cell by id (profile, indicators, evidence), in sheet order */
  inputs: ReadonlyMap<string, CellAt>;
}

const C = CRITERIA_COLUMNS;
/**
 * Rows of the computed block (as-of, year, verdict, counts ×2, pack, plan, period), of the stamp
 * pairs and of the legend (heading, how-to, colours): ./layout.ts writes exactly these.
 */
const RESULT_ROWS = 8;
const STAMP_ROWS = 3;
const LEGEND_ROWS = 3;

/** The criteria sheet's geometry for `pack` (see the file comment). */
export function criteriaGeometry(pack: Pack): CriteriaGeometry {
  const inputs = new Map<string, CellAt>();
  const sectionRow = 3;
  const profile = pack.profile.map((ind, i) => {
    const at = { id: ind.id, row: sectionRow + 1 + i, col: ind.type === 'text' ? C.expect : C.value };
    inputs.set(ind.id, { row: at.row, col: at.col });
    return at;
  });
  const r = sectionRow + 1;
  const at = (row: number, col: number = C.status): CellAt => ({ row, col });
  const right = {
    asOf: at(r),
    year: at(r + 1),
    verdict: at(r + 2),
    passed: at(r + 3),
    ratio: at(r + 3, C.reason),
    applicable: at(r + 4),
    packId: at(r + 5),
    packVersion: at(r + 5, C.reason),
    planId: at(r + 6),
    planVersion: at(r + 6, C.reason),
    period: at(r + 7),
  };
  const stampRow = Math.max(sectionRow + pack.profile.length, r + RESULT_ROWS - 1) + 1;
  const stamp = {
    time: at(stampRow + 1, C.expect),
    verdict: at(stampRow + 1),
    asOf: at(stampRow + 2, C.expect),
    ratio: at(stampRow + 2),
    pack: at(stampRow + 3, C.expect),
    sha256: at(stampRow + 3),
  };
  const legendRow = stampRow + STAMP_ROWS + 1;
  const headerRow = legendRow + LEGEND_ROWS;
  const groups: GroupGeometry[] = [];
  const criteria: CriterionGeometry[] = [];
  let row = headerRow + 1;
  for (const g of pack.groups) {
    const groupRow = row++;
    for (const [i, cr] of g.criteria.entries()) {
      const first = row;
      const last = first + Math.max(cr.indicators.length, cr.requirements.length, 1);
      const indicators = cr.indicators.map((ind, k) => ({ id: ind.id, row: first + k }));
      for (const ind of indicators) inputs.set(ind.id, { row: ind.row, col: C.value });
      inputs.set(evidenceId(cr), at(first, C.evidence));
      criteria.push({
        id: cr.id,
        number: cr.number,
        first,
        last,
        ...(i === 0 ? { groupRow } : {}),
        status: at(first),
        reason: at(first, C.reason),
        evidence: at(first, C.evidence),
        explanation: at(first, C.explanation),
        indicators,
      });
      row = last + 1;
    }
    groups.push({ number: g.number, row: groupRow, first: groupRow + 1, last: row - 1 });
  }
  return {
    sectionRow,
    profile,
    ...right,
    stampRow,
    stamp,
    legendRow,
    headerRow,
    firstTableRow: headerRow + 1,
    lastTableRow: row - 1,
    groups,
    criteria,
    inputs,
  };
}
