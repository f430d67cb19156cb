/**
 * Adding a requirement kind touches one file: the kind in ./fixtures/atMost.ts, written against
 * src/kinds/types.ts like the product's kinds, is added to the registry (as its line in
 * src/kinds/registry.ts would) and nothing else changes — the pack schema and the validator accept
 * and check it, the compiler compiles it, the evaluator scores it, the sheet prints its "Yêu cầu"
 * text and its formulas, HyperFormula computes from those formulas what the engine computes, and
 * the kinds table of docs/packs.md would list it.
 */
import fc from 'fast-check';
import { validatePack, type PackIssue } from '../../src/pack/validate';
import type { Pack } from '../../src/pack/schema';
import { compilePack } from '../../src/engine/compile';
import { excelDate } from '../../src/engine/dates';
import { evaluate } from '../../src/engine/evaluate';
import type { Values } from '../../src/engine/values';
import { buildCriteriaSheet } from '../../src/sheet/layout';
import { KINDS, deadlineOf, findKind } from '../../src/kinds';
import { renderKindsDoc } from '../../src/pack/kindsDoc';
import { AgreementChecker } from '../helpers/agreement';
import { caseArb } from '../helpers/cases';
import { packData } from '../engine/fixtures';

jest.mock('../../src/kinds/registry', () => {
  const actual = jest.requireActual<typeof import('../../src/kinds/registry')>('../../src/kinds/registry');
  const fixture = jest.requireActual<typeof import('./fixtures/atMost')>('./fixtures/atMost');
  return { KINDS: [...actual.KINDS, fixture.atMost] };
});

type Json = Record<string, unknown>;

const INDICATORS: Json[] = [
  { id: 'so_vu', label: 'Số vụ việc phức tạp', type: 'count' },
  { id: 'so_don', label: 'Số đơn thư tồn đọng', type: 'count' },
  { id: 'hop_dan', label: 'Đã họp dân', type: 'bool' },
];

