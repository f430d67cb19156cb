/**
 * Every requirement kind in isolation: (values, as-of date) → status and a piece of the reason.
 * Year `nam` is 2025 unless a row says otherwise.
 */
import type { Pack } from '../../src/pack/schema';
import { d, onePack, req1, run, type Row } from './fixtures';
import { at } from '../helpers/at';

function table(name: string, pack: Pack, rows: Row[]): void {
  describe(name, () => {
    it.each(rows)('%s', (_desc, values, asOf, status, reason) => {
      const ev = run(pack, values, asOf);
      const r = at(at(ev.criteria, 0).requirements, 0);
      expect({ status: r.status, reason: r.reason }).toEqual({
        status,
        reason: expect.stringContaining(reason),
      });
      // one requirement: the criterion status is the requirement status
      expect(at(ev.criteria, 0).status).toBe(status);
    });
  });
}

const MID = '2025-06-15';

// ---------------------------------------------------------------------------------------------
table(
  'equals Có',
  onePack([{ id: 'quan_triet', label: 'Quán triệt', type: 'bool' }], {
    kind: 'equals',
    indicator: 'quan_triet',
    value: 'Có',
  }),
  [
    ['Có', { quan_triet: 'Có' }, MID, 'pass', 'Quán triệt: Có'],
    ['lower-case có is the same label', { quan_triet: 'có' }, MID, 'pass', 'Quán triệt: Có'],
    ['upper-case CÓ is the same label', { quan_triet: 'CÓ' }, MID, 'pass', 'Quán triệt: Có'],
    [
      'Co without the diacritic is accepted (one rule in sheet and engine)',
      { quan_triet: 'Co' },
      MID,
      'pass',
      'Quán triệt: Có',
    ],
    ['padded " Có " is accepted (TRIM)', { quan_triet: ' Có ' }, MID, 'pass', 'Quán triệt: Có'],
    ['Không', { quan_triet: 'Không' }, MID, 'fail', 'Quán triệt: Không; yêu cầu “Có”'],
    ['KHÔNG upper-case', { quan_triet: 'KHÔNG' }, MID, 'fail', 'yêu cầu “Có”'],
    ['empty string', { quan_triet: '' }, MID, 'missing', 'Quán triệt: chưa nhập; yêu cầu “Có”'],
    ['spaces only = blank', { quan_triet: '    ' }, MID, 'missing', 'chưa nhập'],
    ['null', { quan_triet: null }, MID, 'missing', 'chưa nhập'],
    ['absent', {}, MID, 'missing', 'chưa nhập'],
    ['boolean true is not a label', { quan_triet: true }, MID, 'invalid', 'giá trị “TRUE”'],
    ['number 1 is not a label', { quan_triet: 1 }, MID, 'invalid', 'không hợp lệ'],
    [
      'state fact: no due date, blank before the year is missing',
      { quan_triet: '' },
      '2024-11-01',
      'missing',
      'chưa nhập',
    ],
    [
      'state fact: Không before the year fails',
      { quan_triet: 'Không' },
      '2024-11-01',
      'fail',
      'yêu cầu “Có”',
    ],
  ],
);

table(
  'equals Không',
  onePack([{ id: 'trong_cay', label: 'Có trồng cây có chất ma túy', type: 'bool' }], {
    kind: 'equals',
    indicator: 'trong_cay',
    value: 'Không',
  }),
  [
    ['Không', { trong_cay: 'Không' }, MID, 'pass', 'Có trồng cây có chất ma túy: Không'],
    ['không', { trong_cay: 'không' }, MID, 'pass', ': Không'],
    ['Có', { trong_cay: 'Có' }, MID, 'fail', 'Có trồng cây có chất ma túy: Có; yêu cầu “Không”'],
    [
      'Khong without diacritics is accepted',
      { trong_cay: 'Khong' },
      MID,
      'pass',
      'Có trồng cây có chất ma túy: Không',
    ],
    ['blank', { trong_cay: ' ' }, MID, 'missing', 'yêu cầu “Không”'],
  ],
);

// ---------------------------------------------------------------------------------------------
table(
  'zero',
  onePack([{ id: 'so_vu', label: 'Số vụ', type: 'count' }], { kind: 'zero', indicator: 'so_vu' }),
  [
    ['0', { so_vu: 0 }, MID, 'pass', 'Số vụ: 0'],
    ['1 fails the moment it is entered', { so_vu: 1 }, '2025-01-02', 'fail', 'Số vụ: 1; yêu cầu 0'],
    ['2', { so_vu: 2 }, MID, 'fail', 'Số vụ: 2; yêu cầu 0 (không để xảy ra)'],
    ['huge whole number', { so_vu: 1e15 }, MID, 'fail', 'Số vụ: 1000000000000000;'],
    [
      'negative',
      { so_vu: -1 },
      MID,
      'invalid',
      'Số vụ: giá trị “-1” không hợp lệ: là số âm, cần số nguyên ≥ 0',
    ],
    ['fraction', { so_vu: 1.5 }, MID, 'invalid', 'giá trị “1,5”'],
    ['tiny fraction', { so_vu: 0.1 }, MID, 'invalid', 'không hợp lệ'],
    [
      'a number stored as text is invalid, saying so (in the sheet too)',
      { so_vu: '3' },
      MID,
      'invalid',
      'Số vụ: giá trị “3” không hợp lệ: đang là văn bản, cần nhập dạng số (số nguyên ≥ 0)',
    ],
    [
      'zero stored as text is invalid too',
      { so_vu: '0' },
      MID,
      'invalid',
      'Số vụ: giá trị “0” không hợp lệ: đang là văn bản, cần nhập dạng số (số nguyên ≥ 0)',
    ],
    ['text', { so_vu: 'không có' }, MID, 'invalid', 'giá trị “không có”'],
    ['boolean false', { so_vu: false }, MID, 'invalid', 'giá trị “FALSE”'],
    ['NaN shows as ?', { so_vu: NaN }, MID, 'invalid', 'Số vụ: giá trị “?” không hợp lệ'],
    ['Infinity shows as ?', { so_vu: Infinity }, MID, 'invalid', 'giá trị “?”'],
    ['blank', { so_vu: '' }, MID, 'missing', 'Số vụ: chưa nhập; yêu cầu 0'],
    ['spaces only', { so_vu: '  ' }, MID, 'missing', 'chưa nhập'],
    ['no due date: blank before the year is missing', {}, '2024-12-31', 'missing', 'chưa nhập'],
  ],
);

