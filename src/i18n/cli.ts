/**
 * Every message the CLI prints, in Vietnamese (default) and English (`--lang en`): the CLI's
 * namespace of the one i18n (./lang.ts; help texts in ./cliHelp.ts, file reasons in
 * ./inputReasons.ts). Engine reasons and warnings and the packs' texts stay Vietnamese in both
 * languages; the JSON output is language-neutral.
 */
import { formatNumber } from '../engine/numbers';
import { VERDICT_LABELS, VERDICT_LABELS_EN, type StatusCode, type VerdictCode } from '../engine/status';
import { CLI_HELP, type HelpTopic } from './cliHelp';
import { statusLabel, type Lang } from './lang';

export type { Lang } from './lang';

/** Why a unit is left out of the figures (the codes of src/sheet/targets.ts ExclusionCode). */
type ExclusionCode = 'other_year' | 'edited' | 'unstamped' | 'other_version';

/** `tieuchi consolidate`'s texts. */
export interface ConsolidateTexts {
  missing: string;
  progress(d: number, t: number): string;
  head: string[];
  summary(u: number, d: number, e: number): string;
  dup(unit: string, kept: string, dropped: string[]): string;
  targets: string;
  met(m: boolean | null): string;
  written(f: string): string;
  badYear(raw: string): string;
  verdict(code: VerdictCode): string;
  /** the "counted" cell: yes, or no and why (the codes of src/sheet/targets.ts ExclusionCode) */
  counted(excluded: ExclusionCode | undefined): string;
  missingUnits(n: number, of: number, units: string): string;
  noTargets(planId: string): string;
  noData: string;
  prior(value: string): string;
  /** the workbooks left out of the figures (English only: in Vietnamese, the summary sheet's sentence) */
  excluded?(x: { count: number; reasons: ReadonlyArray<{ code: ExclusionCode; count: number }> }): string;
}

/** `tieuchi dossier`'s texts. */
export interface DossierTexts {
  notWorkbook(f: string): string;
  notFrozen(f: string): string;
  noDir(d: string): string;
  stampNote(f: string, state: string): string;
  written(p: string): string;
}

/** `tieuchi check --explain`'s headings. */
export interface ExplainTexts {
  header(n: number): string;
  reason: string;
  evidence: string;
  fix: string;
  none: string;
  withJson: string;
}

export interface Messages {
  statusLabel(s: StatusCode): string;
  consolidate: ConsolidateTexts;
  dossier: DossierTexts;
  explain: ExplainTexts;
  badJobs(raw: string, max: number): string;
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
  help: Record<HelpTopic, string>;
}

const lowerFirst = (s: string): string => `${s.slice(0, 1).toLocaleLowerCase('vi')}${s.slice(1)}`;

const EXCLUDED_VI = {
  other_year: 'năm khác',
  edited: 'đã sửa',
  unstamped: 'chưa đánh giá',
  other_version: 'phiên bản khác',
};
const EXCLUDED_EN = {
  other_year: 'another year',
  edited: 'edited',
  unstamped: 'not evaluated',
  other_version: 'another version',
};
/** The reasons of the line under the targets (English of src/sheet/targets.ts EXCLUSION_LABELS). */
const EXCLUDED_LONG_EN: Record<ExclusionCode, string> = {
  other_year: 'of another year',
  edited: 'edited after the evaluation',
  unstamped: 'not evaluated (no evaluation stamp)',
  other_version: 'evaluated with another version of the criteria pack',
};

const vi: Messages = {
  statusLabel: (s) => statusLabel('vi', s),
  consolidate: {
    missing: 'Thiếu tệp hoặc thư mục cần tổng hợp (ví dụ: tieuchi consolidate bao-cao/)',
    progress: (d: number, t: number) => `Đã đọc ${d}/${t} tệp (${Math.floor((d / t) * 100)}%)`,
    head: ['Loại', 'Năm', 'Kết luận', 'Đạt', 'Tính vào số liệu', 'Đơn vị (tệp)'],
    summary: (u: number, d: number, e: number) =>
      `${u} đơn vị; ${d} đơn vị có tệp trùng; ${e} tệp không đọc được.`,
    dup: (unit: string, kept: string, dropped: string[]) =>
      `Trùng đơn vị “${unit}”: giữ ${kept}; bỏ qua ${dropped.join(', ')}`,
    targets: 'Chỉ tiêu thi đua:',
    met: (m: boolean | null) => (m === null ? 'chưa có dữ liệu' : m ? 'Đạt' : 'Chưa đạt'),
    written: (f: string) => `Đã ghi bảng tổng hợp: ${f}`,
    badYear: (raw) => `--year cần một năm 4 chữ số (nhận “${raw}”)`,
    verdict: (code) => VERDICT_LABELS[code],
    counted: (excluded) => (excluded ? `không: ${EXCLUDED_VI[excluded]}` : 'có'),
    missingUnits: (n, of, units) =>
      `Chưa gửi bảng tính (${n}/${of} đơn vị trong danh sách): ${units || 'không có'}.`,
    noTargets: (planId) => `kế hoạch “${planId}” không đặt chỉ tiêu thi đua.`,
    noData: 'không có số liệu trong bảng tính',
    prior: (v) => `năm trước: ${v}`,
  },
  dossier: {
    notWorkbook: (f: string) =>
      `Không lập được hồ sơ từ "${f}": cần bảng tính đã kiểm tra (.xlsx) do "tieuchi check … --out" ghi`,
    notFrozen: (f: string) =>
      `Không lập được hồ sơ từ "${f}": kết luận đang tính theo ngày hôm nay (chưa có ngày tính đến cố định); hãy điền "Ngày đánh giá (tính đến)" hoặc chạy "tieuchi check ${f} --out ĐÃ-KIỂM-TRA.xlsx" rồi lập hồ sơ từ tệp đó`,
    noDir: (d: string) => `Không ghi được hồ sơ: thư mục "${d}" không tồn tại`,
    stampNote: (f: string, state: string) =>
      `Lưu ý: "${f}" — ${lowerFirst(state)}; hồ sơ lập theo số liệu hiện có trong bảng tính (chạy lại "tieuchi check" để cập nhật dấu đánh giá)`,
    written: (p: string) => `Đã ghi: ${p}`,
  },
  explain: {
    header: (n) => `Hướng dẫn khắc phục (${n} tiêu chí chưa đạt):`,
    reason: 'Lý do',
    evidence: 'Minh chứng',
    fix: 'Cách khắc phục',
    none: 'Bộ tiêu chí không có hướng dẫn cho tiêu chí này.',
    withJson: 'tieuchi: --explain in hướng dẫn kèm bảng kết quả, không dùng cùng --json',
  },
  badJobs: (raw, max) => `--jobs cần một số nguyên từ 1 đến ${max} (nhận được "${raw.slice(0, 20)}")`,
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
  moreProblems: (n) => `… và ${formatNumber(n, { maxFractionDigits: 0 })} vấn đề khác cùng loại`,
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
  help: CLI_HELP.vi,
};

