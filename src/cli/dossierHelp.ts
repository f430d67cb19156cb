/** Options and help text of `tieuchi dossier` (kept apart so that main.ts and i18n.ts load them cheaply). */
import type { OptionSpec } from './args';

export const DOSSIER_OPTIONS: OptionSpec[] = [
  { name: 'help', short: 'h', value: false },
  { name: 'out', value: true, short: 'o' },
  { name: 'force', value: false, short: 'f' },
  { name: 'chu-quan', value: true },
  { name: 'viet-tat', value: true },
];

export const DOSSIER_HELP = {
  vi: `Cách dùng: tieuchi dossier ĐÃ-KIỂM-TRA.xlsx [--out THƯ-MỤC] [--force] [--chu-quan "TÊN"] [--viet-tat KÝ-HIỆU]

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
  en: `Usage: tieuchi dossier CHECKED.xlsx [--out DIR] [--force] [--chu-quan "NAME"] [--viet-tat ABBR]

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
};
