import fc from 'fast-check';
import xaData from '../../src/pack/builtin/xa.json';
import { ROOT_PATH, formatIssues, formatPath, validatePack, type PackIssue } from '../../src/pack/validate';
import { RESERVED_NAMES, isReservedName, reservedNameReason } from '../../src/pack/workbookNames';
import { at } from '../helpers/at';

type Json = Record<string, unknown>;
/** A fresh mutable copy of the xa pack data. */
function xa(): Json {
  return JSON.parse(JSON.stringify(xaData)) as Json;
}
/** Walk a path like ['groups', 0, 'criteria', 1] in a JSON copy. */
function dig(data: unknown, ...keys: Array<string | number>): Json {
  let cur: unknown = data;
  for (const k of keys) cur = (cur as Record<string | number, unknown>)[k];
  return cur as Json;
}
type Said = Pick<PackIssue, 'path' | 'message'>;

/** The issues as path and Vietnamese message (their keys are checked by test/cli/langIssues.test.ts). */
function issuesOf(data: unknown): Said[] {
  const r = validatePack(data);
  if (r.ok) throw new Error('expected validation to fail');
  return r.issues.map(({ path, message }) => ({ path, message }));
}

describe('validatePack: several problems at once, exact paths, Vietnamese messages', () => {
  test('a pack with many cross-field mistakes reports each of them', () => {
    const d = xa();
    // unknown indicator reference (TC2, first requirement)
    dig(d, 'groups', 0, 'criteria', 1, 'requirements', 0).indicator = 'khong_co';
    // wrong type for the kind: TC1 is a bool, `zero` needs a count
    dig(d, 'groups', 0, 'criteria', 0, 'requirements')[0] = { kind: 'zero', indicator: 'tc1_quan_triet' };
    // duplicate id: a second tc1_quan_triet in TC4
    (dig(d, 'groups', 0, 'criteria', 3, 'indicators') as unknown as Json[]).push({
      id: 'tc1_quan_triet',
      label: 'Trùng',
      type: 'bool',
    });
    // impossible day (TC10, first event)
    dig(d, 'groups', 1, 'criteria', 2, 'requirements', 0).due = '31/02';
    // 29/02 does not exist every year (TC10, second event)
    dig(d, 'groups', 1, 'criteria', 2, 'requirements', 1).due = '29/02';
    // missing parameter (TC18)
    dig(d, 'groups', 2, 'criteria', 2, 'requirements', 0).percent = { param: 'khong_co' };
    // non-consecutive numbering: TC25 becomes TC26
    Object.assign(dig(d, 'groups', 3, 'criteria', 0), { id: 'TC26', number: 26 });
    // clash with the worksheet's status cell name
    (d.profile as Json[]).push({ id: 'kq_tc1', label: 'Kết quả', type: 'text' });

    const issues = issuesOf(d);
    const expected: Said[] = [
      {
        path: 'groups[0].criteria[1].requirements[0].indicator',
        message: 'chỉ tiêu “khong_co” không tồn tại trong gói',
      },
      {
        path: 'groups[0].criteria[0].requirements[0].indicator',
        message: 'yêu cầu loại zero cần chỉ tiêu kiểu số đếm (count); “tc1_quan_triet” là Có/Không (bool)',
      },
      {
        path: 'groups[0].criteria[3].indicators[1].id',
        message: 'mã “tc1_quan_triet” bị trùng (đã dùng tại groups[0].criteria[0].indicators[0])',
      },
      {
        path: 'groups[1].criteria[2].requirements[0].due',
        message: 'ngày “31/02” không hợp lệ: tháng 2 không có ngày 31',
      },
      {
        path: 'groups[1].criteria[2].requirements[1].due',
        message: 'ngày “29/02” không hợp lệ: ngày 29/02 không có trong mọi năm; hãy dùng 28/02 hoặc 01/03',
      },
      {
        path: 'groups[2].criteria[2].requirements[0].percent.param',
        message: 'tham số “khong_co” không có trong parameters',
      },
      {
        path: 'groups[3].criteria[0].number',
        message: 'tiêu chí phải được đánh số liên tiếp từ 1 qua các nhóm: cần 25, đang là 26',
      },
      {
        path: 'profile[7].id',
        message: 'mã không dùng được: “kq_tc1” trùng tên ô kết quả tiêu chí (kq_tcN) của bảng tính',
      },
    ];
    for (const e of expected) expect(issues).toContainEqual(e);
    // TC2's date indicator is no longer read, but that follows from the broken reference: not repeated
    expect(issues).toHaveLength(expected.length);
  });

  test('shape problems (zod) and cross-field problems are reported together', () => {
    const d = xa();
    d.extra = true;
    dig(d, 'groups', 0, 'criteria', 4, 'requirements', 1).indicator = 5;
    dig(d, 'groups', 0, 'criteria', 3, 'requirements', 0).kind = 'khac';
    dig(d, 'groups', 0, 'criteria', 0).title = '';
    dig(d, 'groups', 0, 'criteria', 1, 'requirements', 0).from = '1/1';
    dig(d, 'groups', 1, 'criteria', 0, 'indicators', 0).type = 'so';
    dig(d, 'groups', 2, 'criteria', 0, 'indicators', 0).id = 'Tu_diem';
    dig(d, 'groups', 3, 'criteria', 1, 'requirements', 0).whole = 'khong_co';
    const issues = issuesOf(d);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'extra', message: 'trường “extra” không được hỗ trợ' },
        {
          path: 'groups[0].criteria[4].requirements[1].indicator',
          message: 'sai kiểu: cần chuỗi văn bản, nhận được số 5',
        },
        {
          path: 'groups[0].criteria[3].requirements[0].kind',
          message:
            'giá trị “kind” không hợp lệ; cần một trong: equals, zero, atLeast, datedDocument, datedEvent, monthly, rating, complete, reduction, addicts, rateBelow',
        },
        { path: 'groups[0].criteria[0].title', message: 'không được để trống' },
        {
          path: 'groups[0].criteria[1].requirements[0].from',
          message: 'ngày phải có dạng DD/MM, ví dụ 31/03',
        },
        {
          path: 'groups[1].criteria[0].indicators[0].type',
          message:
            'giá trị không hợp lệ: cần “text” hoặc “bool” hoặc “count” hoặc “date” hoặc “choice”, nhận được chuỗi “so”',
        },
        {
          path: 'groups[2].criteria[0].indicators[0].id',
          message:
            'mã chỉ được gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ, tối đa 64 ký tự',
        },
        {
          path: 'groups[3].criteria[1].requirements[0].whole',
          message: 'chỉ tiêu “khong_co” không tồn tại trong gói',
        },
      ]),
    );
    // the TC16 requirement now points to an id that no longer exists
    expect(issues).toContainEqual({
      path: 'groups[2].criteria[0].requirements[0].indicator',
      message: 'chỉ tiêu “tc16_tu_diem” không tồn tại trong gói',
    });
  });

  test('invalid JSON shape at the root', () => {
    expect(issuesOf([])).toEqual([
      { path: ROOT_PATH, message: 'sai kiểu: cần đối tượng, nhận được danh sách (mảng)' },
    ]);
    expect(issuesOf(null)).toEqual([{ path: ROOT_PATH, message: 'sai kiểu: cần đối tượng, nhận được null' }]);
    expect(issuesOf('xa')).toEqual([
      { path: ROOT_PATH, message: 'sai kiểu: cần đối tượng, nhận được chuỗi “xa”' },
    ]);
    const empty = issuesOf({});
    expect(empty).toContainEqual({ path: 'schemaVersion', message: 'thiếu trường bắt buộc (cần 1)' });
    expect(empty).toContainEqual({ path: 'groups', message: 'thiếu trường bắt buộc (cần danh sách (mảng))' });
    expect(empty).toContainEqual({ path: 'scales', message: 'thiếu trường bắt buộc (cần đối tượng)' });
    expect(empty.every((i) => i.message.length > 0 && i.path.length > 0)).toBe(true);
  });

  test('references: types, scales, labels, parameters, prerequisites, prior year, applicability', () => {
    const d = xa();
    // rating label not on the scale
    dig(d, 'groups', 0, 'criteria', 5, 'requirements', 0).atLeast = 'Tốt';
    // rating on a count
    dig(d, 'groups', 0, 'criteria', 5, 'requirements', 1).indicator = 'tc6_to_chuc_tong';
    // dated document on a bool
    dig(d, 'groups', 0, 'criteria', 1, 'requirements', 1).indicator = 'tc2_chuyen_de';
    // window reversed
    Object.assign(dig(d, 'groups', 0, 'criteria', 1, 'requirements', 0), { from: '31/03', to: '01/01' });
    // parameter of the wrong type
    (d.parameters as Json).tc18_giam_pct = '5';
    // choice indicator with an unknown scale
    dig(d, 'groups', 3, 'criteria', 9, 'indicators', 1).scale = 'khong_co';
    // applicability on a count, and with an impossible label
    dig(d, 'groups', 0, 'criteria', 0, 'requirements', 0).applicability = {
      indicator: 'loai_don_vi',
      mode: 'only',
      values: ['Huyện'],
    };
    dig(d, 'groups', 0, 'criteria', 3, 'requirements', 0).applicability = {
      indicator: 'nam',
      mode: 'except',
      values: ['2025'],
    };
    // prerequisite with a label off the scale, prior year to an unknown id and between two types
    dig(d, 'prerequisites', 1).atLeast = 'Giỏi';
    (d.priorYear as Json[]).push({ from: 'tc18_nam_nay', to: 'khong_co' }, { from: 'tinh', to: 'nam' });
    const issues = issuesOf(d);
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: 'groups[0].criteria[5].requirements[0].atLeast',
          message:
            '“Tốt” không có trong thang đo “nhiem_vu”; cần một trong: Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm vụ; Hoàn thành nhiệm vụ; Không hoàn thành nhiệm vụ',
        },
        {
          path: 'groups[0].criteria[5].requirements[1].indicator',
          message:
            'yêu cầu loại rating cần chỉ tiêu kiểu lựa chọn (choice); “tc6_to_chuc_tong” là số đếm (count)',
        },
        {
          path: 'groups[0].criteria[1].requirements[1].indicator',
          message:
            'yêu cầu loại datedDocument cần chỉ tiêu kiểu ngày (date); “tc2_chuyen_de” là Có/Không (bool)',
        },
        {
          path: 'groups[0].criteria[1].requirements[0].from',
          message: 'ngày bắt đầu “31/03” sau ngày kết thúc “01/01”',
        },
        {
          path: 'groups[2].criteria[2].requirements[0].percent.param',
          message: 'tham số “tc18_giam_pct” phải là số, đang là chuỗi “5”',
        },
        {
          path: 'groups[3].criteria[9].indicators[1].scale',
          message: 'thang đo “khong_co” không có trong scales',
        },
        {
          path: 'groups[0].criteria[0].requirements[0].applicability.values[0]',
          message:
            '“Huyện” không phải giá trị của “loai_don_vi”; cần một trong: Xã; Phường; Thị trấn; Đặc khu',
        },
        {
          path: 'groups[0].criteria[3].requirements[0].applicability.indicator',
          message:
            'điều kiện áp dụng cần chỉ tiêu kiểu Có/Không (bool) hoặc lựa chọn (choice); “nam” là số đếm (count)',
        },
        {
          path: 'prerequisites[1].atLeast',
          message:
            '“Giỏi” không có trong thang đo “phan_loai”; cần một trong: Xuất sắc; Khá; Trung bình; Yếu',
        },
        { path: 'priorYear[6].to', message: 'chỉ tiêu “khong_co” không tồn tại trong gói' },
        { path: 'priorYear[7]', message: '“tinh” (văn bản (text)) và “nam” (số đếm (count)) khác kiểu' },
      ]),
    );
  });

  test('profile, unit types, reserved names, evidence ids, unread indicators, groups', () => {
    const d = xa();
    d.profile = (d.profile as Json[]).filter((i) => i.id !== 'nam');
    (d.unitTypes as string[]).push('Huyện');
    dig(d, 'groups', 0, 'criteria', 0, 'indicators', 0).id = 'dg_tong';
    dig(d, 'groups', 0, 'criteria', 0, 'requirements', 0).indicator = 'dg_tong';
    (dig(d, 'groups', 0, 'criteria', 1, 'indicators') as unknown as Json[]).push(
      { id: 'tc2_minh_chung', label: 'Minh chứng', type: 'text' },
      { id: 'tc2_them', label: 'Thêm', type: 'count' },
    );
    Object.assign(dig(d, 'groups', 1), { id: 'g3', number: 3 });
    const issues = issuesOf(d);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'profile', message: 'thiếu trường hồ sơ bắt buộc “nam” (năm đánh giá, kiểu count)' },
        {
          path: 'scales.loai_don_vi',
          message: 'thang đo “loai_don_vi” phải trùng khớp (cả thứ tự) với unitTypes',
        },
        {
          path: 'groups[0].criteria[0].indicators[0].id',
          message: 'mã không dùng được: “dg_tong” bắt đầu bằng “dg_”, tiền tố dành riêng của bảng tính',
        },
        {
          path: 'groups[0].criteria[1].indicators[4].id',
          message:
            'mã không dùng được: “tc2_minh_chung” trùng mã ô minh chứng tự sinh của tiêu chí (tcN_minh_chung)',
        },
        {
          path: 'groups[0].criteria[1].indicators[5].id',
          message: 'chỉ tiêu “tc2_them” không được yêu cầu nào của gói sử dụng (thiếu quy tắc đánh giá)',
        },
        { path: 'groups[1].number', message: 'nhóm phải được đánh số liên tiếp từ 1: cần 2, đang là 3' },
        { path: 'groups[2].id', message: 'mã nhóm “g3” bị trùng (đã dùng tại groups[1])' },
      ]),
    );
  });

  test('guidance: optional; evidence required; only the four fix statuses; no padding or line breaks', () => {
    const d = xa();
    delete dig(d, 'groups', 0, 'criteria', 0).guidance;
    expect(validatePack(d).ok).toBe(true);
    dig(d, 'groups', 0, 'criteria', 1).guidance = { fix: { fail: 'Làm lại.', pass: 'x' } };
    dig(d, 'groups', 0, 'criteria', 2).guidance = { evidence: ' Biên bản  họp', fix: {} };
    dig(d, 'groups', 0, 'criteria', 3).guidance = { evidence: 'x'.repeat(401), fix: { missing: 'a\nb' } };
    const paths = issuesOf(d).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'groups[0].criteria[1].guidance.evidence',
        'groups[0].criteria[1].guidance.fix.pass',
        'groups[0].criteria[2].guidance.evidence',
        'groups[0].criteria[3].guidance.evidence',
        'groups[0].criteria[3].guidance.fix.missing',
      ]),
    );
    expect(paths.filter((p) => p.includes('guidance'))).toHaveLength(5);
  });

  test('criterion id must match its number', () => {
    const d = xa();
    dig(d, 'groups', 0, 'criteria', 2).id = 'TC30';
    expect(issuesOf(d)).toEqual([
      { path: 'groups[0].criteria[2].id', message: 'mã tiêu chí “TC30” không khớp số thứ tự 3 (cần “TC3”)' },
    ]);
  });

  test('a valid pack comes back parsed, with defaults filled', () => {
    const d = xa();
    delete d.priorYear;
    delete d.prerequisites;
    const r = validatePack(d);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.pack.priorYear).toEqual([]);
      expect(r.pack.prerequisites).toEqual([]);
      expect(r.pack.groups.flatMap((g) => g.criteria)).toHaveLength(34);
    }
  });
});