const en: Messages = {
  statusLabel: (s) => statusLabel('en', s),
  consolidate: {
    missing: 'Missing files or folders to consolidate (e.g. tieuchi consolidate reports/)',
    progress: (d: number, t: number) => `Read ${d}/${t} files (${Math.floor((d / t) * 100)}%)`,
    head: ['Type', 'Year', 'Verdict', 'Met', 'Counted', 'Unit (file)'],
    summary: (u: number, d: number, e: number) => `${u} units; ${d} duplicated units; ${e} unreadable files.`,
    dup: (unit: string, kept: string, dropped: string[]) =>
      `Duplicate unit “${unit}”: kept ${kept}; skipped ${dropped.join(', ')}`,
    targets: 'Emulation targets:',
    met: (m: boolean | null) => (m === null ? 'no data' : m ? 'Met' : 'Not met'),
    written: (f: string) => `Summary written: ${f}`,
    badYear: (raw) => `--year needs a 4-digit year (got “${raw}”)`,
    verdict: (code) => VERDICT_LABELS_EN[code],
    counted: (excluded) => (excluded ? `no: ${EXCLUDED_EN[excluded]}` : 'yes'),
    missingUnits: (n, of, units) => `No workbook sent (${n}/${of} units of the roster): ${units || 'none'}.`,
    noTargets: (planId) => `plan “${planId}” sets no emulation targets.`,
    noData: 'no data in the workbooks',
    prior: (v) => `last year: ${v}`,
    excluded: (x) =>
      x.count
        ? `${x.count} ${x.count === 1 ? 'workbook' : 'workbooks'} not counted in the figures: ${x.reasons.map((r) => `${r.count} ${EXCLUDED_LONG_EN[r.code]}`).join(', ')}.`
        : 'Every workbook is counted in the figures (evaluation stamps match, year of the consolidation).',
  },
  dossier: {
    notWorkbook: (f: string) =>
      `Cannot build the dossier from "${f}": a checked workbook (.xlsx) written by "tieuchi check … --out" is needed`,
    notFrozen: (f: string) =>
      `Cannot build the dossier from "${f}": its verdict follows today's date (no frozen as-of date); fill "Ngày đánh giá (tính đến)" or run "tieuchi check ${f} --out CHECKED.xlsx" and use that file`,
    noDir: (d: string) => `Cannot write the dossier: folder "${d}" does not exist`,
    stampNote: (f: string, state: string) =>
      `Note: "${f}" — ${lowerFirst(state)}; the dossier follows the values now in the workbook (run "tieuchi check" again to renew the stamp)`,
    written: (p: string) => `Written: ${p}`,
  },
  explain: {
    header: (n) => `How to fix (${n} criteria not met):`,
    reason: 'Reason',
    evidence: 'Evidence',
    fix: 'How to fix',
    none: 'The criteria pack has no guidance for this criterion.',
    withJson: 'tieuchi: --explain adds guidance to the table output; it cannot be combined with --json',
  },
  badJobs: (raw, max) => `--jobs needs a whole number from 1 to ${max} (got "${raw.slice(0, 20)}")`,

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
  packInvalid: (f, n) => `"${f}" is not valid (${n} ${n === 1 ? 'problem' : 'problems'}):`,
  demoWriting: (d) => `Writing sample data to: ${d}`,
  demoFile: (k, p) => (k === 'xlsx' ? `  workbook: ${p}` : `  answers (JSON): ${p}`),
  demoChecking: (p) => `Checking workbook ${p}`,
  demoDone: (d) =>
    `Done. Open the workbooks in "${d}" with Excel, LibreOffice or WPS to review and edit them.\n` +
    `Try next:\n` +
    `  tieuchi check ${d}/tieu-chi-xa-mau.json --as-of 2026-12-31 --lang en   (evaluate at year end)\n` +
    `  tieuchi check ${d}/tieu-chi-coquan-mau.xlsx --json                   (JSON result)`,
  unexpected: (r) => `tieuchi: unexpected error: ${r}`,
  help: CLI_HELP.en,
};

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : vi;
}
