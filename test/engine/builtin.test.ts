/**
 * Spec-level checks on the built-in packs `xa` (34 criteria) and `coquan` (14 criteria).
 */
import { evaluate, type Evaluation } from '../../src/engine/evaluate';
import { getBuiltinPack } from '../../src/pack/registry';
import { packSchema, type Pack } from '../../src/pack/schema';
import { fullPassValues, onTrackValues, type SampleValues } from '../helpers/samples';
import { d, CALENDAR_PLAN } from './fixtures';

function builtin(id: string): Pack {
  const p = getBuiltinPack(id);
  if (!p) throw new Error(`built-in pack ${id} not found`);
  return p;
}

const TODAY = d('2031-03-03');
const xa = builtin('xa');
const coquan = builtin('coquan');

const ev = (pack: Pack, values: SampleValues, extra: SampleValues = {}): Evaluation =>
  evaluate(pack, { ...values, ...extra }, { today: TODAY, plan: CALENDAR_PLAN });
const statusOf = (e: Evaluation, id: string) => e.criteria.find((c) => c.id === id)?.status;
const reasonsOf = (e: Evaluation, id: string) =>
  (e.criteria.find((c) => c.id === id)?.reasons ?? []).join(' | ');

describe('pack xa', () => {
  const full = fullPassValues(xa);

  it('has 34 criteria TC1..TC34 in 4 groups', () => {
    expect(xa.groups).toHaveLength(4);
    expect(xa.groups.flatMap((g) => g.criteria.map((c) => c.id))).toEqual(
      Array.from({ length: 34 }, (_, i) => `TC${i + 1}`),
    );
  });

  it('a fully met answer set passes 34/34 with no warnings', () => {
    const e = ev(xa, full);
    expect(
      e.criteria.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.reasons.join('; ')}`),
    ).toEqual([]);
    expect(e.verdict).toEqual({ code: 'pass', label: 'Đạt — đủ điều kiện đề nghị công nhận điển hình' });
    expect([e.passed, e.applicable]).toEqual([34, 34]);
    expect(e.warnings).toEqual([]);
  });

  it('met items pass at any time: the full set passes at mid-year too', () => {
    const e = ev(xa, fullPassValues(xa, { asOf: d('2025-06-15') }));
    expect(e.verdict.code).toBe('pass');
  });

  it('mid-year with accruing items not yet met is on track', () => {
    const e = ev(xa, onTrackValues(xa, d('2025-06-15')));
    expect(e.verdict).toEqual({ code: 'on_track', label: 'Đang đạt (tạm tính đến ngày 15/06/2025)' });
    const notDue = e.criteria.filter((c) => c.status === 'not_due').map((c) => c.id);
    expect(notDue).toEqual([
      'TC3',
      'TC6',
      'TC7',
      'TC9',
      'TC10',
      'TC12',
      'TC14',
      'TC15',
      'TC26',
      'TC27',
      'TC31',
      'TC34',
    ]);
    expect(e.criteria.filter((c) => c.status !== 'not_due').every((c) => c.status === 'pass')).toBe(true);
    expect([e.passed, e.applicable]).toEqual([34 - notDue.length, 34]);
  });

  it('the same unit on 01/01 of the next year fails every accruing criterion', () => {
    const e = ev(xa, onTrackValues(xa, d('2025-06-15')), { ngay_danh_gia: d('2026-01-01') });
    expect(e.verdict.code).toBe('fail');
    // ratings left blank are missing by then; accruing counts and events fail
    for (const id of ['TC3', 'TC7', 'TC9', 'TC10', 'TC12', 'TC14', 'TC26', 'TC27', 'TC31'])
      expect(statusOf(e, id)).toBe('fail');
    for (const id of ['TC15']) expect(statusOf(e, id)).toBe('missing');
  });

  it('TC5 monthly reception: 4 months at 15/06 is not enough', () => {
    const e = ev(xa, full, { ngay_danh_gia: d('2025-06-15'), tc5_thang_tiep_dan: 4 });
    expect(statusOf(e, 'TC5')).toBe('fail');
    expect(reasonsOf(e, 'TC5')).toContain('yêu cầu ≥ 5');
  });

  it.each<[string, SampleValues, string, string]>([
    ['40 → 38', { tc18_nam_truoc: 40, tc18_nam_nay: 38 }, 'pass', 'giảm 5,0% (40 → 38); đạt mức giảm 5%'],
    [
      '40 → 39',
      { tc18_nam_truoc: 40, tc18_nam_nay: 39 },
      'fail',
      'giảm 2,5% (40 → 39); yêu cầu giảm ít nhất 5%',
    ],
    ['42 → 40', { tc18_nam_truoc: 42, tc18_nam_nay: 40 }, 'fail', 'giảm 4,8% (42 → 40)'],
    [
      '40 → 40 (kiềm chế off by default)',
      { tc18_nam_truoc: 40, tc18_nam_nay: 40 },
      'fail',
      'yêu cầu giảm ít nhất 5%',
    ],
    ['0 → 0', { tc18_nam_truoc: 0, tc18_nam_nay: 0 }, 'pass', 'không có vụ nào'],
    ['0 → 1', { tc18_nam_truoc: 0, tc18_nam_nay: 1 }, 'fail', 'tăng (0 → 1)'],
  ])('TC18 %s', (_desc, extra, status, reason) => {
    const e = ev(xa, full, extra);
    expect(statusOf(e, 'TC18')).toBe(status);
    expect(reasonsOf(e, 'TC18')).toContain(reason);
    expect(e.verdict.label).toBe(
      status === 'pass' ? 'Đạt — đủ điều kiện đề nghị công nhận điển hình' : 'Chưa đạt: TC18',
    );
  });

  it('TC18 with the kiềm chế parameter switched on', () => {
    const lenient = packSchema.parse({
      ...xa,
      parameters: { ...xa.parameters, tc18_chap_nhan_kiem_che: true },
    });
    const e = ev(lenient, full, { tc18_nam_truoc: 40, tc18_nam_nay: 40 });
    expect(statusOf(e, 'TC18')).toBe('pass');
    expect(reasonsOf(e, 'TC18')).toContain('đạt “kiềm chế” (không tăng)');
    expect(statusOf(ev(lenient, full, { tc18_nam_truoc: 40, tc18_nam_nay: 41 }), 'TC18')).toBe('fail');
  });

  it.each<[string, SampleValues, string, string]>([
    ['11 → 8', { tc19_nghien_nam_truoc: 11, tc19_nghien_nam_nay: 8 }, 'pass', '(11 → 8)'],
    ['11 → 9', { tc19_nghien_nam_truoc: 11, tc19_nghien_nam_nay: 9 }, 'fail', 'còn tối đa 8'],
    ['10 → 8', { tc19_nghien_nam_truoc: 10, tc19_nghien_nam_nay: 8 }, 'pass', 'giảm 2 người'],
    ['10 → 9', { tc19_nghien_nam_truoc: 10, tc19_nghien_nam_nay: 9 }, 'fail', 'phải giảm ít nhất 2 người'],
    ['2 → 0', { tc19_nghien_nam_truoc: 2, tc19_nghien_nam_nay: 0 }, 'pass', 'không có người nghiện'],
    ['new addicts', { tc19_nghien_moi: 1 }, 'fail', 'Số người nghiện mới phát sinh: 1; yêu cầu 0'],
    ['relapse', { tc19_tai_nghien: 2 }, 'fail', ': 2; yêu cầu 0'],
    ['drug plants grown', { tc19_trong_cay: 'Có' }, 'fail', 'yêu cầu “Không”'],
    ['drug plants blank', { tc19_trong_cay: '' }, 'missing', 'chưa nhập'],
  ])('TC19 %s', (_desc, extra, status, reason) => {
    const e = ev(xa, full, extra);
    expect(statusOf(e, 'TC19')).toBe(status);
    expect(reasonsOf(e, 'TC19')).toContain(reason);
  });

  it('TC18 and TC19 failing together are both listed', () => {
    const e = ev(xa, full, {
      tc18_nam_truoc: 40,
      tc18_nam_nay: 39,
      tc19_nghien_nam_truoc: 11,
      tc19_nghien_nam_nay: 9,
    });
    expect(e.verdict).toEqual({ code: 'fail', label: 'Chưa đạt: TC18, TC19' });
    expect(e.failing).toEqual(['TC18', 'TC19']);
    expect([e.passed, e.applicable]).toEqual([32, 34]);
  });

  it.each<[string, SampleValues, string, string]>([
    [
      '2 of 200 reoffend (1%)',
      { tc29_dac_xa_tha_tu: 200, tc29_tai_pham: 2 },
      'pass',
      'Tỷ lệ tái phạm 1,00% (2/200)',
    ],
    [
      '3 of 200 reoffend (1,5%, strict)',
      { tc29_dac_xa_tha_tu: 200, tc29_tai_pham: 3 },
      'fail',
      'Tỷ lệ tái phạm 1,50% (3/200); yêu cầu dưới 1,5%',
    ],
    ['0 of 0', { tc29_dac_xa_tha_tu: 0, tc29_tai_pham: 0 }, 'pass', '0/0'],
    ['part > whole', { tc29_dac_xa_tha_tu: 2, tc29_tai_pham: 3 }, 'invalid', 'lớn hơn'],
    [
      'records incomplete',
      { tc29_doi_tuong_tong: 10, tc29_doi_tuong_ho_so: 9 },
      'fail',
      '9/10; yêu cầu 100%',
    ],
    ['records 0 of 0', { tc29_doi_tuong_tong: 0, tc29_doi_tuong_ho_so: 0 }, 'pass', '0/0 (100%)'],
  ])('TC29 %s', (_desc, extra, status, reason) => {
    const e = ev(xa, full, extra);
    expect(statusOf(e, 'TC29')).toBe(status);
    expect(reasonsOf(e, 'TC29')).toContain(reason);
  });

  it('an invalid TC29 makes the verdict incomplete', () => {
    expect(ev(xa, full, { tc29_dac_xa_tha_tu: 2, tc29_tai_pham: 3 }).verdict.code).toBe('incomplete');
  });

  it('TC2 Quý I documents through the real pack', () => {
    const late = ev(xa, full, { tc2_ke_hoach_ngay: d('2025-04-01') });
    expect(statusOf(late, 'TC2')).toBe('fail');
    const blankEarly = ev(xa, full, { tc2_ke_hoach_ngay: null, ngay_danh_gia: d('2025-03-31') });
    expect(statusOf(blankEarly, 'TC2')).toBe('not_due');
    const blankLate = ev(xa, full, { tc2_ke_hoach_ngay: null, ngay_danh_gia: d('2025-04-01') });
    expect(statusOf(blankLate, 'TC2')).toBe('missing');
  });

  it('an empty answer set never passes and never crashes', () => {
    const e = evaluate(xa, {}, { today: d('2025-06-15'), plan: CALENDAR_PLAN });
    expect(e.criteria).toHaveLength(34);
    expect(e.verdict.code).toBe('incomplete');
  });
});

describe('pack coquan', () => {
  const full = fullPassValues(coquan);

  it('has 14 criteria TC1..TC14 in 3 groups', () => {
    expect(coquan.groups).toHaveLength(3);
    expect(coquan.groups.flatMap((g) => g.criteria.map((c) => c.id))).toEqual(
      Array.from({ length: 14 }, (_, i) => `TC${i + 1}`),
    );
  });

  it('a fully met answer set passes 14/14 with no warnings', () => {
    const e = ev(coquan, full);
    expect(
      e.criteria.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.reasons.join('; ')}`),
    ).toEqual([]);
    expect(e.verdict.code).toBe('pass');
    expect([e.passed, e.applicable]).toEqual([14, 14]);
    expect(e.warnings).toEqual([]);
  });

  it('mid-year with accruing items not yet met is on track', () => {
    const e = ev(coquan, onTrackValues(coquan, d('2025-07-01')));
    expect(e.verdict).toEqual({ code: 'on_track', label: 'Đang đạt (tạm tính đến ngày 01/07/2025)' });
    expect(e.criteria.filter((c) => c.status === 'not_due').map((c) => c.id)).toEqual([
      'TC3',
      'TC4',
      'TC5',
      'TC6',
      'TC7',
      'TC8',
      'TC13',
      'TC14',
    ]);
  });

  const tuDienBien = (e: Evaluation) =>
    e.criteria
      .find((c) => c.id === 'TC11')
      ?.requirements.find((r) => r.indicators.includes('tc11_tu_dien_bien'));

  it('TC11 tự diễn biến is na without a Party organisation', () => {
    const e = ev(coquan, full, { co_to_chuc_dang: 'Không', tc11_tu_dien_bien: 4 });
    expect(tuDienBien(e)?.status).toBe('na');
    expect(statusOf(e, 'TC11')).toBe('pass');
    const withParty = ev(coquan, full, { co_to_chuc_dang: 'Có', tc11_tu_dien_bien: 4 });
    expect(tuDienBien(withParty)?.status).toBe('fail');
    expect(withParty.verdict.label).toBe('Chưa đạt: TC11');
  });

  it('TC11 is na only when all of its requirements are', () => {
    // the other requirements of TC11 still apply, so the criterion keeps counting
    const e = ev(coquan, full, { co_to_chuc_dang: 'Không', tc11_tu_dien_bien: null });
    expect(statusOf(e, 'TC11')).toBe('pass');
    expect(e.applicable).toBe(14);
  });

  it.each<[string, SampleValues, string]>([
    ['Cơ quan: tax na', { loai_don_vi: 'Cơ quan', tc12_thue: 'Không' }, 'pass'],
    ['Cơ sở giáo dục: tax na', { loai_don_vi: 'Cơ sở giáo dục', tc12_thue: null }, 'pass'],
    ['Doanh nghiệp: tax paid', { loai_don_vi: 'Doanh nghiệp', tc12_thue: 'Có' }, 'pass'],
    ['Doanh nghiệp: tax not paid', { loai_don_vi: 'Doanh nghiệp', tc12_thue: 'Không' }, 'fail'],
    ['Doanh nghiệp: tax blank', { loai_don_vi: 'Doanh nghiệp', tc12_thue: '' }, 'missing'],
  ])('TC12 %s', (_desc, extra, status) => {
    expect(statusOf(ev(coquan, full, extra), 'TC12')).toBe(status);
  });
});