// ---------------------------------------------------------------------------------------------
table(
  'atLeast without due date (state)',
  onePack([{ id: 'mo_hinh', label: 'Số mô hình', type: 'count' }], {
    kind: 'atLeast',
    indicator: 'mo_hinh',
    min: 1,
  }),
  [
    ['1', { mo_hinh: 1 }, MID, 'pass', 'Số mô hình: 1 (yêu cầu ≥ 1)'],
    ['7', { mo_hinh: 7 }, MID, 'pass', 'Số mô hình: 7'],
    ['0 fails at once (no due date)', { mo_hinh: 0 }, '2025-01-02', 'fail', 'Số mô hình: 0; yêu cầu ≥ 1'],
    ['blank', {}, MID, 'missing', 'Số mô hình: chưa nhập; yêu cầu ≥ 1'],
    ['blank before the year is still missing', {}, '2024-06-01', 'missing', 'chưa nhập'],
    ['fraction', { mo_hinh: 2.5 }, MID, 'invalid', 'giá trị “2,5”'],
  ],
);

const khen = onePack([{ id: 'khen', label: 'Số lượt khen', type: 'count' }], {
  kind: 'atLeast',
  indicator: 'khen',
  min: 2,
  due: '31/12',
});
table('atLeast accruing, due 31/12', khen, [
  ['met mid-year', { khen: 2 }, MID, 'pass', 'Số lượt khen: 2 (yêu cầu ≥ 2)'],
  ['met after the year', { khen: 3 }, '2026-01-01', 'pass', 'Số lượt khen: 3'],
  ['not met mid-year', { khen: 1 }, MID, 'not_due', 'Số lượt khen: 1; yêu cầu ≥ 2, còn hạn đến 31/12/2025'],
  [
    'not met on the due date, which is the period end: fail',
    { khen: 1 },
    '2025-12-31',
    'fail',
    'Số lượt khen: 1; yêu cầu ≥ 2, hạn 31/12/2025 đã qua',
  ],
  [
    'not met the day after',
    { khen: 1 },
    '2026-01-01',
    'fail',
    'Số lượt khen: 1; yêu cầu ≥ 2, hạn 31/12/2025 đã qua',
  ],
  ['0 the day after', { khen: 0 }, '2026-01-01', 'fail', 'đã qua'],
  ['blank mid-year', {}, MID, 'not_due', 'Số lượt khen: chưa nhập; yêu cầu ≥ 2, hạn 31/12/2025'],
  ['blank on the due date', { khen: '' }, '2025-12-31', 'missing', 'hạn 31/12/2025'],
  ['blank the day after', { khen: '' }, '2026-01-01', 'missing', 'hạn 31/12/2025 đã qua'],
  [
    'before 01/01 of nam: not due even if met',
    { khen: 5 },
    '2024-12-31',
    'not_due',
    'Số lượt khen: chưa đến kỳ đánh giá (kỳ bắt đầu 01/01/2025)',
  ],
  [
    'before 01/01 of nam: blank',
    {},
    '2024-12-31',
    'not_due',
    'Số lượt khen: chưa đến kỳ đánh giá (kỳ bắt đầu 01/01/2025)',
  ],
  ['invalid wins before the year', { khen: -1 }, '2024-12-31', 'invalid', 'không hợp lệ'],
  ['invalid text', { khen: 'hai' }, MID, 'invalid', 'giá trị “hai”'],
]);

table(
  'atLeast accruing with a parameter minimum, due 30/06',
  onePack(
    [{ id: 'an_sinh', label: 'Số hoạt động an sinh', type: 'count' }],
    { kind: 'atLeast', indicator: 'an_sinh', min: { param: 'an_sinh_toi_thieu' }, due: '30/06' },
    { an_sinh_toi_thieu: 3 },
  ),
  [
    ['2 of 3 on 30/06', { an_sinh: 2 }, '2025-06-30', 'not_due', 'yêu cầu ≥ 3, còn hạn đến 30/06/2025'],
    ['2 of 3 on 01/07', { an_sinh: 2 }, '2025-07-01', 'fail', 'yêu cầu ≥ 3, hạn 30/06/2025 đã qua'],
    ['3 of 3', { an_sinh: 3 }, '2025-07-01', 'pass', '(yêu cầu ≥ 3)'],
  ],
);

