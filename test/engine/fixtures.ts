/**
 * Small inline packs for engine tests: one criterion per requirement kind, validated with the real
 * pack schema so that the tests exercise what a loaded pack looks like.
 */
import { isoToSerial } from '../../src/engine/dates';
import { evaluate, type Evaluation, type RequirementResult } from '../../src/engine/evaluate';
import type { CellValue } from '../../src/engine/values';
import { packSchema, type Pack, type PackInput } from '../../src/pack/schema';
import { planSchema, type Plan } from '../../src/plan/schema';
import { at } from '../helpers/at';
import { entry } from '../helpers/at';

type GroupInput = PackInput['groups'][number];
export type CriterionInput = GroupInput['criteria'][number];
export type IndicatorInput = CriterionInput['indicators'][number];
export type RequirementInput = CriterionInput['requirements'][number];

export const SCALES: Record<string, string[]> = {
  nhiem_vu: [
    'Hoàn thành xuất sắc nhiệm vụ',
    'Hoàn thành tốt nhiệm vụ',
    'Hoàn thành nhiệm vụ',
    'Không hoàn thành nhiệm vụ',
  ],
  danh_hieu: ['Tập thể lao động xuất sắc', 'Tập thể lao động tiên tiến', 'Không đạt danh hiệu'],
  phan_loai: ['Xuất sắc', 'Khá', 'Trung bình', 'Yếu'],
  loai_don_vi: ['Cơ quan', 'Doanh nghiệp', 'Cơ sở giáo dục'],
};

export const PROFILE: IndicatorInput[] = [
  { id: 'ten_don_vi', label: 'Tên đơn vị', type: 'text', required: true },
  { id: 'loai_don_vi', label: 'Loại đơn vị', type: 'choice', scale: 'loai_don_vi' },
  { id: 'tinh', label: 'Tỉnh/thành phố', type: 'text' },
  { id: 'nam', label: 'Năm đánh giá', type: 'count', min: 2022, max: 2100, required: true },
  { id: 'ngay_danh_gia', label: 'Ngày đánh giá (tính đến)', type: 'date' },
  { id: 'an_toan_nam_truoc', label: 'Năm trước được công nhận "An toàn về ANTT"', type: 'bool' },
  { id: 'phan_loai_nam_truoc', label: 'Phân loại phong trào năm trước', type: 'choice', scale: 'phan_loai' },
  { id: 'co_to_chuc_dang', label: 'Có tổ chức Đảng', type: 'bool' },
];

export interface CritSpec {
  indicators: IndicatorInput[];
  requirements: RequirementInput[];
}

/**
 * The pack around the given criteria (TC1, TC2, … in one group), as a pack file holds it (not
 * parsed: test/kinds/newKind.test.ts hands it requirements of a kind the types do not know).
 */
export function packData<I, R>(
  criteria: ReadonlyArray<{ indicators: I[]; requirements: R[] }>,
  parameters: Record<string, number | boolean | string> = {},
) {
  return {
    schemaVersion: 1 as const,
    id: 'thu',
    version: '1.0',
    title: 'Bộ tiêu chí thử',
    shortTitle: 'Thử',
    legalBasis: 'QĐ 9745/QĐ-BCA-V05',
    unitTypes: entry(SCALES, 'loai_don_vi'),
    scales: SCALES,
    parameters: { phan_loai_toi_thieu: 'Khá', ...parameters },
    profile: PROFILE,
    prerequisites: [
      { indicator: 'an_toan_nam_truoc', anyOf: ['Có'], label: 'Năm trước đạt "An toàn về ANTT"' },
      {
        indicator: 'phan_loai_nam_truoc',
        atLeast: { param: 'phan_loai_toi_thieu' },
        label: 'Phân loại phong trào năm trước từ Khá trở lên',
      },
    ],
    groups: [
      {
        id: 'g1',
        number: 1,
        title: 'Nhóm thử',
        criteria: criteria.map((c, i) => ({
          id: `TC${i + 1}`,
          number: i + 1,
          title: `Tiêu chí ${i + 1}`,
          text: `Nội dung tiêu chí ${i + 1}`,
          indicators: c.indicators,
          requirements: c.requirements,
        })),
      },
    ],
  };
}

/** A pack with the given criteria (TC1, TC2, … in one group), parsed by the real schema. */
export function makePack(
  criteria: CritSpec[],
  parameters: Record<string, number | boolean | string> = {},
): Pack {
  const input: PackInput = packData(criteria, parameters);
  return packSchema.parse(input);
}

/** A pack with one criterion TC1 holding one requirement. */
export function onePack(
  indicators: IndicatorInput[],
  requirement: RequirementInput,
  parameters: Record<string, number | boolean | string> = {},
): Pack {
  return makePack([{ indicators, requirements: [requirement] }], parameters);
}

/** Serial of an ISO date; throws on a typo in a test table. */
export function d(iso: string): number {
  const s = isoToSerial(iso);
  if (s === undefined) throw new Error(`bad date in test: ${iso}`);
  return s;
}

export type Vals = Record<string, CellValue | undefined>;

/**
 * A test plan whose period is the calendar year (01/01 → 31/12) and whose prerequisites only warn,
 * so that the kind tables read like the spec's original "due 31/12" rules. The built-in plans are
 * tested in plans.test.ts.
 */
export const CALENDAR_PLAN: Plan = planSchema.parse({
  schemaVersion: 1,
  id: 'nam-lich',
  version: '1.0',
  title: 'Kế hoạch thử: kỳ là năm dương lịch',
  issuer: 'Ban Chỉ đạo thử',
  legalBasis: 'thử',
  packs: ['thu'],
  period: { start: { dayMonth: '01/01' }, end: { dayMonth: '31/12' } },
  reviewDate: { dayMonth: '31/12' },
  prerequisitesGate: false,
  roles: {
    reviewBody: 'Ban Chỉ đạo',
    proposer: { thu: 'Ủy ban nhân dân' },
    signer: { thu: { capacity: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' } },
    receiver: 'Ban Chỉ đạo tỉnh',
    recogniser: 'Ban Chỉ đạo tỉnh',
  },
  parameters: {},
});

/** Evaluate with year `nam` and as-of date `asOf` (ISO), `today` far away so it is never used by accident. */
export function run(
  pack: Pack,
  values: Vals,
  asOf: string,
  nam: CellValue = 2025,
  plan: Plan = CALENDAR_PLAN,
): Evaluation {
  return evaluate(pack, { nam, ngay_danh_gia: d(asOf), ...values }, { today: d('2031-07-07'), plan });
}

/** The first requirement of TC1. */
export function req1(pack: Pack, values: Vals, asOf: string, nam: CellValue = 2025): RequirementResult {
  return at(at(run(pack, values, asOf, nam).criteria, 0).requirements, 0);
}

/** A table row: description, values, as-of date, expected status, a substring of the reason. */
export type Row = [string, Vals, string, string, string];
