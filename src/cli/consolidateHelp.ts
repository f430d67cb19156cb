/** Options and help text of `tieuchi consolidate` (kept apart so that main.ts and i18n.ts load them cheaply). */
import type { OptionSpec } from './args';

export const CONSOLIDATE_OPTIONS: OptionSpec[] = [
  { name: 'help', short: 'h', value: false },
  { name: 'json', value: false },
  { name: 'out', value: true, short: 'o' },
  { name: 'force', value: false, short: 'f' },
  { name: 'jobs', value: true, short: 'j' },
];

export const CONSOLIDATE_HELP = {
  vi: `tieuchi consolidate TỆP_HOẶC_THƯ_MỤC… [--out TONG_HOP.xlsx] [--json]

Tổng hợp nhiều bảng tính đơn vị (.xlsx; thư mục được duyệt cả thư mục con): mỗi đơn vị một dòng
(kết luận, số tiêu chí đạt, tiêu chí không đạt, dấu đánh giá), đơn vị trùng (giữ tệp mới nhất),
tệp không đọc được kèm lý do, và các chỉ tiêu thi đua (tỷ lệ An toàn về ANTT, Xuất sắc, không Yếu,
mô hình, đạt điển hình).

  -o, --out TỆP.xlsx   Ghi bảng "Tổng hợp"
      --json           In đúng một đối tượng JSON {units, duplicates, errors, targets}
  -f, --force          Ghi đè tệp --out đã có
  -j, --jobs N         Số luồng đọc tệp (mặc định: số lõi CPU, tối đa 8)

Mã thoát: 0 đọc được mọi tệp; 1 có tệp không đọc được; 2 lỗi cú pháp lệnh.`,
  en: `tieuchi consolidate FILES_OR_DIRS… [--out SUMMARY.xlsx] [--json]

Consolidates unit workbooks (.xlsx; folders are searched recursively): one row per unit (verdict,
criteria met, failing criteria, stamp state), duplicate units (newest file kept), unreadable files
with their reason, and the emulation targets.

  -o, --out FILE.xlsx  Write the "Tổng hợp" (summary) workbook
      --json           Print exactly one JSON object {units, duplicates, errors, targets}
  -f, --force          Overwrite an existing --out file
  -j, --jobs N         Reader threads (default: one per CPU core, at most 8)

Exit codes: 0 every file read; 1 some file unreadable; 2 usage error.`,
};