// ---------------------------------------------------------------------------------------------
const quyI = onePack([{ id: 'ke_hoach_ngay', label: 'Ngày ban hành kế hoạch', type: 'date' }], {
  kind: 'datedDocument',
  indicator: 'ke_hoach_ngay',
  from: '01/01',
  to: '31/03',
});
table('datedDocument, Quý I', quyI, [
  [
    '31/03',
    { ke_hoach_ngay: d('2025-03-31') },
    MID,
    'pass',
    'Ngày ban hành kế hoạch: 31/03/2025 (trong 01/01/2025 – 31/03/2025)',
  ],
  ['01/01', { ke_hoach_ngay: d('2025-01-01') }, MID, 'pass', '01/01/2025 (trong'],
  ['31/03 with a time of day', { ke_hoach_ngay: d('2025-03-31') + 0.99 }, MID, 'pass', '31/03/2025'],
  [
    '01/04',
    { ke_hoach_ngay: d('2025-04-01') },
    MID,
    'fail',
    'Ngày ban hành kế hoạch: 01/04/2025; yêu cầu trong 01/01/2025 – 31/03/2025',
  ],
  [
    '31/12 of the previous year',
    { ke_hoach_ngay: d('2024-12-31') },
    MID,
    'fail',
    '31/12/2024; yêu cầu trong',
  ],
  [
    'Quý I of the next year, after the as-of date: invalid',
    { ke_hoach_ngay: d('2026-02-01') },
    MID,
    'invalid',
    'Ngày ban hành kế hoạch: ngày 01/02/2026 sau ngày tính đến (15/06/2025) — kiểm tra lại ngày văn bản hoặc ngày đánh giá',
  ],
  [
    'a wrong date fails even before 31/03',
    { ke_hoach_ngay: d('2024-12-31') },
    '2025-02-01',
    'fail',
    '31/12/2024',
  ],
  ['blank on 31/03', {}, '2025-03-31', 'not_due', 'chưa nhập; cần ban hành trong 01/01/2025 – 31/03/2025'],
  ['blank on 01/04', {}, '2025-04-01', 'missing', 'chưa nhập; cần ban hành trong'],
  ['spaces on 01/04', { ke_hoach_ngay: '   ' }, '2025-04-01', 'missing', 'chưa nhập'],
  [
    'before the year: blank',
    {},
    '2024-12-20',
    'not_due',
    'Ngày ban hành kế hoạch: chưa đến kỳ đánh giá (kỳ bắt đầu 01/01/2025)',
  ],
  [
    'date as text is not a date',
    { ke_hoach_ngay: '31/03/2025' },
    MID,
    'invalid',
    'Ngày ban hành kế hoạch: giá trị “31/03/2025” không hợp lệ: đang là văn bản, cần nhập dạng ngày (dd/mm/yyyy)',
  ],
  [
    'ISO text is not a date (import converts it)',
    { ke_hoach_ngay: '2025-03-31' },
    MID,
    'invalid',
    'không hợp lệ',
  ],
  ['serial 0', { ke_hoach_ngay: 0 }, MID, 'invalid', 'không hợp lệ'],
  ['negative serial', { ke_hoach_ngay: -3 }, MID, 'invalid', 'không hợp lệ'],
  ['beyond 31/12/9999', { ke_hoach_ngay: 2958466 }, MID, 'invalid', 'không hợp lệ'],
  ['boolean', { ke_hoach_ngay: true }, MID, 'invalid', 'không hợp lệ'],
]);

// ---------------------------------------------------------------------------------------------
table(
  'datedEvent due 05/06',
  onePack([{ id: 'moi_truong', label: 'Ngày môi trường thế giới', type: 'bool' }], {
    kind: 'datedEvent',
    indicator: 'moi_truong',
    due: '05/06',
  }),
  [
    ['Có early', { moi_truong: 'Có' }, '2025-03-01', 'pass', 'Ngày môi trường thế giới: Có'],
    ['Có late', { moi_truong: 'có' }, '2026-01-01', 'pass', ': Có'],
    [
      'blank on the due date',
      {},
      '2025-06-05',
      'not_due',
      'Ngày môi trường thế giới: chưa nhập; hạn 05/06/2025',
    ],
    [
      'Không on the due date',
      { moi_truong: 'Không' },
      '2025-06-05',
      'not_due',
      'chưa tổ chức; hạn 05/06/2025',
    ],
    ['blank the day after', {}, '2025-06-06', 'missing', 'chưa nhập; hạn 05/06/2025 đã qua'],
    [
      'Không the day after',
      { moi_truong: 'Không' },
      '2025-06-06',
      'fail',
      'Ngày môi trường thế giới: Không; yêu cầu tổ chức chậm nhất ngày 05/06/2025',
    ],
    [
      'Không before the year',
      { moi_truong: 'Không' },
      '2024-12-31',
      'not_due',
      'Ngày môi trường thế giới: chưa đến kỳ đánh giá (kỳ bắt đầu 01/01/2025)',
    ],
    ['unknown text', { moi_truong: 'đã làm' }, MID, 'invalid', 'giá trị “đã làm” không hợp lệ'],
  ],
);

