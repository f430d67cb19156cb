/**
 * WorkbookNames: every defined name the product writes into a workbook or reads back from one, and
 * the reservation rules that follow from them (which ids a pack may not use). One module, so that
 * the layout (src/sheet/layout.ts), the formula printer, the engine, the readers (src/io,
 * src/excel/readSheet.ts, src/consolidate) and the pack validator agree by construction.
 *
 * It imports nothing: the engine, the sheets and the readers use it without loading zod (the
 * schema, ./schema.ts, is needed only to validate a user's file). docs/packs.md lists the reserved
 * names; test/pack/workbookNames.test.ts checks that the list there is exactly this one.
 */

// ---------------------------------------------------------------------------------------------
// Inputs: every input cell is named by its id (profile fields, indicators, evidence cells)

/** Profile fields every pack must have, which the product itself reads. */
export const UNIT_NAME_ID = 'ten_don_vi';
/** The unit type; also the name of the scale listing the unit types (`unitTypes`). */
export const UNIT_TYPE_ID = 'loai_don_vi';
export const YEAR_ID = 'nam';
/** The as-of date the official types (blank: the frozen date, else today). */
export const AS_OF_ID = 'ngay_danh_gia';

/** Id (and defined name) of the evidence cell "Minh chứng" of criterion N. */
export function evidenceId(criterion: { number: number }): string {
  return `tc${criterion.number}_minh_chung`;
}
/** Defined name of the status cell of criterion N. */
export function statusName(criterion: { number: number }): string {
  return `kq_tc${criterion.number}`;
}

/** The labels a yes/no input cell holds. */
export const BOOL_YES = 'Có';
export const BOOL_NO = 'Không';

// ---------------------------------------------------------------------------------------------
// Computed cells of the criteria sheet

/** Helper cells: the effective as-of date and year every formula reads. */
export const AS_OF_NAME = 'ngay_tinh';
export const YEAR_NAME = 'nam_tinh';
/** The verdict and the counts. */
export const VERDICT_NAME = 'ket_luan';
export const PASSED_NAME = 'so_dat';
export const APPLICABLE_NAME = 'so_ap_dung';
/** "so_dat/so_ap_dung" as text. */
export const RATIO_NAME = 'ty_le_dat';
/** The pack and plan the sheet was made from (readers find a criteria sheet by `goi_tieu_chi`). */
export const PACK_ID_NAME = 'goi_tieu_chi';
export const PACK_VERSION_NAME = 'phien_ban_goi';
export const PLAN_ID_NAME = 'ke_hoach';
export const PLAN_VERSION_NAME = 'phien_ban_ke_hoach';
/** The evaluation period as text ("16/11/2025 – 15/11/2026"), computed from the year. */
export const PERIOD_NAME = 'ky_danh_gia';

// ---------------------------------------------------------------------------------------------
// The stamp "Đánh giá gần nhất", written by the add-in / `tieuchi check --out` after an evaluation

export const STAMP_PREFIX = 'dg_';
/**
 * The as-of date an evaluation froze into the workbook (a date serial). With `ngay_danh_gia`
 * blank it replaces TODAY(), so a checked workbook keeps its verdict (src/engine/compile.ts).
 */
export const FROZEN_AS_OF_ID = 'dg_ngay_tinh';
export const STAMP_NAMES = {
  time: 'dg_thoi_gian',
  asOf: FROZEN_AS_OF_ID,
  pack: 'dg_goi',
  verdict: 'dg_ket_luan',
  ratio: 'dg_ty_le',
  sha256: 'dg_sha256',
} as const;

// ---------------------------------------------------------------------------------------------
// The add-in's highlight registry (older Excel without conditional formats, src/excel/highlights.ts)

/** Hidden sheet-scoped names `tc_danh_dau_N`, each recording a direct fill and the fill before. */
export const FILL_REGISTRY_PREFIX = 'tc_danh_dau_';

// ---------------------------------------------------------------------------------------------
// Reservation: ids a pack may not use, because the workbook already defines those names

