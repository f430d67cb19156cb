/** Criterion statuses and the unit verdict: codes (public contract) and Vietnamese labels. */

export const STATUS_CODES = ['na', 'pass', 'not_due', 'missing', 'fail', 'invalid'] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

/** Rank used to combine requirements: the maximum wins (invalid > fail > missing > not_due > pass > na). */
export const STATUS_RANK: Record<StatusCode, number> = {
  na: 0,
  pass: 1,
  not_due: 2,
  missing: 3,
  fail: 4,
  invalid: 5,
};

export const STATUS_LABELS: Record<StatusCode, string> = {
  pass: 'Đạt',
  fail: 'Không đạt',
  missing: 'Chưa nhập',
  invalid: 'Sai dữ liệu',
  not_due: 'Chưa đến hạn',
  na: 'Không áp dụng',
};

export const STATUS_LABELS_EN: Record<StatusCode, string> = {
  pass: 'Met',
  fail: 'Not met',
  missing: 'Not entered',
  invalid: 'Invalid data',
  not_due: 'Not yet due',
  na: 'Not applicable',
};

/** Status codes in rank order (index = rank). */
export const STATUS_BY_RANK: readonly StatusCode[] = [...STATUS_CODES].sort(
  (a, b) => STATUS_RANK[a] - STATUS_RANK[b],
);

export function combineStatuses(statuses: readonly StatusCode[]): StatusCode {
  let best: StatusCode = 'na';
  for (const s of statuses) if (STATUS_RANK[s] > STATUS_RANK[best]) best = s;
  return best;
}

export const VERDICT_CODES = ['pass', 'fail', 'incomplete', 'on_track', 'ineligible'] as const;
export type VerdictCode = (typeof VERDICT_CODES)[number];

/** Labels the verdict cell `ket_luan` starts with. */
export const VERDICT_LABELS: Record<VerdictCode, string> = {
  pass: 'Đạt',
  fail: 'Chưa đạt',
  incomplete: 'Chưa đủ dữ liệu',
  on_track: 'Đang đạt',
  ineligible: 'Chưa đủ điều kiện lựa chọn',
};

export const VERDICT_LABELS_EN: Record<VerdictCode, string> = {
  pass: 'Met',
  fail: 'Not met',
  incomplete: 'Incomplete data',
  on_track: 'On track',
  ineligible: 'Not eligible for selection',
};

/** Tail after the verdict label, e.g. "Đạt — đủ điều kiện đề nghị công nhận điển hình". */
export const VERDICT_PASS_TAIL = ' — đủ điều kiện đề nghị công nhận điển hình';
export const VERDICT_ON_TRACK_PREFIX = ' (tạm tính đến ngày ';
