/**
 * The as-of date and year (ngay_danh_gia, nam, today) and how requirement statuses combine.
 */
import { evaluate } from '../../src/engine/evaluate';
import { combineStatuses, STATUS_CODES, type StatusCode } from '../../src/engine/status';
import { d, makePack, onePack, type Vals, CALENDAR_PLAN } from './fixtures';
import { at } from '../helpers/at';

const quyI = onePack([{ id: 'ke_hoach_ngay', label: 'Ngày ban hành kế hoạch', type: 'date' }], {
  kind: 'datedDocument',
  indicator: 'ke_hoach_ngay',
  from: '01/01',
  to: '31/03',
});

describe('as-of date and year', () => {
  const evalAt = (values: Vals, today: string) =>
    evaluate(quyI, values, { today: d(today), plan: CALENDAR_PLAN });

  it.each<[string, Vals, string, string, number, StatusCode]>([
    [
      'blank ngay_danh_gia → today (31/03)',
      { nam: 2025, ngay_danh_gia: '' },
      '2025-03-31',
      '2025-03-31',
      2025,
      'not_due',
    ],
    ['blank ngay_danh_gia → today (01/04)', { nam: 2025 }, '2025-04-01', '2025-04-01', 2025, 'missing'],
    [
      'spaces ngay_danh_gia → today',
      { nam: 2025, ngay_danh_gia: '  ' },
      '2025-04-01',
      '2025-04-01',
      2025,
      'missing',
    ],
    [
      'text ngay_danh_gia → today',
      { nam: 2025, ngay_danh_gia: 'hôm nay' },
      '2025-03-01',
      '2025-03-01',
      2025,
      'not_due',
    ],
    [
      'negative ngay_danh_gia → today',
      { nam: 2025, ngay_danh_gia: -10 },
      '2025-03-01',
      '2025-03-01',
      2025,
      'not_due',
    ],
    [
      'ngay_danh_gia wins over today',
      { nam: 2025, ngay_danh_gia: d('2025-04-01') },
      '2025-03-01',
      '2025-04-01',
      2025,
      'missing',
    ],
    [
      'ngay_danh_gia with a time of day',
      { nam: 2025, ngay_danh_gia: d('2025-03-31') + 0.75 },
      '2030-01-01',
      '2025-03-31',
      2025,
      'not_due',
    ],
    [
      'blank nam → year of the as-of date',
      { ngay_danh_gia: d('2026-02-01') },
      '2030-01-01',
      '2026-02-01',
      2026,
      'not_due',
    ],
    [
      'text nam → year of the as-of date',
      { nam: 'năm nay', ngay_danh_gia: d('2026-05-01') },
      '2030-01-01',
      '2026-05-01',
      2026,
      'missing',
    ],
    [
      'nam "2025" stored as text is not a number (same rule as the sheet): year of the as-of date',
      { nam: '2025', ngay_danh_gia: d('2026-05-01') },
      '2030-01-01',
      '2026-05-01',
      2026,
      'missing',
    ],
    [
      'nam below 2022 → year of the as-of date',
      { nam: 2021, ngay_danh_gia: d('2026-05-01') },
      '2030-01-01',
      '2026-05-01',
      2026,
      'missing',
    ],
    [
      'nam fractional → year of the as-of date',
      { nam: 2025.5, ngay_danh_gia: d('2026-05-01') },
      '2030-01-01',
      '2026-05-01',
      2026,
      'missing',
    ],
    ['blank nam and blank date → today', {}, '2027-02-02', '2027-02-02', 2027, 'not_due'],
    [
      'as-of before 01/01 of nam',
      { nam: 2026, ngay_danh_gia: d('2025-12-31') },
      '2030-01-01',
      '2025-12-31',
      2026,
      'not_due',
    ],
  ])('%s', (_desc, values, today, asOfIso, year, status) => {
    const ev = evalAt(values, today);
    expect({ asOfIso: ev.asOfIso, year: ev.year, status: at(ev.criteria, 0).status }).toEqual({
      asOfIso,
      year,
      status,
    });
    expect(ev.asOf).toBe(d(asOfIso));
  });

  it('a document dated in Quý I of an invalid nam is judged against the as-of year', () => {
    const ev = evalAt(
      { nam: 'abc', ngay_danh_gia: d('2026-06-01'), ke_hoach_ngay: d('2026-02-01') },
      '2030-01-01',
    );
    expect(at(ev.criteria, 0).status).toBe('pass');
  });

  it('a non-integer or non-finite today is tolerated', () => {
    expect(evaluate(quyI, { nam: 2025 }, { today: d('2025-03-31') + 0.5, plan: CALENDAR_PLAN }).asOfIso).toBe(
      '2025-03-31',
    );
    const ev = evaluate(quyI, { nam: 2025 }, { today: NaN, plan: CALENDAR_PLAN });
    expect(ev.asOfIso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('today outside the Excel date range is clamped to 01/01/1900..31/12/9999', () => {
    expect(evaluate(quyI, {}, { today: 1e12, plan: CALENDAR_PLAN }).asOfIso).toBe('9999-12-31');
    expect(evaluate(quyI, {}, { today: 2958466, plan: CALENDAR_PLAN }).asOfIso).toBe('9999-12-31');
    expect(evaluate(quyI, {}, { today: -40, plan: CALENDAR_PLAN }).asOfIso).toBe('1900-01-01');
    const far = evaluate(quyI, { nam: 2025 }, { today: 1e12, plan: CALENDAR_PLAN });
    expect(at(far.criteria, 0).reasons.join()).not.toMatch(/NaN/);
    expect(at(far.criteria, 0).status).toBe('missing');
  });
});

describe('status precedence inside a criterion', () => {
  it('the rank order is invalid > fail > missing > not_due > pass > na', () => {
    expect(combineStatuses(['pass', 'not_due', 'missing', 'fail', 'invalid', 'na'])).toBe('invalid');
    expect(combineStatuses(['pass', 'not_due', 'missing', 'fail', 'na'])).toBe('fail');
    expect(combineStatuses(['pass', 'not_due', 'missing', 'na'])).toBe('missing');
    expect(combineStatuses(['pass', 'not_due', 'na'])).toBe('not_due');
    expect(combineStatuses(['pass', 'na'])).toBe('pass');
    expect(combineStatuses(['na', 'na'])).toBe('na');
    expect(new Set(STATUS_CODES)).toEqual(new Set(['na', 'pass', 'not_due', 'missing', 'fail', 'invalid']));
  });

  // TC1: a = Có, b = 0, e held by 30/06, t = Có only for enterprises. TC2: both requirements only for enterprises.
  const pack = makePack([
    {
      indicators: [
        { id: 'a_co', label: 'Chỉ tiêu A', type: 'bool' },
        { id: 'b_so', label: 'Chỉ tiêu B', type: 'count' },
        { id: 'e_su_kien', label: 'Sự kiện E', type: 'bool' },
        { id: 't_thue', label: 'Thuế', type: 'bool' },
      ],
      requirements: [
        { kind: 'equals', indicator: 'a_co', value: 'Có' },
        { kind: 'zero', indicator: 'b_so' },
        { kind: 'datedEvent', indicator: 'e_su_kien', due: '30/06' },
        {
          kind: 'equals',
          indicator: 't_thue',
          value: 'Có',
          applicability: { indicator: 'loai_don_vi', mode: 'only', values: ['Doanh nghiệp'] },
        },
      ],
    },
    {
      indicators: [{ id: 'x_so', label: 'Chỉ tiêu X', type: 'count' }],
      requirements: [
        {
          kind: 'zero',
          indicator: 'x_so',
          applicability: { indicator: 'loai_don_vi', mode: 'only', values: ['Doanh nghiệp'] },
        },
        {
          kind: 'atLeast',
          indicator: 'x_so',
          min: 0,
          applicability: { indicator: 'loai_don_vi', mode: 'except', values: ['Cơ quan'] },
        },
      ],
    },
  ]);
  const base: Vals = {
    nam: 2025,
    ngay_danh_gia: d('2025-06-15'),
    loai_don_vi: 'Cơ quan',
    a_co: 'Có',
    b_so: 0,
    e_su_kien: 'Có',
  };

  it.each<[string, Vals, StatusCode, string[]]>([
    ['invalid beats fail', { a_co: 'x', b_so: 2 }, 'invalid', ['Chỉ tiêu A: giá trị “x” không hợp lệ']],
    ['fail beats missing', { a_co: 'Không', b_so: '' }, 'fail', ['Chỉ tiêu A: Không; yêu cầu “Có”']],
    [
      'two failures are both listed',
      { a_co: 'Không', b_so: 1 },
      'fail',
      ['Chỉ tiêu A: Không', 'Chỉ tiêu B: 1; yêu cầu 0'],
    ],
    ['missing beats not_due', { a_co: '', e_su_kien: '' }, 'missing', ['Chỉ tiêu A: chưa nhập']],
    ['not_due beats pass', { e_su_kien: 'Không' }, 'not_due', ['Sự kiện E: chưa tổ chức; hạn 30/06/2025']],
    ['pass with one na requirement', {}, 'pass', ['Chỉ tiêu A: Có', 'Chỉ tiêu B: 0', 'Sự kiện E: Có']],
    [
      'the na requirement counts when it applies',
      { loai_don_vi: 'Doanh nghiệp', t_thue: 'Không' },
      'fail',
      ['Thuế: Không'],
    ],
  ])('%s', (_desc, extra, status, reasons) => {
    const ev = evaluate(pack, { ...base, ...extra }, { today: d('2030-01-01'), plan: CALENDAR_PLAN });
    const c = at(ev.criteria, 0);
    expect(c.status).toBe(status);
    expect(c.reasons).toHaveLength(reasons.length);
    reasons.forEach((r, i) => expect(at(c.reasons, i)).toContain(r));
  });

  it('a criterion whose every requirement is na is na, and is not counted', () => {
    const ev = evaluate(pack, base, { today: d('2030-01-01'), plan: CALENDAR_PLAN });
    expect(at(ev.criteria, 1).status).toBe('na');
    expect(at(ev.criteria, 1).label).toBe('Không áp dụng');
    expect(at(ev.criteria, 1).reasons).toEqual([
      'Không áp dụng: chỉ áp dụng khi Loại đơn vị là Doanh nghiệp',
      'Không áp dụng: không áp dụng khi Loại đơn vị là Cơ quan',
    ]);
    expect(ev.applicable).toBe(1);
    expect(ev.passed).toBe(1);
  });

  it('one applicable requirement among na ones decides', () => {
    const ev = evaluate(
      pack,
      { ...base, loai_don_vi: 'Cơ sở giáo dục', x_so: 3 },
      { today: d('2030-01-01') },
    );
    expect(at(ev.criteria, 1).status).toBe('pass');
    expect(ev.applicable).toBe(2);
  });
});

describe('the last representable year', () => {
  it('an as-of date in 9999 with no valid nam uses year 9998, so next-year dates stay inside Excel', () => {
    const ev = evaluate(quyI, { ngay_danh_gia: 2958465 }, { today: 46000, plan: CALENDAR_PLAN });
    expect(ev.asOfIso).toBe('9999-12-31');
    expect(ev.year).toBe(9998);
  });
});