table(
  'datedEvent due 31/12',
  onePack([{ id: 'hoi_nghi', label: 'Hội nghị', type: 'bool' }], {
    kind: 'datedEvent',
    indicator: 'hoi_nghi',
    due: '31/12',
  }),
  [
    [
      'Không on 31/12',
      { hoi_nghi: 'Không' },
      '2025-12-31',
      'fail',
      'Hội nghị: Không; yêu cầu tổ chức chậm nhất ngày 31/12/2025',
    ],
    ['Không on 01/01 next year', { hoi_nghi: 'Không' }, '2026-01-01', 'fail', '31/12/2025'],
    ['blank on 01/01 next year', {}, '2026-01-01', 'missing', 'đã qua'],
  ],
);

// ---------------------------------------------------------------------------------------------
table(
  'monthly',
  onePack([{ id: 'tiep_dan', label: 'Số tháng tiếp dân', type: 'count', max: 12 }], {
    kind: 'monthly',
    indicator: 'tiep_dan',
  }),
  [
    [
      '31/01: required 0, blank',
      {},
      '2025-01-31',
      'not_due',
      'Số tháng tiếp dân: chưa nhập; chưa hết tháng nào của kỳ đánh giá',
    ],
    [
      '31/01: required 0, 0 entered',
      { tiep_dan: 0 },
      '2025-01-31',
      'pass',
      'Số tháng tiếp dân: 0 (yêu cầu ≥ 0)',
    ],
    ['01/01: required 0', { tiep_dan: 0 }, '2025-01-01', 'pass', '(yêu cầu ≥ 0)'],
    ['01/02: required 1, blank', {}, '2025-02-01', 'missing', 'chưa nhập; yêu cầu ≥ 1 tháng'],
    [
      '01/02: required 1, 0',
      { tiep_dan: 0 },
      '2025-02-01',
      'fail',
      'Số tháng tiếp dân: 0; yêu cầu ≥ 1 (mỗi tháng đã qua của kỳ đánh giá đến 01/02/2025)',
    ],
    ['01/02: required 1, 1', { tiep_dan: 1 }, '2025-02-01', 'pass', '1 (yêu cầu ≥ 1)'],
    [
      '15/06: required 5, 4',
      { tiep_dan: 4 },
      '2025-06-15',
      'fail',
      'Số tháng tiếp dân: 4; yêu cầu ≥ 5 (mỗi tháng đã qua của kỳ đánh giá đến 15/06/2025)',
    ],
    ['15/06: required 5, 5', { tiep_dan: 5 }, '2025-06-15', 'pass', '5 (yêu cầu ≥ 5)'],
    [
      '31/12: required 11',
      { tiep_dan: 11 },
      '2025-12-31',
      'fail',
      'Số tháng tiếp dân: 11; yêu cầu ≥ 12 (mỗi tháng đã qua của kỳ đánh giá đến 31/12/2025)',
    ],
    ['01/01 next year: required 12, 11', { tiep_dan: 11 }, '2026-01-01', 'fail', 'yêu cầu ≥ 12'],
    ['01/01 next year: required 12, 12', { tiep_dan: 12 }, '2026-01-01', 'pass', '12 (yêu cầu ≥ 12)'],
    ['two years later: still 12', { tiep_dan: 12 }, '2027-03-01', 'pass', '(yêu cầu ≥ 12)'],
    ['before the year: required 0, blank', {}, '2024-12-15', 'not_due', 'chưa hết tháng nào'],
    ['before the year: 0 entered', { tiep_dan: 0 }, '2024-12-15', 'pass', '(yêu cầu ≥ 0)'],
    ['13 months', { tiep_dan: 13 }, MID, 'invalid', 'cần số nguyên từ 0 đến 12'],
    ['negative', { tiep_dan: -1 }, MID, 'invalid', 'từ 0 đến 12'],
  ],
);

// ---------------------------------------------------------------------------------------------
table(
  'rating ≥ Hoàn thành tốt nhiệm vụ',
  onePack([{ id: 'dang_bo', label: 'Xếp loại Đảng bộ', type: 'choice', scale: 'nhiem_vu' }], {
    kind: 'rating',
    indicator: 'dang_bo',
    atLeast: 'Hoàn thành tốt nhiệm vụ',
  }),
  [
    [
      'best',
      { dang_bo: 'Hoàn thành xuất sắc nhiệm vụ' },
      MID,
      'pass',
      'Xếp loại Đảng bộ: Hoàn thành xuất sắc nhiệm vụ',
    ],
    [
      'the threshold itself',
      { dang_bo: 'Hoàn thành tốt nhiệm vụ' },
      MID,
      'pass',
      'Xếp loại Đảng bộ: Hoàn thành tốt nhiệm vụ',
    ],
    ['lower-case label', { dang_bo: 'hoàn thành tốt nhiệm vụ' }, MID, 'pass', 'hoàn thành tốt nhiệm vụ'],
    [
      'below fails at once',
      { dang_bo: 'Hoàn thành nhiệm vụ' },
      '2025-02-01',
      'fail',
      'Hoàn thành nhiệm vụ; yêu cầu “Hoàn thành tốt nhiệm vụ” trở lên',
    ],
    ['worst', { dang_bo: 'Không hoàn thành nhiệm vụ' }, MID, 'fail', 'trở lên'],
    [
      'blank on 31/12',
      {},
      '2025-12-31',
      'missing',
      'Xếp loại Đảng bộ: chưa nhập kết quả gần nhất (năm 2024 nếu năm 2025 chưa công bố); yêu cầu “Hoàn thành tốt nhiệm vụ” trở lên',
    ],
    ['blank before the year', {}, '2024-10-01', 'not_due', 'chưa có kết quả'],
    [
      'blank on 01/01 next year',
      {},
      '2026-01-01',
      'missing',
      'Xếp loại Đảng bộ: chưa nhập kết quả gần nhất (năm 2024 nếu năm 2025 chưa công bố); yêu cầu',
    ],
    [
      'unknown label',
      { dang_bo: 'Tốt' },
      MID,
      'invalid',
      'cần một trong: Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm vụ',
    ],
    ['a number', { dang_bo: 2 }, MID, 'invalid', 'không hợp lệ'],
  ],
);

