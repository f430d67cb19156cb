/** The help texts of the `tieuchi` commands, in Vietnamese (default) and English (`--lang en`). */
import type { Lang } from './lang';

export type HelpTopic =
  'main' | 'packs' | 'plans' | 'template' | 'check' | 'pack' | 'plan' | 'demo' | 'consolidate' | 'dossier';

export const CLI_HELP: Record<Lang, Record<HelpTopic, string>> = {
  vi: {
    main: `tieuchi — đánh giá đơn vị theo bộ tiêu chí điển hình phong trào toàn dân bảo vệ an ninh Tổ quốc
(Quyết định 9745/QĐ-BCA-V05)

Cách dùng: tieuchi <lệnh> [tùy chọn]

Các lệnh:
  packs                        Liệt kê các bộ tiêu chí có sẵn
  plans                        Liệt kê các kế hoạch có sẵn (kỳ đánh giá, ngày họp xét)
  plan validate TỆP.json       Kiểm tra một tệp kế hoạch tự soạn
  template --pack xa|coquan    Tạo bảng tính mẫu (.xlsx) để nhập số liệu
  check TỆP                    Chấm một bảng tính (.xlsx) hoặc tệp câu trả lời (.json)
  pack validate TỆP.json       Kiểm tra một tệp bộ tiêu chí tự soạn
  demo                         Tạo và chấm các bảng tính mẫu có sẵn số liệu
  consolidate TỆP/THƯ_MỤC…     Tổng hợp nhiều bảng tính đơn vị (trùng lặp, chỉ tiêu thi đua)
  dossier ĐÃ-KIỂM-TRA.xlsx     Lập hồ sơ Word (tờ trình, báo cáo, biên bản họp xét…)

Tùy chọn chung:
  -h, --help                   Hướng dẫn; kèm tên lệnh để xem chi tiết (tieuchi check --help)
  --lang en                    Hiển thị bằng tiếng Anh (lý do đánh giá vẫn bằng tiếng Việt)
  -V, --version                Phiên bản

Mã thoát: 0 = Đạt hoặc Đang đạt; 1 = Chưa đạt hoặc Chưa đủ dữ liệu;
          2 = không đọc được tệp đầu vào hoặc lệnh viết sai.

Ví dụ:
  tieuchi demo
  tieuchi template --pack xa --unit "Phường Điện Biên" --year 2026
  tieuchi check tieu-chi-xa.xlsx
  tieuchi check tra-loi.json --as-of 2026-06-30 --json`,
    packs: `Cách dùng: tieuchi packs [--json]

Liệt kê các bộ tiêu chí có sẵn: mã, phiên bản, số tiêu chí, tên.
  --json      In danh sách dạng JSON`,
    plans: `Cách dùng: tieuchi plans [--json]

Liệt kê các kế hoạch có sẵn: kỳ đánh giá, ngày họp xét, tên (* = mặc định).
Việc "trong năm, hằng năm" đến hạn vào ngày kết thúc kỳ của kế hoạch, không phải 31/12.
  --json      In đầy đủ các kế hoạch dạng JSON`,
    plan: `Cách dùng: tieuchi plan validate TỆP.json

Kiểm tra một tệp kế hoạch tự soạn; in từng lỗi kèm vị trí. Mã thoát 0 = hợp lệ, 1 = có lỗi.`,
    template: `Cách dùng: tieuchi template --pack xa|coquan [--out TỆP.xlsx] [--unit "TÊN"] [--year NĂM] [--prior NĂM_TRƯỚC.xlsx] [--force]

Tạo bảng tính mẫu "Tiêu chí" để nhập số liệu; các ô kết quả tự tính bằng công thức.
  --pack MÃ|TỆP.json   Bộ tiêu chí: xa (xã, phường, thị trấn, đặc khu), coquan (cơ quan,
                       doanh nghiệp, cơ sở giáo dục) hoặc một tệp bộ tiêu chí tự soạn
  --out TỆP.xlsx       Tên tệp (mặc định tieu-chi-<mã>.xlsx)
  --unit "TÊN"         Điền sẵn tên đơn vị
  --year NĂM           Điền sẵn năm đánh giá
  --prior NĂM_TRƯỚC.xlsx  Điền sẵn số liệu “năm trước” từ bảng tính năm trước (và ghi chú “Năm trước: …” bên cạnh ô nhập)
  --plan MÃ|TỆP.json   Kế hoạch áp dụng (kỳ đánh giá, điều kiện lựa chọn); mặc định mac-dinh (tieuchi plans)
  --force              Ghi đè nếu tệp đã tồn tại`,
    check: `Cách dùng: tieuchi check TỆP [--json | --explain] [--as-of YYYY-MM-DD] [--out TỆP-ĐÃ-KIỂM-TRA.xlsx] [--pack TỆP.json]

Chấm một đơn vị theo bộ tiêu chí. TỆP là:
  • bảng tính .xlsx tạo bởi "tieuchi template" (đọc theo tên ô, nên chèn dòng hay di chuyển
    khối vẫn đọc đúng); bộ tiêu chí lấy theo ô "goi_tieu_chi";
  • hoặc tệp câu trả lời .json: {"pack":"xa","values":{"tc18_nam_truoc":40,"tc1_quan_triet":"Có", …}}
    (số đếm là số, Có/Không là chữ, ngày dạng "YYYY-MM-DD"; thiếu khóa = ô trống).
  --json               In đúng một đối tượng JSON (mã, trạng thái, lý do) thay cho bảng
  --explain            In thêm, cho từng tiêu chí chưa đạt, minh chứng cần có và cách khắc phục
  --as-of YYYY-MM-DD   Ngày tính đến (thay cho "ngay_danh_gia"; mặc định là ngày trong tệp,
                       nếu trống thì ngày đã chốt khi đánh giá, chưa chốt thì hôm nay)
  --out TỆP.xlsx       Ghi bảng tính đã kiểm tra (số liệu đã điền, có công thức chấm) và chốt
                       ngày tính đến vào bảng tính, để kết luận không đổi khi mở lại về sau
  --pack TỆP.json      Chấm theo một tệp bộ tiêu chí tự soạn
  --plan MÃ|TỆP.json   Chấm theo kế hoạch này (mặc định: kế hoạch bảng tính ghi, nếu không có thì mac-dinh)
  --force              Cho phép ghi đè tệp --out

Mã thoát: 0 = Đạt/Đang đạt; 1 = Chưa đạt/Chưa đủ dữ liệu; 2 = không đọc được tệp.`,
    pack: `Cách dùng: tieuchi pack validate TỆP.json

Kiểm tra tệp bộ tiêu chí tự soạn; in "hợp lệ" kèm tóm tắt, hoặc từng lỗi dạng "đường dẫn: lỗi".
Mã thoát: 0 = hợp lệ; 1 = có lỗi; 2 = không đọc được tệp.`,
    demo: `Cách dùng: tieuchi demo [--out THƯ-MỤC]

Tạo bảng tính mẫu đã điền số liệu cho từng bộ tiêu chí (kèm tệp câu trả lời .json),
rồi đọc lại và chấm từng bảng tính.
  --out THƯ-MỤC        Thư mục ghi (mặc định ./tieuchi-demo; các tệp mẫu cũ trong đó được ghi đè)`,
    consolidate: `tieuchi consolidate TỆP_HOẶC_THƯ_MỤC… [--out TONG_HOP.xlsx] [--json] [--plan MÃ|TỆP]
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
    dossier: `Cách dùng: tieuchi dossier ĐÃ-KIỂM-TRA.xlsx [--out THƯ-MỤC] [--force] [--chu-quan "TÊN"] [--viet-tat KÝ-HIỆU]

Lập hồ sơ đề nghị xét, công nhận dạng Word (.docx, thể thức Nghị định 30/2020/NĐ-CP) từ bảng tính
đã kiểm tra ("tieuchi check TỆP --out ĐÃ-KIỂM-TRA.xlsx"), theo kế hoạch ghi trong bảng tính:
  to-trinh.docx                  Tờ trình đề nghị xét, công nhận
  bao-cao-ket-qua.docx           Báo cáo kết quả (kèm phụ lục bảng các tiêu chí)
  bien-ban-hop-xet.docx          Biên bản họp xét
  bao-cao-so-ket-6-thang.docx    Báo cáo sơ kết 6 tháng
  bao-cao-ra-soat.docx           Báo cáo rà soát các tiêu chí
Những chỗ chỉ người lập mới viết được (số văn bản, ngày ký, ý kiến, nguyên nhân…) để "…".
Bảng tính phải có ngày tính đến cố định (dấu đánh giá hoặc ô "Ngày đánh giá (tính đến)");
kết luận tính theo ngày hôm nay thì không lập hồ sơ (mã thoát 2).
  -o, --out THƯ-MỤC    Thư mục ghi (mặc định: thư mục hiện tại; phải có sẵn)
  -f, --force          Ghi đè các tệp đã có (mặc định: từ chối, không ghi tệp nào)
      --chu-quan "TÊN" Dòng cơ quan chủ quản trên tên đơn vị (ví dụ "UBND PHƯỜNG 1" cho trường học)
      --viet-tat KÝ-HIỆU  Chữ viết tắt tên cơ quan trong số, ký hiệu (ví dụ THCSND → …/BC-THCSND)`,
  },
  en: {
    main: `tieuchi — evaluate a unit against the model-unit criteria of the all-people national security
movement (Decision 9745/QĐ-BCA-V05)

Usage: tieuchi <command> [options]

Commands:
  packs                        List the built-in criteria packs
  plans                        List the built-in plans (evaluation period, review date)
  plan validate FILE.json      Check a plan file
  template --pack xa|coquan    Write a blank workbook (.xlsx) to fill in
  check FILE                   Evaluate a workbook (.xlsx) or an answers file (.json)
  pack validate FILE.json      Validate a custom pack file
  demo                         Write and check sample workbooks filled with data
  consolidate FILES_OR_DIRS…   Consolidate many unit workbooks (summary, duplicates, targets)
  dossier CHECKED.xlsx         Write the Word dossier (submission, report, review minutes…)

Global options:
  -h, --help                   Help; after a command for details (tieuchi check --help)
  --lang en                    English output (evaluation reasons stay in Vietnamese)
  -V, --version                Version

Exit codes: 0 = met or on track; 1 = not met or incomplete data;
            2 = input cannot be read or the command line is wrong.`,
    plans: `Usage: tieuchi plans [--json]

Lists the built-in plans: evaluation period, review date, title (* = default).
Yearly requirements fall due at the end of the plan's period, not on 31/12.
  --json      Print the plans as JSON`,
    plan: `Usage: tieuchi plan validate FILE.json

Checks a plan file; prints every problem with its path. Exit 0 = valid, 1 = problems.`,
    packs: `Usage: tieuchi packs [--json]

Lists the built-in packs: id, version, number of criteria, title.
  --json      Print the list as JSON`,
    template: `Usage: tieuchi template --pack xa|coquan [--out FILE.xlsx] [--unit "NAME"] [--year YEAR] [--prior LAST.xlsx] [--force]

Writes the "Tiêu chí" workbook to fill in; status cells are computed by formulas.
  --pack ID|FILE.json  Pack: xa (communes, wards, towns, special zones), coquan (agencies,
                       enterprises, schools) or a custom pack file
  --out FILE.xlsx      Output file (default tieu-chi-<id>.xlsx)
  --unit "NAME"        Pre-fill the unit name
  --year YEAR          Pre-fill the evaluation year
  --prior LAST.xlsx    Pre-fill the “last year” inputs from last year's workbook (with a “Năm trước: …” note beside the input)
  --plan ID|FILE.json  The plan in force (evaluation period, selection conditions); default mac-dinh (tieuchi plans)
  --force              Overwrite an existing file`,
    check: `Usage: tieuchi check FILE [--json | --explain] [--as-of YYYY-MM-DD] [--out CHECKED.xlsx] [--pack FILE.json]

Evaluates one unit. FILE is a workbook made by "tieuchi template" (read through its defined
names; the pack comes from "goi_tieu_chi") or an answers file {"pack":"xa","values":{…}}.
  --json               Print exactly one JSON object instead of the table
  --explain            Also print, for each criterion not met, the evidence that counts and how to fix it
  --as-of YYYY-MM-DD   As-of date (overrides "ngay_danh_gia"; default: the file's date, else the date
                       frozen by an earlier evaluation, else today); --out freezes it into the workbook
  --out FILE.xlsx      Write the checked workbook (values filled in, formulas included)
  --pack FILE.json     Evaluate against a custom pack file
  --plan ID|FILE.json  Evaluate under this plan (default: the plan the workbook records, else mac-dinh)
  --force              Allow overwriting the --out file

Exit codes: 0 = met/on track; 1 = not met/incomplete; 2 = the file cannot be read.`,
    pack: `Usage: tieuchi pack validate FILE.json

Validates a custom pack file; prints "valid" with a summary, or every problem as "path: message".
Exit codes: 0 = valid; 1 = problems; 2 = the file cannot be read.`,
    demo: `Usage: tieuchi demo [--out DIR]

Writes a sample filled workbook per pack (plus its answers .json), then reads each workbook back
and evaluates it.
  --out DIR            Output folder (default ./tieuchi-demo; earlier sample files are overwritten)`,
    consolidate: `tieuchi consolidate FILES_OR_DIRS… [--out SUMMARY.xlsx] [--json] [--plan ID|FILE]
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
    dossier: `Usage: tieuchi dossier CHECKED.xlsx [--out DIR] [--force] [--chu-quan "NAME"] [--viet-tat ABBR]

Writes the recognition dossier as Word files (.docx, laid out per Decree 30/2020/NĐ-CP) from a
checked workbook ("tieuchi check FILE --out CHECKED.xlsx"), following the plan the workbook records:
to-trinh.docx, bao-cao-ket-qua.docx (with the criteria table as an appendix), bien-ban-hop-xet.docx,
bao-cao-so-ket-6-thang.docx and bao-cao-ra-soat.docx. What only a person can write stays "…".
The workbook needs a frozen as-of date (the evaluation stamp or "Ngày đánh giá (tính đến)"); a
verdict that follows today's date is refused (exit 2).
  -o, --out DIR        Output folder (default: the current folder; must exist)
  -f, --force          Overwrite existing files (default: refuse and write nothing)
      --chu-quan "NAME"   Parent body line above the unit's name (e.g. "UBND PHƯỜNG 1" for a school)
      --viet-tat ABBR  The issuer's abbreviation in the document number (…/BC-ABBR)`,
  },
};
