/**
 * The criteria sheet's geometry (src/sheet/geometry.ts) is where the layout really puts things:
 * every defined name points at the cell the geometry gives, the explanation column is the first
 * column right of the layout, and the geometry depends on the pack alone.
 */
import { buildCriteriaSheet, type CriteriaSheet } from '../../src/sheet/layout';
import {
  CRITERIA_COLUMNS,
  EXPLANATION_OFFSET,
  criteriaGeometry,
  type CellAt,
} from '../../src/sheet/geometry';
import {
  APPLICABLE_NAME,
  AS_OF_NAME,
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
  VERDICT_NAME,
  YEAR_NAME,
} from '../../src/pack/workbookNames';
import { colToLetters, parseArea } from '../../src/sheet/address';
import { builtinPlans } from '../../src/plan/registry';
import { builtinPacksForTests } from '../helpers/cases';

const abs = (at: CellAt): string => `$${colToLetters(at.col)}$${at.row}`;

describe.each(Object.values(builtinPacksForTests()).map((p) => [p.id, p] as const))(
  'pack %s',
  (_id, pack) => {
    const spec: CriteriaSheet = buildCriteriaSheet(pack);
    const geo = spec.geometry;
    const names = new Map(spec.names.map((n) => [n.name, n.address]));

    test('every named cell is where the geometry says', () => {
      const expected = new Map<string, CellAt>([
        [AS_OF_NAME, geo.asOf],
        [YEAR_NAME, geo.year],
        [VERDICT_NAME, geo.verdict],
        [PASSED_NAME, geo.passed],
        [RATIO_NAME, geo.ratio],
        [APPLICABLE_NAME, geo.applicable],
        [PACK_ID_NAME, geo.packId],
        [PACK_VERSION_NAME, geo.packVersion],
        [PLAN_ID_NAME, geo.planId],
        [PLAN_VERSION_NAME, geo.planVersion],
        [PERIOD_NAME, geo.period],
        ...Object.entries(STAMP_NAMES).map(
          ([k, n]) => [n, geo.stamp[k as keyof typeof STAMP_NAMES]] as const,
        ),
        ...geo.inputs,
        ...geo.criteria.map((c) => [statusName(c), c.status] as const),
      ]);
      for (const [name, at] of expected) expect([name, names.get(name)]).toEqual([name, abs(at)]);
      // and nothing is named that the geometry does not place
      expect([...names.keys()].sort()).toEqual([...expected.keys()].sort());
    });

    test('criteria blocks: evidence, status, reason on the first row; the table ends with the last block', () => {
      const cells = new Map(
        spec.cells.filter((c) => c.value !== undefined || c.formula !== undefined).map((c) => [c.address, c]),
      );
      let row = geo.headerRow + 1;
      const numbers = pack.groups.flatMap((g) => g.criteria.map((c) => c.number));
      expect(geo.criteria.map((c) => c.number)).toEqual(numbers);
      for (const c of geo.criteria) {
        if (c.groupRow !== undefined) {
          expect(c.groupRow).toBe(row);
          row++;
        }
        expect(c.first).toBe(row);
        expect(cells.get(`${colToLetters(CRITERIA_COLUMNS.id)}${c.first}`)?.value).toBe(c.id);
        expect(names.get(evidenceId(c))).toBe(abs(c.evidence));
        expect(cells.get(`${colToLetters(c.reason.col)}${c.first}`)?.formula).toContain('INDEX(');
        // the evidence hint closes the block
        expect(String(cells.get(`${colToLetters(CRITERIA_COLUMNS.label)}${c.last}`)?.value)).toContain(c.id);
        row = c.last + 1;
      }
      expect(geo.lastTableRow).toBe(row - 1);
      expect(spec.print.area).toBe(`A1:${colToLetters(CRITERIA_COLUMNS.reason)}${geo.lastTableRow}`);
    });

    test('explanations go in the first column right of the layout, on the status row', () => {
      expect(CRITERIA_COLUMNS.explanation).toBe(spec.columns.length + 1);
      for (const c of geo.criteria) {
        expect(c.explanation).toEqual({ row: c.status.row, col: c.status.col + EXPLANATION_OFFSET });
      }
      // nothing of the layout's own is in that column
      const cols = spec.cells.map((c) => parseArea(c.address)?.col ?? Number.NaN);
      expect(Math.max(...cols)).toBe(CRITERIA_COLUMNS.explanation - 1);
    });

    test('depends on the pack alone (not on values or the plan)', () => {
      for (const plan of builtinPlans().filter((p) => p.packs.includes(pack.id))) {
        expect(buildCriteriaSheet(pack, { plan, unitName: 'Công an xã A', year: 2026 }).geometry).toEqual(
          geo,
        );
      }
      expect(criteriaGeometry(pack)).toEqual(geo);
    });
  },
);