table(
  'rating = Xuất sắc through a parameter',
  onePack(
    [{ id: 'phan_loai', label: 'Phân loại phong trào', type: 'choice', scale: 'phan_loai' }],
    { kind: 'rating', indicator: 'phan_loai', atLeast: { param: 'phan_loai_phong_trao' } },
    { phan_loai_phong_trao: 'Xuất sắc' },
  ),
  [
    ['Xuất sắc', { phan_loai: 'Xuất sắc' }, MID, 'pass', 'Phân loại phong trào: Xuất sắc'],
    ['Khá', { phan_loai: 'Khá' }, MID, 'fail', 'Phân loại phong trào: Khá; yêu cầu “Xuất sắc”'],
  ],
);

// ---------------------------------------------------------------------------------------------
const coSo = [
  { id: 'co_so_tong', label: 'Số cơ sở quản lý', type: 'count' as const },
  { id: 'co_so_ho_so', label: 'Số cơ sở đã lập hồ sơ', type: 'count' as const },
];
table(
  'complete, state (100%, 0 of 0 passes)',
  onePack(coSo, { kind: 'complete', part: 'co_so_ho_so', whole: 'co_so_tong', timing: 'state' }),
  [
    ['0 of 0', { co_so_tong: 0, co_so_ho_so: 0 }, MID, 'pass', 'Số cơ sở đã lập hồ sơ: 0/0 (100%)'],
    ['5 of 5', { co_so_tong: 5, co_so_ho_so: 5 }, MID, 'pass', '5/5 (100%)'],
    [
      '4 of 5 fails at once',
      { co_so_tong: 5, co_so_ho_so: 4 },
      '2025-01-02',
      'fail',
      'Số cơ sở đã lập hồ sơ: 4/5; yêu cầu 100%',
    ],
    [
      '4 of 5 before the year still fails (no due date)',
      { co_so_tong: 5, co_so_ho_so: 4 },
      '2024-12-01',
      'fail',
      '4/5',
    ],
    [
      'part > whole',
      { co_so_tong: 5, co_so_ho_so: 6 },
      MID,
      'invalid',
      'Số cơ sở đã lập hồ sơ (6) lớn hơn Số cơ sở quản lý (5)',
    ],
    ['whole blank', { co_so_ho_so: 3 }, MID, 'missing', 'Số cơ sở quản lý: chưa nhập'],
    ['part blank', { co_so_tong: 5 }, MID, 'missing', 'Số cơ sở đã lập hồ sơ: chưa nhập'],
    [
      'part blank of 0',
      { co_so_tong: 0, co_so_ho_so: ' ' },
      MID,
      'missing',
      'Số cơ sở đã lập hồ sơ: chưa nhập',
    ],
    [
      'part fraction',
      { co_so_tong: 5, co_so_ho_so: 4.5 },
      MID,
      'invalid',
      'Số cơ sở đã lập hồ sơ: giá trị “4,5”',
    ],
    ['whole negative', { co_so_tong: -5, co_so_ho_so: 0 }, MID, 'invalid', 'Số cơ sở quản lý: giá trị “-5”'],
    ['whole text', { co_so_tong: 'năm', co_so_ho_so: 5 }, MID, 'invalid', 'Số cơ sở quản lý: giá trị “năm”'],
  ],
);

const thon = [
  { id: 'thon_tong', label: 'Số thôn', type: 'count' as const, min: 1 },
  { id: 'thon_kiem_tra', label: 'Số thôn đã kiểm tra', type: 'count' as const },
];
table(
  'complete, accruing, due 31/12',
  onePack(thon, {
    kind: 'complete',
    part: 'thon_kiem_tra',
    whole: 'thon_tong',
    timing: 'accruing',
    due: '31/12',
  }),
  [
    ['5 of 5', { thon_tong: 5, thon_kiem_tra: 5 }, MID, 'pass', 'Số thôn đã kiểm tra: 5/5 (100%)'],
    [
      '4 of 5 on 31/12',
      { thon_tong: 5, thon_kiem_tra: 4 },
      '2025-12-31',
      'fail',
      'Số thôn đã kiểm tra: 4/5; yêu cầu 100%',
    ],
    [
      '4 of 5 on 01/01 next year',
      { thon_tong: 5, thon_kiem_tra: 4 },
      '2026-01-01',
      'fail',
      'Số thôn đã kiểm tra: 4/5; yêu cầu 100%',
    ],
    [
      'part blank on 31/12',
      { thon_tong: 5 },
      '2025-12-31',
      'missing',
      'Số thôn đã kiểm tra: chưa nhập; hạn 31/12/2025',
    ],
    ['part blank on 01/01 next year', { thon_tong: 5 }, '2026-01-01', 'missing', 'hạn 31/12/2025 đã qua'],
    ['whole blank', { thon_kiem_tra: 2 }, MID, 'missing', 'Số thôn: chưa nhập'],
    [
      'whole 0 is below its minimum',
      { thon_tong: 0, thon_kiem_tra: 0 },
      MID,
      'invalid',
      'Số thôn: giá trị “0” không hợp lệ: nằm ngoài giới hạn, cần số nguyên ≥ 1',
    ],
    [
      'before the year',
      { thon_tong: 5, thon_kiem_tra: 4 },
      '2024-12-31',
      'not_due',
      'Số thôn đã kiểm tra: chưa đến kỳ đánh giá (kỳ bắt đầu 01/01/2025)',
    ],
    [
      'part > whole wins even before the year',
      { thon_tong: 5, thon_kiem_tra: 6 },
      '2024-12-31',
      'invalid',
      'lớn hơn Số thôn (5)',
    ],
  ],
);

