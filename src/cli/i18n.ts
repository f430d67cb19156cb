/**
 * Every message the CLI prints, in Vietnamese (default) and English (`--lang en`).
 * Engine reasons and warnings stay Vietnamese in both languages; the JSON output is language-neutral.
 */
import { fmtInt } from '../io/errors';
import type { StatusCode, VerdictCode } from '../engine/status';
import { STATUS_LABELS, STATUS_LABELS_EN, VERDICT_LABELS_EN } from '../engine/status';
import { CONSOLIDATE_HELP } from './consolidateHelp';
import { DOSSIER_HELP } from './dossierHelp';

export type Lang = 'vi' | 'en';

export interface Messages {
  statusLabel(s: StatusCode): string;
  verdictLabel(code: VerdictCode, viLabel: string): string;
  // usage
  unknownOption(opt: string): string;
  missingValue(opt: string): string;
  noValueExpected(opt: string): string;
  unknownCommand(cmd: string): string;
  unexpectedArgument(arg: string): string;
  missingFile: string;
  missingPackOption: string;
  unknownPack(id: string, known: string): string;
  unknownPlan(id: string, known: string): string;
  workbookUnknownPlan(file: string, id: string, version: string, known: string): string;
  planNotForPack(plan: string, pack: string): string;
  plansHeader: [string, string, string, string, string];
  planValid(file: string, id: string, version: string, start: string, end: string): string;
  badLang(v: string): string;
  badAsOf(v: string): string;
  badYear(v: string): string;
  helpHint(cmd?: string): string;
  // outputs
  packsHeader: [string, string, string, string];
  fileExists(path: string): string;
  cannotWrite(path: string, reason: string): string;
  templateWritten(path: string): string;
  checkedWritten(path: string): string;
  outIsInput(path: string): string;
  workbookUnknownPack(file: string, id: string, known: string): string;
  workbookNoPack(file: string): string;
  packMismatch(file: string, inFile: string, used: string): string;
  moreProblems(n: number): string;
  tableHeader: [string, string, string];
  group(n: number, title: string): string;
  packLine(id: string, version: string, title: string): string;
  unitLine(unit: string, year: string, asOf: string): string;
  /** after the as-of date: where it comes from */
  asOfSource: Record<'input' | 'frozen' | 'today', string>;
  planLine(id: string, version: string, start: string, end: string): string;
  fileLine(file: string): string;
  warningsHeader(n: number): string;
  inputProblemsHeader(n: number): string;
  verdictLine(label: string): string;
  passedLine(passed: number, applicable: number): string;
  packValid(
    file: string,
    id: string,
    version: string,
    groups: number,
    criteria: number,
    indicators: number,
  ): string;
  packInvalid(file: string, n: number): string;
  demoWriting(dir: string): string;
  demoFile(kind: 'xlsx' | 'json', path: string): string;
  demoChecking(path: string): string;
  demoDone(dir: string): string;
  unexpected(reason: string): string;
  help: Record<
    'main' | 'packs' | 'plans' | 'template' | 'check' | 'pack' | 'plan' | 'demo' | 'consolidate' | 'dossier',
    string
  >;
}