/** The computed cells' names: exact names no pack id may take. */
export const RESERVED_NAMES: readonly string[] = [
  AS_OF_NAME,
  YEAR_NAME,
  VERDICT_NAME,
  PASSED_NAME,
  APPLICABLE_NAME,
  RATIO_NAME,
  PACK_ID_NAME,
  PACK_VERSION_NAME,
  PLAN_ID_NAME,
  PLAN_VERSION_NAME,
  PERIOD_NAME,
];

export interface ReservedPattern {
  /** how docs/packs.md writes it */
  shown: string;
  test: (lowerCaseName: string) => boolean;
  /** why, after the quoted name (Vietnamese) */
  reason: string;
  /** the same in English */
  reasonEn: string;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const numbered = (name: (c: { number: number }) => string): RegExp => {
  const [head = '', tail = ''] = name({ number: 0 }).split('0');
  return new RegExp(`^${escapeRe(head)}[0-9]+${escapeRe(tail)}$`);
};
const STATUS_RE = numbered(statusName);
const EVIDENCE_RE = numbered(evidenceId);

/** Is `name` (any case) the name of a criterion's status cell, `kq_tcN`? */
export function isStatusName(name: string): boolean {
  return STATUS_RE.test(name.toLowerCase());
}

/** Families of names the workbook defines: one per criterion, or by prefix. */
export const RESERVED_PATTERNS: readonly ReservedPattern[] = [
  {
    shown: 'kq_tcN',
    test: (n) => STATUS_RE.test(n),
    reason: 'trùng tên ô kết quả tiêu chí (kq_tcN) của bảng tính',
    reasonEn: "is the name of a criterion's result cell (kq_tcN) in the workbook",
  },
  {
    shown: 'tcN_minh_chung',
    test: (n) => EVIDENCE_RE.test(n),
    reason: 'trùng mã ô minh chứng tự sinh của tiêu chí (tcN_minh_chung)',
    reasonEn: "is the id of a criterion's generated evidence cell (tcN_minh_chung)",
  },
  {
    shown: `${STAMP_PREFIX}…`,
    test: (n) => n.startsWith(STAMP_PREFIX),
    reason: `bắt đầu bằng “${STAMP_PREFIX}”, tiền tố dành riêng của bảng tính`,
    reasonEn: `starts with “${STAMP_PREFIX}”, a prefix the workbook keeps for itself`,
  },
  {
    shown: `${FILL_REGISTRY_PREFIX}…`,
    test: (n) => n.startsWith(FILL_REGISTRY_PREFIX),
    reason: `bắt đầu bằng “${FILL_REGISTRY_PREFIX}”, tiền tố dành riêng của phần bổ trợ`,
    reasonEn: `starts with “${FILL_REGISTRY_PREFIX}”, a prefix the add-in keeps for itself`,
  },
];

/** Why `name` is reserved by the workbook (“name” … in Vietnamese), or undefined when it is free. */
export function reservedNameReason(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (RESERVED_NAMES.includes(lower)) return `“${name}” là tên dành riêng của bảng tính`;
  const hit = RESERVED_PATTERNS.find((p) => p.test(lower));
  return hit ? `“${name}” ${hit.reason}` : undefined;
}

/** Why `name` is reserved, as data: a name of the workbook, or the family it falls in. */
export function reservedNameOf(name: string): 'name' | ReservedPattern | undefined {
  const lower = name.toLowerCase();
  if (RESERVED_NAMES.includes(lower)) return 'name';
  return RESERVED_PATTERNS.find((p) => p.test(lower));
}

export function isReservedName(name: string): boolean {
  return reservedNameReason(name) !== undefined;
}

/**
 * "A1"-style or R1C1-style names are rejected by Excel as defined names: `a1`, `xfd9`, and every
 * R1C1 form — `r`, `c`, `rc`, `r1`, `c2`, `r1c`, `rc1`, `r1c1`.
 */
export function looksLikeCellRef(name: string): boolean {
  return /^[a-z]{1,3}[0-9]+$/i.test(name) || /^(?=.)(r[0-9]*)?(c[0-9]*)?$/i.test(name);
}