const cbcs = [
  { id: 'cbcs_tong', label: 'Số cán bộ, chiến sĩ', type: 'count' as const, min: 1 },
  { id: 'cbcs_dat', label: 'Số CBCS hoàn thành tốt nhiệm vụ', type: 'count' as const },
];
table(
  'complete, rating (final once entered)',
  onePack(cbcs, { kind: 'complete', part: 'cbcs_dat', whole: 'cbcs_tong', timing: 'rating' }),
  [
    ['10 of 10', { cbcs_tong: 10, cbcs_dat: 10 }, MID, 'pass', '10/10 (100%)'],
    [
      '9 of 10 fails at once',
      { cbcs_tong: 10, cbcs_dat: 9 },
      '2025-02-01',
      'fail',
      'Số CBCS hoàn thành tốt nhiệm vụ: 9/10; yêu cầu 100%',
    ],
    ['part blank on 31/12', { cbcs_tong: 10 }, '2025-12-31', 'missing', 'chưa nhập; hạn 31/12/2025'],
    ['part blank on 01/01 next year', { cbcs_tong: 10 }, '2026-01-01', 'missing', 'đã qua'],
    ['11 of 10', { cbcs_tong: 10, cbcs_dat: 11 }, MID, 'invalid', '(11) lớn hơn Số cán bộ, chiến sĩ (10)'],
  ],
);

// ---------------------------------------------------------------------------------------------
const vu = [
  { id: 'vu_nam_truoc', label: 'Số vụ năm trước', type: 'count' as const },
  { id: 'vu_nam_nay', label: 'Số vụ phạm tội', type: 'count' as const },
];
const reduction = (restraint: boolean, percent = 5): Pack =>
  onePack(
    vu,
    {
      kind: 'reduction',
      previous: 'vu_nam_truoc',
      current: 'vu_nam_nay',
      percent: { param: 'giam_toi_thieu' },
      acceptRestraint: { param: 'chap_nhan_kiem_che' },
    },
    { giam_toi_thieu: percent, chap_nhan_kiem_che: restraint },
  );
const pv = (p: number | string | null, c: number | string | null) => ({ vu_nam_truoc: p, vu_nam_nay: c });

table('reduction ≥ 5% (kiềm chế not accepted)', reduction(false), [
  ['40 → 38 is exactly 5%', pv(40, 38), MID, 'pass', 'Số vụ phạm tội: giảm 5,0% (40 → 38); đạt mức giảm 5%'],
  ['40 → 39', pv(40, 39), MID, 'fail', 'Số vụ phạm tội: giảm 2,5% (40 → 39); yêu cầu giảm ít nhất 5%'],
  ['42 → 40 is 4,8%', pv(42, 40), MID, 'fail', 'giảm 4,8% (42 → 40); yêu cầu giảm ít nhất 5%'],
  ['21 → 20 is 4,8%', pv(21, 20), MID, 'fail', 'giảm 4,8% (21 → 20)'],
  ['19 → 18 is 5,3%', pv(19, 18), MID, 'pass', 'giảm 5,3% (19 → 18)'],
  ['20 → 19 is exactly 5%', pv(20, 19), MID, 'pass', 'giảm 5,0% (20 → 19)'],
  ['3 → 1', pv(3, 1), MID, 'pass', 'giảm 66,7% (3 → 1)'],
  ['40 → 0', pv(40, 0), MID, 'pass', 'giảm 100,0% (40 → 0)'],
  ['0 → 0', pv(0, 0), MID, 'pass', 'không có vụ nào (0 → 0)'],
  ['0 → 1', pv(0, 1), MID, 'fail', 'Số vụ phạm tội: tăng (0 → 1); yêu cầu giảm ít nhất 5%'],
  [
    '40 → 40 (kiềm chế) is not enough',
    pv(40, 40),
    MID,
    'fail',
    'giảm 0,0% (40 → 40); yêu cầu giảm ít nhất 5%',
  ],
  ['40 → 44', pv(40, 44), MID, 'fail', 'tăng 10,0% (40 → 44)'],
  ['previous blank', pv(null, 3), MID, 'missing', 'Số vụ năm trước: chưa nhập'],
  ['current blank', pv(40, ' '), MID, 'missing', 'Số vụ phạm tội: chưa nhập'],
  ['previous text', pv('bốn mươi', 3), MID, 'invalid', 'Số vụ năm trước: giá trị “bốn mươi”'],
  ['current negative', pv(40, -2), MID, 'invalid', 'Số vụ phạm tội: giá trị “-2”'],
]);