const vi: Messages = {
  statusLabel: (s) => STATUS_LABELS[s],
  verdictLabel: (_code, viLabel) => viLabel,
  unknownOption: (opt) => `tieuchi: tùy chọn không hợp lệ: ${opt}`,
  missingValue: (opt) => `tieuchi: tùy chọn ${opt} cần một giá trị`,
  noValueExpected: (opt) => `tieuchi: tùy chọn ${opt} không nhận giá trị`,
  unknownCommand: (cmd) => `tieuchi: lệnh không hợp lệ: "${cmd}"`,
  unexpectedArgument: (arg) => `tieuchi: đối số thừa: "${arg}"`,
  missingFile: 'tieuchi: thiếu tên tệp',
  missingPackOption:
    'tieuchi: cần chỉ rõ bộ tiêu chí: --pack xa hoặc --pack coquan (hoặc đường dẫn tệp .json)',
  unknownPack: (id, known) => `tieuchi: không có bộ tiêu chí "${id}" (có sẵn: ${known})`,
  unknownPlan: (id, known) => `tieuchi: không có kế hoạch "${id}" (có sẵn: ${known}); dùng --plan TỆP.json`,
  workbookUnknownPlan: (f, id, v, known) =>
    `${f}: bảng tính được lập theo kế hoạch "${id}" phiên bản ${v}, máy này không có (có sẵn: ${known}); chạy lại với --plan TỆP.json của kế hoạch đó`,
  planNotForPack: (plan, pack) => `tieuchi: kế hoạch "${plan}" không áp dụng cho bộ tiêu chí "${pack}"`,
  plansHeader: ['Mã', 'Phiên bản', 'Kỳ đánh giá', 'Họp xét', 'Tên kế hoạch'],
  planValid: (f, id, v, start, end) =>
    `Tệp "${f}" hợp lệ: kế hoạch ${id} phiên bản ${v}, kỳ đánh giá ${start} – ${end}`,
  badLang: (v) => `tieuchi: ngôn ngữ không hỗ trợ: "${v}" (dùng vi hoặc en)`,
  badAsOf: (v) => `tieuchi: ngày tính đến không hợp lệ: "${v}" (cần dạng YYYY-MM-DD, ví dụ 2026-06-30)`,
  badYear: (v) => `tieuchi: năm không hợp lệ: "${v}" (cần số năm, ví dụ 2026)`,
  helpHint: (cmd) => `Xem hướng dẫn: tieuchi ${cmd ? cmd + ' ' : ''}--help`,
  packsHeader: ['Mã', 'Phiên bản', 'Số tiêu chí', 'Tên bộ tiêu chí'],
  fileExists: (p) => `tieuchi: tệp "${p}" đã tồn tại; thêm --force để ghi đè hoặc chọn tên khác bằng --out`,
  cannotWrite: (p, r) => `Không ghi được tệp "${p}": ${r}`,
  templateWritten: (p) => `Đã tạo bảng tính mẫu: ${p}`,
  checkedWritten: (p) => `Đã ghi bảng tính đã kiểm tra: ${p}`,
  outIsInput: (p) => `tieuchi: tệp kết quả "${p}" trùng với tệp đầu vào; hãy chọn tên khác`,
  workbookUnknownPack: (f, id, known) =>
    `Không đọc được tệp "${f}": bảng tính dùng bộ tiêu chí "${id}" không có sẵn (có sẵn: ${known}); dùng --pack TỆP.json để chỉ bộ tiêu chí`,
  workbookNoPack: (f) =>
    `Không đọc được tệp "${f}": không xác định được bộ tiêu chí (thiếu tên "goi_tieu_chi" hoặc trường "pack"); dùng --pack`,
  packMismatch: (f, inFile, used) =>
    `Lưu ý: tệp "${f}" ghi bộ tiêu chí "${inFile}" nhưng đang chấm theo bộ "${used}" (--pack)`,
  moreProblems: (n) => `… và ${fmtInt(n)} vấn đề khác cùng loại`,
  tableHeader: ['Tiêu chí', 'Kết quả', 'Lý do'],
  group: (n, t) => `Nhóm ${n}. ${t}`,
  packLine: (id, v, t) => `Bộ tiêu chí: ${t} (${id} ${v})`,
  unitLine: (u, y, a) => `Đơn vị: ${u} · Năm đánh giá: ${y} · Tính đến ngày: ${a}`,
  asOfSource: { input: '', frozen: ' (ngày đã chốt khi đánh giá)', today: ' (hôm nay, chưa chốt)' },
  planLine: (id, v, st, en) => `Kế hoạch: ${id} ${v} · Kỳ đánh giá: ${st} – ${en}`,
  fileLine: (f) => `Tệp: ${f}`,
  warningsHeader: (n) => `Cảnh báo (${n}):`,
  inputProblemsHeader: (n) => `Dữ liệu vào cần xem lại (${n}):`,
  verdictLine: (l) => `Kết luận: ${l}`,
  passedLine: (p, a) => `Số tiêu chí đạt: ${p}/${a}`,
  packValid: (f, id, v, g, c, i) =>
    `Tệp "${f}" hợp lệ: bộ tiêu chí "${id}" phiên bản ${v}, ${g} nhóm, ${c} tiêu chí, ${i} chỉ số.`,
  packInvalid: (f, n) => `Tệp "${f}" không hợp lệ (${n} lỗi):`,
  demoWriting: (d) => `Tạo dữ liệu mẫu trong thư mục: ${d}`,
  demoFile: (k, p) => (k === 'xlsx' ? `  bảng tính: ${p}` : `  câu trả lời (JSON): ${p}`),
  demoChecking: (p) => `Chấm lại bảng tính ${p}`,
  demoDone: (d) =>
    `Xong. Mở các bảng tính trong "${d}" bằng Excel, LibreOffice hoặc WPS để xem và sửa số liệu.\n` +
    `Thử thêm:\n` +
    `  tieuchi check ${d}/tieu-chi-xa-mau.json --as-of 2026-12-31   (chấm tại thời điểm cuối năm)\n` +
    `  tieuchi check ${d}/tieu-chi-coquan-mau.xlsx --json          (kết quả dạng JSON)`,
  unexpected: (r) => `tieuchi: lỗi không mong đợi: ${r}`,
  help: {
    consolidate: CONSOLIDATE_HELP.vi,
    dossier: DOSSIER_HELP.vi,
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
  },
};