/** A pack whose criteria use the new kind (TC1, TC2) beside a product kind (TC3), one each. */
function packWith(requirements: Json[] = []): Json {
  const reqs = requirements.length
    ? requirements
    : [
        { kind: 'atMost', indicator: 'so_vu', max: { param: 'toi_da_vu' } },
        { kind: 'atMost', indicator: 'so_don', max: 5, due: '30/06' },
        { kind: 'equals', indicator: 'hop_dan', value: 'Có' },
      ];
  const criteria = reqs.map((r) => ({
    indicators: INDICATORS.filter((ind) => ind.id === r.indicator),
    requirements: [r],
  }));
  const data = packData(criteria, { toi_da_vu: 2 });
  // HyperFormula 3.5 cannot parse a doubled quote inside a string literal ("a""b", which Excel and
  // LibreOffice read as a"b): the prerequisite labels, printed into the verdict formula, lose theirs
  const prerequisites = data.prerequisites.map((q) => ({ ...q, label: q.label.replace(/"/g, '') }));
  return { ...data, prerequisites };
}

function validPack(): Pack {
  const v = validatePack(packWith());
  if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return v.pack;
}

function issuesOf(data: Json): Array<Pick<PackIssue, 'path' | 'message'>> {
  const v = validatePack(data);
  return v.ok ? [] : v.issues.map(({ path, message }) => ({ path, message }));
}

const MID = excelDate(2025, 6, 15);
const LATE = excelDate(2025, 9, 1);

describe('a requirement kind added in one file', () => {
  it('is in the registry only because the test added it', () => {
    const product = jest.requireActual<typeof import('../../src/kinds/registry')>('../../src/kinds/registry');
    expect(product.KINDS.map((k) => k.kind)).not.toContain('atMost');
    expect(KINDS.map((k) => k.kind)).toContain('atMost');
    expect(findKind('atMost')?.refs).toEqual([['indicator', 'count']]);
    // and docs/packs.md would list it (the table is rendered from the registry)
    expect(renderKindsDoc()).toContain('| `atMost` | `indicator` (count) | `max`, `due`? | count ≤ `max`');
  });

  it('validate: the schema accepts it, and its references and checks report with paths', () => {
    const pack = validPack();
    const [tc1, tc2] = pack.groups[0]?.criteria ?? [];
    expect(tc1?.requirements).toEqual([{ kind: 'atMost', indicator: 'so_vu', max: { param: 'toi_da_vu' } }]);
    expect(tc2 && deadlineOf(tc2.requirements[0] ?? { kind: '' })).toBe('30/06');

    const at = 'groups[0].criteria[0].requirements[0]';
    const bad = (r: Json): Array<Pick<PackIssue, 'path' | 'message'>> => issuesOf(packWith([r]));
    expect(bad({ kind: 'atMost', indicator: 'hop_dan', max: 1 })).toContainEqual({
      path: `${at}.indicator`,
      message: 'yêu cầu loại atMost cần chỉ tiêu kiểu số đếm (count); “hop_dan” là Có/Không (bool)',
    });
    expect(bad({ kind: 'atMost', indicator: 'so_vu', max: -1 })).toContainEqual({
      path: `${at}.max`,
      message: 'ngưỡng tối đa phải là số nguyên không âm, đang là -1',
    });
    expect(bad({ kind: 'atMost', indicator: 'so_vu', max: { param: 'khong_co' } })).toContainEqual({
      path: `${at}.max.param`,
      message: 'tham số “khong_co” không có trong parameters',
    });
    expect(bad({ kind: 'atMost', indicator: 'so_vu', max: 1, due: '31/02' })).toContainEqual({
      path: `${at}.due`,
      message: 'ngày “31/02” không hợp lệ: tháng 2 không có ngày 31',
    });
    expect(bad({ kind: 'atMost', indicator: 'so_vu', max: 1, muc: 2 })).toContainEqual({
      path: `${at}.muc`,
      message: 'trường “muc” không được hỗ trợ',
    });
    expect(bad({ kind: 'atMost', indicator: 'khong_co', max: 1 })).toContainEqual({
      path: `${at}.indicator`,
      message: 'chỉ tiêu “khong_co” không tồn tại trong gói',
    });
    // a kind nobody registered is still refused, naming the registered ones
    const unknown = bad({ kind: 'atLeastOne', indicator: 'so_vu' });
    expect(unknown).toContainEqual({ path: `${at}.kind`, message: expect.stringContaining('atMost') });
  });

  it('compile → evaluate: its statuses and reasons', () => {
    const pack = validPack();
    expect(compilePack(pack).criteria.map((c) => c.requirements.map((r) => r.indicators))).toEqual([
      [['so_vu']],
      [['so_don']],
      [['hop_dan']],
    ]);
    const run = (values: Json, asOf: number): Array<[string, string]> =>
      evaluate(pack, { nam: 2025, ngay_danh_gia: asOf, ...values }, { today: asOf }).criteria.map((c) => [
        c.status,
        c.reasons[0] ?? '',
      ]);
    expect(run({ so_vu: 2, so_don: 0, hop_dan: 'Có' }, MID).map(([s]) => s)).toEqual([
      'pass',
      'pass',
      'pass',
    ]);
    expect(run({ so_vu: 3, so_don: 6 }, MID)).toEqual([
      ['fail', 'Số vụ việc phức tạp: 3; yêu cầu không quá 2'],
      ['fail', 'Số đơn thư tồn đọng: 6; yêu cầu không quá 5'],
      ['missing', 'Đã họp dân: chưa nhập; yêu cầu “Có”'],
    ]);
    expect(run({ so_vu: 'ba' }, MID)[0]).toEqual([
      'invalid',
      expect.stringContaining('Số vụ việc phức tạp: giá trị “ba” không hợp lệ'),
    ]);
    expect(run({}, MID).slice(0, 2)).toEqual([
      ['missing', 'Số vụ việc phức tạp: chưa nhập; yêu cầu ≤ 2'],
      ['not_due', 'Số đơn thư tồn đọng: chưa nhập; yêu cầu ≤ 5, hạn 30/06/2025'],
    ]);
    expect(run({}, LATE)[1]).toEqual(['missing', 'Số đơn thư tồn đọng: chưa nhập; yêu cầu ≤ 5']);
  });

  it('the sheet prints its "Yêu cầu" text', () => {
    const spec = buildCriteriaSheet(validPack());
    const texts = spec.cells.map((c) => (typeof c.value === 'string' ? c.value : ''));
    expect(texts).toContain('≤ 2');
    expect(texts).toContain('≤ 5, hạn 30/06');
  });

  it('formula → HyperFormula: the sheet computes what the engine computes', () => {
    const pack = validPack();
    const checker = new AgreementChecker(pack);
    try {
      const today = MID;
      const answers: Values[] = [
        {},
        { so_vu: 2, so_don: 5, hop_dan: 'Có' },
        { so_vu: 3, so_don: 6, hop_dan: 'Không' },
        { so_vu: 'ba', so_don: -1 },
        { so_vu: 1.5, so_don: '4' },
      ];
      for (const values of answers) {
        for (const asOf of [MID, LATE, excelDate(2024, 12, 1)]) {
          expect(checker.check({ values: { nam: 2025, ngay_danh_gia: asOf, ...values }, today })).toEqual([]);
        }
      }
      const statuses = new Set<string>();
      fc.assert(
        fc.property(caseArb(pack), (c) => {
          expect(checker.check(c)).toEqual([]);
          for (const cr of evaluate(pack, c.values, { today: c.today }).criteria) statuses.add(cr.status);
        }),
        { numRuns: 150, seed: 9745 },
      );
      // the random answers reached every status the kind can give
      expect([...statuses].sort()).toEqual(['fail', 'invalid', 'missing', 'not_due', 'pass']);
    } finally {
      checker.harness.destroy();
    }
  });
});
