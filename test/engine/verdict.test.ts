/**
 * The unit verdict, the passed/applicable counts and the warnings.
 */
import { evaluate, type Evaluation } from '../../src/engine/evaluate';
import { d, makePack, type Vals, CALENDAR_PLAN } from './fixtures';
import { at } from '../helpers/at';

const pack = makePack([
  {
    indicators: [{ id: 'quan_triet', label: 'Quán triệt', type: 'bool' }],
    requirements: [{ kind: 'equals', indicator: 'quan_triet', value: 'Có' }],
  },
  {
    indicators: [{ id: 'hoi_nghi', label: 'Hội nghị', type: 'bool' }],
    requirements: [{ kind: 'datedEvent', indicator: 'hoi_nghi', due: '31/12' }],
  },
  {
    indicators: [{ id: 'tu_dien_bien', label: 'Số đảng viên vi phạm', type: 'count' }],
    requirements: [
      {
        kind: 'zero',
        indicator: 'tu_dien_bien',
        applicability: { indicator: 'co_to_chuc_dang', mode: 'except', values: ['Không'] },
      },
    ],
  },
]);

const ALL_PASS: Vals = {
  ten_don_vi: 'Công ty Mẫu',
  nam: 2025,
  ngay_danh_gia: d('2025-12-31'),
  an_toan_nam_truoc: 'Có',
  phan_loai_nam_truoc: 'Khá',
  quan_triet: 'Có',
  hoi_nghi: 'Có',
  tu_dien_bien: 0,
  tc1_minh_chung: 'Số 1/KH ngày 10/01/2025',
  tc2_minh_chung: 'Biên bản hội nghị ngày 20/12/2025',
  tc3_minh_chung: 'Báo cáo số 5/BC',
};

const run = (extra: Vals): Evaluation =>
  evaluate(pack, { ...ALL_PASS, ...extra }, { today: d('2031-01-01'), plan: CALENDAR_PLAN });

describe('verdict', () => {
  it.each<[string, Vals, string, string, number, number]>([
    ['all pass', {}, 'pass', 'Đạt — đủ điều kiện đề nghị công nhận điển hình', 3, 3],
    [
      'all pass, one na',
      { co_to_chuc_dang: 'Không', tu_dien_bien: '' },
      'pass',
      'Đạt — đủ điều kiện đề nghị công nhận điển hình',
      2,
      2,
    ],
    ['one fail', { quan_triet: 'Không' }, 'fail', 'Chưa đạt: TC1', 2, 3],
    [
      'two fail, listed in order',
      { quan_triet: 'Không', tu_dien_bien: 2 },
      'fail',
      'Chưa đạt: TC1, TC3',
      1,
      3,
    ],
    [
      'fail beats missing and invalid',
      { quan_triet: 'Không', hoi_nghi: '', tu_dien_bien: -1, ngay_danh_gia: d('2026-01-05') },
      'fail',
      'Chưa đạt: TC1',
      0,
      3,
    ],
    ['missing → incomplete', { quan_triet: '' }, 'incomplete', 'Chưa đủ dữ liệu', 2, 3],
    ['invalid → incomplete', { tu_dien_bien: 'không' }, 'incomplete', 'Chưa đủ dữ liệu', 2, 3],
    [
      'missing beats not_due',
      { quan_triet: '', hoi_nghi: 'Không', ngay_danh_gia: d('2025-06-15') },
      'incomplete',
      'Chưa đủ dữ liệu',
      1,
      3,
    ],
    [
      'not_due → on track',
      { hoi_nghi: 'Không', ngay_danh_gia: d('2025-06-15') },
      'on_track',
      'Đang đạt (tạm tính đến ngày 15/06/2025)',
      2,
      3,
    ],
    [
      'not yet held after the year → fail',
      { hoi_nghi: 'Không', ngay_danh_gia: d('2026-01-01') },
      'fail',
      'Chưa đạt: TC2',
      2,
      3,
    ],
    [
      'as-of from today when blank',
      { hoi_nghi: 'Không', ngay_danh_gia: null, nam: 2031 },
      'on_track',
      'Đang đạt (tạm tính đến ngày 01/01/2031)',
      2,
      3,
    ],
  ])('%s', (_desc, extra, code, label, passed, applicable) => {
    const ev = run(extra);
    expect({
      code: ev.verdict.code,
      label: ev.verdict.label,
      passed: ev.passed,
      applicable: ev.applicable,
    }).toEqual({
      code,
      label,
      passed,
      applicable,
    });
    expect(ev.failing).toEqual(ev.criteria.filter((c) => c.status === 'fail').map((c) => c.id));
  });

  it('passed/applicable never count na criteria', () => {
    const ev = run({ co_to_chuc_dang: 'Không', tu_dien_bien: 5, quan_triet: 'Không' });
    expect(ev.criteria.map((c) => c.status)).toEqual(['fail', 'pass', 'na']);
    expect([ev.passed, ev.applicable]).toEqual([1, 2]);
    expect(ev.verdict.label).toBe('Chưa đạt: TC1');
  });
});