table('reduction with kiềm chế accepted', reduction(true), [
  ['40 → 40 passes as kiềm chế', pv(40, 40), MID, 'pass', 'giảm 0,0% (40 → 40); đạt “kiềm chế” (không tăng)'],
  ['40 → 39 passes as kiềm chế', pv(40, 39), MID, 'pass', 'giảm 2,5% (40 → 39); đạt “kiềm chế”'],
  ['40 → 38 passes as a 5% reduction', pv(40, 38), MID, 'pass', 'giảm 5,0% (40 → 38); đạt mức giảm 5%'],
  [
    '40 → 41 fails',
    pv(40, 41),
    MID,
    'fail',
    'tăng 2,5% (40 → 41); yêu cầu kiềm chế (không tăng) hoặc giảm ít nhất 5%',
  ],
  ['0 → 0', pv(0, 0), MID, 'pass', 'không có vụ nào'],
  ['0 → 1', pv(0, 1), MID, 'fail', 'tăng (0 → 1)'],
]);

table('reduction with a 10% parameter', reduction(false, 10), [
  ['40 → 36', pv(40, 36), MID, 'pass', 'đạt mức giảm 10%'],
  ['40 → 37', pv(40, 37), MID, 'fail', 'giảm 7,5% (40 → 37); yêu cầu giảm ít nhất 10%'],
]);

table('reduction with a 4,5% parameter', reduction(false, 4.5), [
  ['40 → 38', pv(40, 38), MID, 'pass', 'đạt mức giảm 4,5%'],
  ['100 → 96', pv(100, 96), MID, 'fail', 'giảm 4,0% (100 → 96); yêu cầu giảm ít nhất 4,5%'],
]);

// ---------------------------------------------------------------------------------------------
const nghien = onePack(
  [
    { id: 'nghien_truoc', label: 'Số người nghiện năm trước', type: 'count' },
    { id: 'nghien_nay', label: 'Số người nghiện hiện nay', type: 'count' },
  ],
  {
    kind: 'addicts',
    previous: 'nghien_truoc',
    current: 'nghien_nay',
    threshold: { param: 'nguong' },
    percent: { param: 'giam_phan_tram' },
    people: { param: 'giam_nguoi' },
  },
  { nguong: 10, giam_phan_tram: 20, giam_nguoi: 2 },
);
const pc = (p: number | string | null, c: number | string | null) => ({ nghien_truoc: p, nghien_nay: c });
table('addicts (rule 19 count part)', nghien, [
  [
    '11 → 8: 8 ≤ 8,8',
    pc(11, 8),
    MID,
    'pass',
    'Số người nghiện hiện nay: giảm 27,3% (11 → 8); trên 10 người cần giảm ≥ 20%',
  ],
  [
    '11 → 9: 9 > 8,8',
    pc(11, 9),
    MID,
    'fail',
    'Số người nghiện hiện nay: 9 người, năm trước 11 người; năm trước trên 10 người thì phải giảm ít nhất 20%, tức còn tối đa 8 người',
  ],
  ['12 → 9: 9 ≤ 9,6', pc(12, 9), MID, 'pass', 'giảm 25,0% (12 → 9)'],
  ['50 → 40: exactly 20%', pc(50, 40), MID, 'pass', 'giảm 20,0%'],
  ['50 → 41', pc(50, 41), MID, 'fail', 'còn tối đa 40'],
  [
    '11 → 12',
    pc(11, 12),
    MID,
    'fail',
    'Số người nghiện hiện nay: 12 người, năm trước 11 người; năm trước trên 10 người thì phải giảm ít nhất 20%, tức còn tối đa 8 người',
  ],
  ['10 → 8: ≤ 10 needs 2 fewer', pc(10, 8), MID, 'pass', 'Số người nghiện hiện nay: giảm 2 người (10 → 8)'],
  [
    '10 → 9',
    pc(10, 9),
    MID,
    'fail',
    'Số người nghiện hiện nay: 9 người, năm trước 10 người; năm trước từ 10 người trở xuống thì phải giảm ít nhất 2 người',
  ],
  ['3 → 1', pc(3, 1), MID, 'pass', 'giảm 2 người (3 → 1)'],
  ['2 → 1', pc(2, 1), MID, 'fail', 'phải giảm ít nhất 2 người'],
  ['1 → 0: c = 0 passes', pc(1, 0), MID, 'pass', 'Số người nghiện hiện nay: 0 (không có người nghiện)'],
  ['0 → 0', pc(0, 0), MID, 'pass', '0 (không có người nghiện)'],
  [
    '0 → 1',
    pc(0, 1),
    MID,
    'fail',
    'Số người nghiện hiện nay: 1 người, năm trước 0 người; năm trước từ 10 người trở xuống thì phải giảm ít nhất 2 người',
  ],
  ['c = 0 passes with the previous year blank', pc(null, 0), MID, 'pass', 'không có người nghiện'],
  ['previous blank', pc(null, 3), MID, 'missing', 'Số người nghiện năm trước: chưa nhập'],
  ['current blank', pc(11, ''), MID, 'missing', 'Số người nghiện hiện nay: chưa nhập'],
  [
    'previous text with c = 0 is still invalid',
    pc('mười', 0),
    MID,
    'invalid',
    'Số người nghiện năm trước: giá trị “mười”',
  ],
  ['current fraction', pc(11, 8.5), MID, 'invalid', 'giá trị “8,5”'],
]);