describe('helpers', () => {
  test('reserved names', () => {
    for (const n of RESERVED_NAMES) expect(isReservedName(n)).toBe(true);
    for (const n of [
      'kq_tc1',
      'kq_tc34',
      'dg_x',
      'ket_luan',
      'ngay_tinh',
      'nam_tinh',
      'goi_tieu_chi',
      'phien_ban_goi',
      'ty_le_dat',
      'tc_danh_dau_3',
    ]) {
      expect(isReservedName(n)).toBe(true);
    }
    for (const n of ['tc1_quan_triet', 'kq', 'kq_tc', 'nam', 'so_dat_x', 'adg_x'])
      expect(isReservedName(n)).toBe(false);
    expect(reservedNameReason('so_dat')).toBe('“so_dat” là tên dành riêng của bảng tính');
  });

  test('formatPath and formatIssues', () => {
    expect(formatPath(['groups', 0, 'criteria', 2, 'requirements', 1, 'indicator'])).toBe(
      'groups[0].criteria[2].requirements[1].indicator',
    );
    expect(formatPath(['scales', 'loai don vi', 0])).toBe('scales["loai don vi"][0]');
    expect(formatPath([])).toBe(ROOT_PATH);
    expect(
      formatIssues([
        { path: 'a[0].b', key: 'zod.other', params: { text: 'một' }, message: 'một' },
        { path: ROOT_PATH, key: 'pack.invalid', message: 'gói tiêu chí không hợp lệ' },
      ]),
    ).toBe('a[0].b: một\n(gốc): gói tiêu chí không hợp lệ');
    expect(
      formatIssues([{ path: ROOT_PATH, key: 'pack.invalid', message: 'gói tiêu chí không hợp lệ' }], 'en'),
    ).toBe('(root): the criteria pack is not valid');
  });
});

describe('validatePack is total', () => {
  test('arbitrary values: ok:false with issues, never a throw', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }),
        (x) => {
          const r = validatePack(x);
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.issues.length).toBeGreaterThan(0);
            for (const i of r.issues)
              expect(typeof i.message === 'string' && i.message.length > 0).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  /** Every path (object key / array index) in the xa pack data. */
  function allPaths(v: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
    const out: Array<Array<string | number>> = [prefix];
    if (Array.isArray(v)) v.forEach((x, i) => out.push(...allPaths(x, [...prefix, i])));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) out.push(...allPaths(x, [...prefix, k]));
    }
    return out;
  }
  const PATHS = allPaths(xaData).filter((p) => p.length > 0);

  test('the xa pack with one value replaced by anything: a result, never a throw, never a half pack', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.anything(), (p, value) => {
        const d = xa();
        const parent = dig(d, ...p.slice(0, -1)) as Record<string | number, unknown>;
        parent[at(p, p.length - 1)] = value;
        const r = validatePack(d);
        if (r.ok) {
          expect(r.pack.groups.length).toBeGreaterThan(0);
        } else {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) expect(i.path.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 250 },
    );
  });
});