describe('warnings', () => {
  const codes = (ev: Evaluation) => ev.warnings.map((w) => `${w.code}:${w.criterion ?? w.indicator ?? ''}`);

  it('none when everything is in order', () => {
    expect(run({}).warnings).toEqual([]);
  });

  it('Thiếu minh chứng for a passing criterion with blank evidence, never for others', () => {
    const ev = run({ tc1_minh_chung: '', tc2_minh_chung: '   ', tc3_minh_chung: null, hoi_nghi: 'Không' });
    // TC2 fails here (as-of 31/12 is the end of the test plan's period), TC3 has no evidence but passes
    expect(ev.criteria.map((c) => c.status)).toEqual(['pass', 'fail', 'pass']);
    expect(codes(ev)).toEqual(['thieu_minh_chung:TC1', 'thieu_minh_chung:TC3']);
    expect(at(ev.warnings, 0).message).toContain('TC1: Thiếu minh chứng');
  });

  it('no evidence warning for a na criterion', () => {
    const ev = run({ co_to_chuc_dang: 'Không', tc3_minh_chung: '' });
    expect(codes(ev)).toEqual([]);
  });

  it('spaces-only evidence is blank; the warning never changes a status', () => {
    const withEvidence = run({});
    const without = run({ tc1_minh_chung: ' ', tc2_minh_chung: ' ', tc3_minh_chung: ' ' });
    expect(without.warnings).toHaveLength(3);
    expect(without.criteria.map((c) => c.status)).toEqual(withEvidence.criteria.map((c) => c.status));
    expect(without.verdict).toEqual(withEvidence.verdict);
  });

  it.each<[string, Vals, string[]]>([
    ['an toàn năm trước = Không', { an_toan_nam_truoc: 'Không' }, ['chua_du_dieu_kien:an_toan_nam_truoc']],
    ['an toàn năm trước blank', { an_toan_nam_truoc: '' }, ['chua_du_dieu_kien:an_toan_nam_truoc']],
    ['an toàn năm trước = có (case) is fine', { an_toan_nam_truoc: 'có' }, []],
    [
      'an toàn năm trước = true (not a label)',
      { an_toan_nam_truoc: true },
      ['chua_du_dieu_kien:an_toan_nam_truoc'],
    ],
    [
      'phân loại năm trước Trung bình',
      { phan_loai_nam_truoc: 'Trung bình' },
      ['chua_du_dieu_kien:phan_loai_nam_truoc'],
    ],
    ['phân loại năm trước Yếu', { phan_loai_nam_truoc: 'Yếu' }, ['chua_du_dieu_kien:phan_loai_nam_truoc']],
    ['phân loại năm trước Xuất sắc', { phan_loai_nam_truoc: 'Xuất sắc' }, []],
    ['phân loại năm trước blank', { phan_loai_nam_truoc: null }, ['chua_du_dieu_kien:phan_loai_nam_truoc']],
    [
      'both',
      { an_toan_nam_truoc: 'Không', phan_loai_nam_truoc: 'Yếu' },
      ['chua_du_dieu_kien:an_toan_nam_truoc', 'chua_du_dieu_kien:phan_loai_nam_truoc'],
    ],
  ])('prerequisite: %s', (_desc, extra, expected) => {
    const ev = run(extra);
    expect(codes(ev)).toEqual(expected);
    for (const w of ev.warnings) expect(w.message).toMatch(/^Chưa đủ điều kiện lựa chọn: /);
    // prerequisites never change statuses or the verdict
    expect(ev.verdict.code).toBe('pass');
  });

  it('the minimum classification is a pack parameter (Đồng Tháp asks Xuất sắc)', () => {
    const strict = makePack(
      [
        {
          indicators: [{ id: 'quan_triet', label: 'Quán triệt', type: 'bool' }],
          requirements: [{ kind: 'equals', indicator: 'quan_triet', value: 'Có' }],
        },
      ],
      { phan_loai_toi_thieu: 'Xuất sắc' },
    );
    const base = { ...ALL_PASS, ngay_danh_gia: d('2025-12-31') };
    const kha = evaluate(
      strict,
      { ...base, phan_loai_nam_truoc: 'Khá' },
      { today: d('2030-01-01'), plan: CALENDAR_PLAN },
    );
    expect(codes(kha)).toEqual(['chua_du_dieu_kien:phan_loai_nam_truoc']);
    expect(at(kha.warnings, 0).message).toContain('(hiện: Khá)');
    const xs = evaluate(
      strict,
      { ...base, phan_loai_nam_truoc: 'Xuất sắc' },
      { today: d('2030-01-01'), plan: CALENDAR_PLAN },
    );
    expect(codes(xs)).toEqual([]);
  });

  it('a required profile field left blank is reported', () => {
    const ev = run({ ten_don_vi: '  ' });
    expect(codes(ev)).toEqual(['ho_so:ten_don_vi']);
    expect(at(ev.warnings, 0).message).toBe('Thông tin đơn vị: “Tên đơn vị” chưa nhập');
  });

  it('an unusable year or as-of date is reported with the fallback the engine used', () => {
    const ev = run({ nam: 'abc', ngay_danh_gia: 'hôm qua' });
    expect(codes(ev)).toEqual(['ho_so:nam', 'ho_so:ngay_danh_gia']);
    expect(at(ev.warnings, 0).message).toContain('“abc” không hợp lệ; dùng năm');
    expect(at(ev.warnings, 1).message).toContain('“hôm qua” không hợp lệ; tính đến hôm nay');
  });
});