// ---------------------------------------------------------------------------------------------
const taiPham = onePack(
  [
    { id: 'dac_xa', label: 'Số người được đặc xá', type: 'count' },
    { id: 'tai_pham', label: 'Số người tái phạm', type: 'count' },
  ],
  { kind: 'rateBelow', part: 'tai_pham', whole: 'dac_xa', percent: 1.5 },
);
const rw = (part: number | string | null, whole: number | string | null) => ({
  tai_pham: part,
  dac_xa: whole,
});
table('rateBelow 1,5% (strict)', taiPham, [
  ['2 of 200 = 1%', rw(2, 200), MID, 'pass', 'Tỷ lệ tái phạm 1,00% (2/200); yêu cầu dưới 1,5%'],
  [
    '3 of 200 = 1,5% is not below',
    rw(3, 200),
    MID,
    'fail',
    'Tỷ lệ tái phạm 1,50% (3/200); yêu cầu dưới 1,5%',
  ],
  ['1 of 66 ≈ 1,52%', rw(1, 66), MID, 'fail', '(1/66)'],
  ['1 of 67 ≈ 1,49%', rw(1, 67), MID, 'pass', '(1/67)'],
  ['0 of 50', rw(0, 50), MID, 'pass', 'Tỷ lệ tái phạm 0,00% (0/50); yêu cầu dưới 1,5%'],
  ['200 of 200', rw(200, 200), MID, 'fail', 'Tỷ lệ tái phạm 100,00% (200/200); yêu cầu dưới 1,5%'],
  ['0 of 0', rw(0, 0), MID, 'pass', 'Số người tái phạm: 0/0'],
  [
    '1 of 0: part > whole',
    rw(1, 0),
    MID,
    'invalid',
    'Số người tái phạm (1) lớn hơn Số người được đặc xá (0)',
  ],
  ['201 of 200', rw(201, 200), MID, 'invalid', 'lớn hơn'],
  ['whole blank', rw(0, null), MID, 'missing', 'Số người được đặc xá: chưa nhập'],
  ['part blank', rw('  ', 200), MID, 'missing', 'Số người tái phạm: chưa nhập'],
  ['part text', rw('hai', 200), MID, 'invalid', 'Số người tái phạm: giá trị “hai”'],
]);

// ---------------------------------------------------------------------------------------------
table(
  'applicability only (tax: enterprises only)',
  onePack([{ id: 'thue', label: 'Hoàn thành nghĩa vụ nộp thuế', type: 'bool' }], {
    kind: 'equals',
    indicator: 'thue',
    value: 'Có',
    applicability: { indicator: 'loai_don_vi', mode: 'only', values: ['Doanh nghiệp'] },
  }),
  [
    [
      'Cơ quan → na',
      { loai_don_vi: 'Cơ quan' },
      MID,
      'na',
      'Không áp dụng: chỉ áp dụng khi Loại đơn vị là Doanh nghiệp',
    ],
    ['Cơ quan with Không → na', { loai_don_vi: 'Cơ quan', thue: 'Không' }, MID, 'na', 'Không áp dụng'],
    ['Cơ quan with garbage → na', { loai_don_vi: 'Cơ quan', thue: 'xyz' }, MID, 'na', 'Không áp dụng'],
    ['loai_don_vi blank → na', { thue: 'Không' }, MID, 'na', 'Không áp dụng'],
    [
      'Doanh nghiệp, Có',
      { loai_don_vi: 'Doanh nghiệp', thue: 'Có' },
      MID,
      'pass',
      'Hoàn thành nghĩa vụ nộp thuế: Có',
    ],
    ['doanh nghiệp (case), blank', { loai_don_vi: 'doanh nghiệp' }, MID, 'missing', 'chưa nhập'],
    ['Doanh nghiệp, Không', { loai_don_vi: 'Doanh nghiệp', thue: 'Không' }, MID, 'fail', 'yêu cầu “Có”'],
    ['Doanh nghiệp, garbage', { loai_don_vi: 'Doanh nghiệp', thue: 'xyz' }, MID, 'invalid', 'không hợp lệ'],
  ],
);

table(
  'applicability except (no Party organisation → na)',
  onePack([{ id: 'tu_dien_bien', label: 'Số đảng viên vi phạm', type: 'count' }], {
    kind: 'zero',
    indicator: 'tu_dien_bien',
    applicability: { indicator: 'co_to_chuc_dang', mode: 'except', values: ['Không'] },
  }),
  [
    [
      'Không → na',
      { co_to_chuc_dang: 'Không', tu_dien_bien: 3 },
      MID,
      'na',
      'Không áp dụng: không áp dụng khi Có tổ chức Đảng là Không',
    ],
    ['không (case) → na', { co_to_chuc_dang: 'không' }, MID, 'na', 'Không áp dụng'],
    ['Có, 3', { co_to_chuc_dang: 'Có', tu_dien_bien: 3 }, MID, 'fail', 'Số đảng viên vi phạm: 3; yêu cầu 0'],
    ['Có, 0', { co_to_chuc_dang: 'Có', tu_dien_bien: 0 }, MID, 'pass', 'Số đảng viên vi phạm: 0'],
    ['blank → applies', { tu_dien_bien: 0 }, MID, 'pass', ': 0'],
    ['blank → applies, blank count', {}, MID, 'missing', 'chưa nhập'],
  ],
);

// ---------------------------------------------------------------------------------------------
describe('reasons never show the year of the pack but of the evaluation', () => {
  it('due dates follow nam', () => {
    expect(req1(khen, { khen: 1 }, '2027-06-01', 2027).reason).toContain('31/12/2027');
  });
});
