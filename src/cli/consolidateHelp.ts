/** Options and help text of `tieuchi consolidate` (kept apart so that main.ts and i18n.ts load them cheaply). */
import type { OptionSpec } from './args';

export const CONSOLIDATE_OPTIONS: OptionSpec[] = [
  { name: 'help', short: 'h', value: false },
  { name: 'json', value: false },
  { name: 'out', value: true, short: 'o' },
  { name: 'force', value: false, short: 'f' },
  { name: 'jobs', value: true, short: 'j' },
  { name: 'plan', value: true },
  { name: 'pack', value: true, short: 'p' },
  { name: 'roster', value: true },
  { name: 'prior-summary', value: true },
  { name: 'year', value: true },
];

export const CONSOLIDATE_HELP = {
  vi: `tieuchi consolidate TỆP_HOẶC_THƯ_MỤC… [--out TONG_HOP.xlsx] [--json] [--plan MÃ|TỆP]
                    [--roster DANH_SACH.csv|xlsx] [--prior-summary NAM_TRUOC.xlsx|json] [--year NĂM]

Tổng hợp nhiều bảng tính đơn vị (.xlsx; thư mục được duyệt cả thư mục con): mỗi đơn vị một dòng
(năm, ngày tính đến, kế hoạch, kết luận, số tiêu chí đạt, dấu đánh giá), xếp theo loại đơn vị rồi
tên; đơn vị trùng (giữ tệp mới nhất); tệp không đọc được kèm lý do; số đơn vị đạt, không đạt,
thiếu số liệu ở từng tiêu chí; các chỉ tiêu thi đua của kế hoạch. Bảng tính của năm khác và bảng
tính không khớp dấu đánh giá (đã sửa sau khi đánh giá, chưa đánh giá) được đánh dấu và không tính
vào số liệu. Tiến độ in ra stderr.

  -o, --out TỆP.xlsx        Ghi sổ tổng hợp: "Tổng hợp", "Theo tiêu chí", "Biểu đồ"
      --json                In đúng một đối tượng JSON {year, plan, units, duplicates, errors,
                            targets, criteria, missingUnits, warnings, …}
      --plan MÃ|TỆP         Kế hoạch có chỉ tiêu thi đua (mặc định: kế hoạch nhiều đơn vị ghi nhất);
                            tệp kế hoạch này cũng dùng cho bảng tính ghi kế hoạch đó
  -p, --pack TỆP.json       Bộ tiêu chí tự soạn, cho bảng tính khai báo mã của bộ đó
      --roster TỆP          Danh sách đơn vị của địa bàn (.csv UTF-8 hoặc .xlsx; cột 1 tên đơn vị,
                            cột 2 loại đơn vị nếu có; được có dòng tiêu đề): đơn vị chưa gửi bảng
                            tính; tỷ lệ chỉ tiêu tính trên toàn bộ danh sách
      --prior-summary TỆP   Bảng tổng hợp năm trước (tệp --out, hoặc kết quả --json): thay đổi
                            theo đơn vị và theo chỉ tiêu
      --year NĂM            Năm tổng hợp (mặc định: năm nhiều bảng tính ghi nhất)
  -f, --force               Ghi đè tệp --out đã có
  -j, --jobs N              Số luồng đọc tệp (mặc định: số lõi CPU, tối đa 8)

Mã thoát: 0 đọc được mọi tệp; 1 có tệp không đọc được; 2 lỗi cú pháp lệnh, tệp hoặc thư mục
không có, danh sách đơn vị hoặc kế hoạch không đọc được.`,
  en: `tieuchi consolidate FILES_OR_DIRS… [--out SUMMARY.xlsx] [--json] [--plan ID|FILE]
                    [--roster ROSTER.csv|xlsx] [--prior-summary LAST_YEAR.xlsx|json] [--year YEAR]

Consolidates unit workbooks (.xlsx; folders are searched recursively): one row per unit (year,
as-of date, plan, verdict, criteria met, stamp state), sorted by unit type then name; duplicate
units (newest file kept); unreadable files with their reason; per criterion, how many units pass,
fail, miss data; the plan's emulation targets. Workbooks of another year and workbooks whose stamp
does not match (edited after evaluation, never evaluated) are flagged and kept out of the figures.
Progress goes to stderr.

  -o, --out FILE.xlsx       Write the summary workbook: "Tổng hợp", "Theo tiêu chí", "Biểu đồ"
      --json                Print exactly one JSON object {year, plan, units, duplicates, errors,
                            targets, criteria, missingUnits, warnings, …}
      --plan ID|FILE        The plan whose targets apply (default: the plan most units record);
                            a plan file also serves the workbooks that record that plan
  -p, --pack FILE.json      A custom pack, for the workbooks that declare its id
      --roster FILE         The area's units (.csv UTF-8 or .xlsx; name in column 1, type in
                            column 2 if any; a header row allowed): units that sent nothing;
                            target shares over the whole roster
      --prior-summary FILE  Last year's summary (the --out workbook, or the --json output): the
                            change per unit and per target
      --year YEAR           The batch's year (default: the year most workbooks record)
  -f, --force               Overwrite an existing --out file
  -j, --jobs N              Reader threads (default: one per CPU core, at most 8)

Exit codes: 0 every file read; 1 some file unreadable; 2 usage error, a file or folder that does
not exist, an unreadable roster or plan.`,
};
