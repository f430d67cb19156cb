/**
 * The worksheet scores itself exactly like the engine: for random answers (blank, boundary,
 * malformed values; as-of dates around every due date; valid and invalid years) the status label
 * of every criterion, its reason, the verdict and the counts computed by the generated formulas in
 * HyperFormula (a real formula engine) equal what src/engine/evaluate.ts returns.
 * Runs per pack: env AGREEMENT_RUNS (default 200).
 */
import fc from 'fast-check';
import { AgreementChecker } from '../helpers/agreement';
import { builtinPacksForTests, caseArb, passingValues } from '../helpers/cases';
import { excelDate, serialFromJsDate } from '../../src/engine/dates';
import { evaluate } from '../../src/engine/evaluate';

const RUNS = Number(process.env.AGREEMENT_RUNS ?? '') || 200;
const packs = builtinPacksForTests();

describe.each([
  ['xa', packs.xa],
  ['coquan', packs.coquan],
])('engine and worksheet formulas agree — pack %s', (_id, pack) => {
  let checker: AgreementChecker;
  beforeAll(() => {
    checker = new AgreementChecker(pack);
  });
  afterAll(() => checker.harness.destroy());

  it('on fixed cases: all pass, mid-year, everything blank', () => {
    const today = excelDate(2025, 6, 15);
    const full = passingValues(pack, 2025);
    expect(evaluate(pack, full, { today }).verdict.code).toBe('pass');
    expect(checker.check({ values: full, today })).toEqual([]);
    const mid = { ...full, ngay_danh_gia: excelDate(2025, 6, 15) };
    expect(checker.check({ values: mid, today })).toEqual([]);
    // blank as-of date: the sheet uses TODAY(), the engine the caller's today
    expect(checker.check({ values: {}, today: serialFromJsDate(new Date()) })).toEqual([]);
    expect(checker.check({ values: { nam: 2025, ngay_danh_gia: excelDate(2025, 2, 1) }, today })).toEqual([]);
  });

  it(`on ${RUNS} random answer sets`, () => {
    fc.assert(
      fc.property(caseArb(pack), (c) => {
        const diffs = checker.check(c);
        if (diffs.length) throw new Error(diffs.join('\n'));
      }),
      { numRuns: RUNS },
    );
  });
});