const en: Messages = {
  statusLabel: (s) => STATUS_LABELS_EN[s],
  verdictLabel: (code, viLabel) => {
    const i = viLabel.indexOf(':');
    // the criteria ids and the prerequisites' (pack) labels after the colon stay as they are
    if ((code === 'fail' || code === 'ineligible') && i >= 0)
      return `${VERDICT_LABELS_EN[code]}${viLabel.slice(i)}`;
    const date = /\d{2}\/\d{2}\/\d{4}/.exec(viLabel);
    if (code === 'on_track' && date) return `${VERDICT_LABELS_EN.on_track} (provisional, as of ${date[0]})`;
    return VERDICT_LABELS_EN[code];
  },

  unknownOption: (opt) => `tieuchi: unknown option: ${opt}`,
  missingValue: (opt) => `tieuchi: option ${opt} needs a value`,
  noValueExpected: (opt) => `tieuchi: option ${opt} takes no value`,
  unknownCommand: (cmd) => `tieuchi: unknown command: "${cmd}"`,
  unexpectedArgument: (arg) => `tieuchi: unexpected argument: "${arg}"`,
  missingFile: 'tieuchi: missing file name',
  missingPackOption: 'tieuchi: choose a pack: --pack xa or --pack coquan (or a path to a .json pack file)',
  unknownPack: (id, known) => `tieuchi: no pack "${id}" (available: ${known})`,
  unknownPlan: (id, known) => `tieuchi: no plan "${id}" (available: ${known}); use --plan FILE.json`,
  workbookUnknownPlan: (f, id, v, known) =>
    `${f}: the workbook follows plan "${id}" version ${v}, which is not available here (available: ${known}); run again with --plan FILE.json of that plan`,
  planNotForPack: (plan, pack) => `tieuchi: plan "${plan}" does not apply to pack "${pack}"`,
  plansHeader: ['Id', 'Version', 'Period', 'Review', 'Title'],
  planValid: (f, id, v, start, end) => `"${f}" is valid: plan ${id} version ${v}, period ${start} – ${end}`,
  badLang: (v) => `tieuchi: unsupported language: "${v}" (use vi or en)`,
  badAsOf: (v) => `tieuchi: invalid as-of date: "${v}" (expected YYYY-MM-DD, e.g. 2026-06-30)`,
  badYear: (v) => `tieuchi: invalid year: "${v}" (expected a year such as 2026)`,
  helpHint: (cmd) => `See: tieuchi ${cmd ? cmd + ' ' : ''}--help --lang en`,
  packsHeader: ['Id', 'Version', 'Criteria', 'Title'],
  fileExists: (p) =>
    `tieuchi: file "${p}" already exists; add --force to overwrite or choose another name with --out`,
  cannotWrite: (p, r) => `Cannot write file "${p}": ${r}`,
  templateWritten: (p) => `Template written: ${p}`,
  checkedWritten: (p) => `Checked workbook written: ${p}`,
  outIsInput: (p) => `tieuchi: output file "${p}" is the input file; choose another name`,
  workbookUnknownPack: (f, id, known) =>
    `Cannot read file "${f}": the workbook uses pack "${id}", which is not available (available: ${known}); use --pack FILE.json`,
  workbookNoPack: (f) =>
    `Cannot read file "${f}": cannot tell which pack it uses (no "goi_tieu_chi" name or "pack" field); use --pack`,
  packMismatch: (f, inFile, used) =>
    `Note: "${f}" names pack "${inFile}" but it is checked against "${used}" (--pack)`,
  moreProblems: (n) => `… and ${n} more problems of the same kind`,
  tableHeader: ['Criterion', 'Status', 'Reason'],
  group: (n, t) => `Group ${n}. ${t}`,
  packLine: (id, v, t) => `Pack: ${t} (${id} ${v})`,
  unitLine: (u, y, a) => `Unit: ${u} · Year: ${y} · As of: ${a}`,
  asOfSource: { input: '', frozen: ' (frozen when evaluated)', today: ' (today, not frozen)' },
  planLine: (id, v, st, en) => `Plan: ${id} ${v} · Evaluation period: ${st} – ${en}`,
  fileLine: (f) => `File: ${f}`,
  warningsHeader: (n) => `Warnings (${n}):`,
  inputProblemsHeader: (n) => `Input to review (${n}):`,
  verdictLine: (l) => `Verdict: ${l}`,
  passedLine: (p, a) => `Criteria met: ${p}/${a}`,
  packValid: (f, id, v, g, c, i) =>
    `"${f}" is valid: pack "${id}" version ${v}, ${g} groups, ${c} criteria, ${i} indicators.`,
  packInvalid: (f, n) => `"${f}" is not valid (${n} problems):`,
  demoWriting: (d) => `Writing sample data to: ${d}`,
  demoFile: (k, p) => (k === 'xlsx' ? `  workbook: ${p}` : `  answers (JSON): ${p}`),
  demoChecking: (p) => `Checking workbook ${p}`,
  demoDone: (d) =>
    `Done. Open the workbooks in "${d}" with Excel, LibreOffice or WPS to review and edit them.\n` +
    `Try next:\n` +
    `  tieuchi check ${d}/tieu-chi-xa-mau.json --as-of 2026-12-31 --lang en   (evaluate at year end)\n` +
    `  tieuchi check ${d}/tieu-chi-coquan-mau.xlsx --json                   (JSON result)`,
  unexpected: (r) => `tieuchi: unexpected error: ${r}`,
  help: {
    consolidate: CONSOLIDATE_HELP.en,
    dossier: DOSSIER_HELP.en,
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
  },
};

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : vi;
}
