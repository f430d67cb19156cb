/**
 * The problems a pack or plan file's validation finds (the shape check's, the cross-field checks',
 * each requirement kind's, the plan's date rules), each a key with its Vietnamese and English text
 * and the same `{params}` (./texts.ts). The Vietnamese text is a PackIssue's `message`; the faces
 * say an issue in their language with `issueLine`.
 */
import { textOf, type TextArgs, type TextLang, type TextMsg } from './texts';

const ISSUES = {
  // zod's own problems (the shape check)
  'zod.missing': ['thiếu trường bắt buộc (cần {want})', 'a required field is missing ({want} expected)'],
  'zod.type': ['sai kiểu: cần {want}, nhận được {got}', 'wrong type: {want} expected, got {got}'],
  'zod.value': [
    'giá trị không hợp lệ: cần {want}, nhận được {got}',
    'invalid value: {want} expected, got {got}',
  ],
  'zod.empty': ['không được để trống', 'must not be empty'],
  'zod.minChars': ['cần ít nhất {min} ký tự', 'too short (at least {min} characters)'],
  'zod.minItems': ['cần ít nhất {min} phần tử', 'too few items (at least {min})'],
  'zod.greater': ['phải lớn hơn {min}', 'must be greater than {min}'],
  'zod.atLeast': ['phải lớn hơn hoặc bằng {min}', 'must be greater than or equal to {min}'],
  'zod.maxChars': ['tối đa {max} ký tự', 'at most {max} characters'],
  'zod.maxItems': ['tối đa {max} phần tử', 'at most {max} items'],
  'zod.less': ['phải nhỏ hơn {max}', 'must be less than {max}'],
  'zod.atMost': ['phải nhỏ hơn hoặc bằng {max}', 'must be less than or equal to {max}'],
  'zod.format': ['sai định dạng', 'wrong format'],
  'zod.multipleOf': ['phải là bội số của {divisor}', 'must be a multiple of {divisor}'],
  'zod.unknownKeys': ['trường không được hỗ trợ: {keys}', 'unsupported fields: {keys}'],
  'zod.unknownKey': ['trường “{key}” không được hỗ trợ', 'the field “{key}” is not supported'],
  'zod.discriminator': [
    'giá trị “{field}” không hợp lệ; cần một trong: {options}',
    'invalid “{field}” value; expected one of: {options}',
  ],
  'zod.badKey': ['khóa không hợp lệ', 'invalid key'],
  'zod.badElement': ['phần tử không hợp lệ', 'invalid element'],
  'zod.invalid': ['giá trị không hợp lệ', 'invalid value'],
  /** a schema message with no key (the schemas word theirs with schemaText; test/cli/langIssues.test.ts) */
  'zod.other': ['{text}', '{text}'],

  // the kinds of value zod expects, and what it got
  'type.string': ['chuỗi văn bản', 'text (a string)'],
  'type.number': ['số', 'a number'],
  'type.int': ['số nguyên', 'a whole number'],
  'type.boolean': ['giá trị true/false', 'a true/false value'],
  'type.array': ['danh sách (mảng)', 'a list (array)'],
  'type.object': ['đối tượng', 'an object'],
  'type.objectParam': ['đối tượng { "param": "tên tham số" }', 'an object { "param": "parameter name" }'],
  'type.null': ['null', 'null'],
  'type.undefined': ['không có giá trị', 'no value'],
  'type.any': ['một kiểu được phép', 'an allowed type'],
  'type.trueFalse': ['true/false', 'true/false'],
  'value.string': ['chuỗi “{text}”', 'the text “{text}”'],
  'value.number': ['số {n}', 'the number {n}'],
  'value.infinite': ['số không hữu hạn', 'a number that is not finite'],
  'value.boolean': ['giá trị {v}', 'the value {v}'],

  // the messages the pack and plan schemas give (their own wording)
  'schema.id': [
    'mã chỉ được gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ, tối đa 64 ký tự',
    'an id may contain only unaccented lowercase letters, digits and underscores, must start with a letter and be at most 64 characters long',
  ],
  'schema.idCellRef': [
    'mã trùng dạng địa chỉ ô (ví dụ A1), Excel không chấp nhận làm tên',
    'the id looks like a cell address (e.g. A1), which Excel does not accept as a name',
  ],
  'schema.dayMonth': ['ngày phải có dạng DD/MM, ví dụ 31/03', 'a day must be written DD/MM, e.g. 31/03'],
  'schema.spaces': [
    'không được có khoảng trắng thừa hoặc xuống dòng',
    'no extra spaces or line breaks are allowed',
  ],
  'schema.criterionId': ['mã tiêu chí phải có dạng TC1, TC2…', 'a criterion id must be written TC1, TC2…'],
  'schema.groupId': ['mã nhóm phải có dạng g1, g2…', 'a group id must be written g1, g2…'],
  'schema.version': ['phiên bản phải có dạng 1.0 hoặc 1.0.0', 'a version must be written 1.0 or 1.0.0'],
  'schema.maxScales': ['tối đa {max} thang đánh giá', 'at most {max} rating scales'],
  'schema.maxParameters': ['tối đa {max} tham số', 'at most {max} parameters'],
  'schema.planId': [
    'mã kế hoạch chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang',
    'a plan id may contain only unaccented lowercase letters, digits and hyphens',
  ],
  'schema.targetId': [
    'mã chỉ tiêu chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ',
    'a target id may contain only unaccented lowercase letters, digits and underscores, and must start with a letter',
  ],
  'schema.targetSource': [
    'chỉ tiêu phải đọc đúng một nguồn: một trường (field + anyOf/atLeast), kết luận (verdict) hoặc noData',
    'a target must read exactly one source: a field (field + anyOf/atLeast), the verdict (verdict) or noData',
  ],

  // indicator types and the nouns the checks name
  'ind.text': ['văn bản (text)', 'text'],
  'ind.bool': ['Có/Không (bool)', 'Yes/No (bool)'],
  'ind.count': ['số đếm (count)', 'count'],
  'ind.date': ['ngày (date)', 'date'],
  'ind.choice': ['lựa chọn (choice)', 'choice'],
  'what.applicability': ['điều kiện áp dụng', 'the applicability condition'],
  'what.prerequisite': ['điều kiện lựa chọn', 'the selection condition'],
  'what.kind': ['yêu cầu loại {kind}', 'a requirement of kind {kind}'],
  'what.threshold': ['ngưỡng số người', 'the people threshold'],
  'what.people': ['số người phải giảm', 'the number of people to reduce by'],
  'what.min': ['ngưỡng tối thiểu', 'the minimum'],
  'what.max': ['ngưỡng tối đa', 'the maximum'],
  'what.unitName': ['tên đơn vị', 'the unit name'],
  'what.unitType': ['loại đơn vị', 'the unit type'],
  'what.year': ['năm đánh giá', 'the evaluation year'],
  'what.asOf': ['ngày đánh giá', 'the evaluation date'],
  'day.noMonth': ['tháng {month} không tồn tại', 'month {month} does not exist'],
  'day.feb29': [
    'ngày 29/02 không có trong mọi năm; hãy dùng 28/02 hoặc 01/03',
    '29/02 is not in every year; use 28/02 or 01/03',
  ],
  'day.noDay': ['tháng {month} không có ngày {day}', 'month {month} has no day {day}'],

  // the pack's cross-field checks
  'pack.scaleLabelTwice': [
    'nhãn “{label}” bị trùng trong thang đo “{scale}”',
    'the label “{label}” is used twice in the scale “{scale}”',
  ],
  'pack.unitTypeTwice': ['loại đơn vị “{unit}” bị trùng', 'the unit type “{unit}” is listed twice'],
  'pack.idTwice': ['mã “{id}” bị trùng (đã dùng tại {at})', 'the id “{id}” is used twice (already at {at})'],
  'pack.idReservedName': [
    'mã không dùng được: “{id}” là tên dành riêng của bảng tính',
    'this id cannot be used: “{id}” is a name the workbook keeps for itself',
  ],
  'pack.idReserved': ['mã không dùng được: “{id}” {why}', 'this id cannot be used: “{id}” {why}'],
  'pack.choiceNoScale': [
    'chỉ tiêu kiểu choice phải khai báo thang đo (scale)',
    'an indicator of type choice must name its scale (scale)',
  ],
  'pack.scaleUnknown': ['thang đo “{scale}” không có trong scales', 'the scale “{scale}” is not in scales'],
  'pack.scaleNotChoice': [
    'chỉ kiểu choice mới có thang đo; chỉ tiêu này là {type}',
    'only the choice type has a scale; this indicator is of type {type}',
  ],
  'pack.minNotCount': [
    'min chỉ dùng cho kiểu count; chỉ tiêu này là {type}',
    'min is only for the count type; this indicator is of type {type}',
  ],
  'pack.maxNotCount': [
    'max chỉ dùng cho kiểu count; chỉ tiêu này là {type}',
    'max is only for the count type; this indicator is of type {type}',
  ],
  'pack.minAboveMax': ['min ({min}) lớn hơn max ({max})', 'min ({min}) is greater than max ({max})'],
  'pack.countNegative': ['số đếm không thể âm: min phải ≥ 0', 'a count cannot be negative: min must be ≥ 0'],
  'pack.tooManyCriteria': [
    'gói có {total} tiêu chí; tối đa {max} (giới hạn độ dài công thức của Excel)',
    "the pack has {total} criteria; at most {max} (the length limit of Excel's formulas)",
  ],
  'pack.groupNumber': [
    'nhóm phải được đánh số liên tiếp từ 1: cần {want}, đang là {got}',
    'groups must be numbered in sequence from 1: {want} expected, it is {got}',
  ],
  'pack.groupIdNumber': [
    'mã nhóm “{id}” không khớp số thứ tự {number} (cần “g{number}”)',
    'the group id “{id}” does not match its number {number} (“g{number}” expected)',
  ],
  'pack.groupIdTwice': [
    'mã nhóm “{id}” bị trùng (đã dùng tại {at})',
    'the group id “{id}” is used twice (already at {at})',
  ],
  'pack.criterionNumber': [
    'tiêu chí phải được đánh số liên tiếp từ 1 qua các nhóm: cần {want}, đang là {got}',
    'criteria must be numbered in sequence from 1 across the groups: {want} expected, it is {got}',
  ],
  'pack.criterionIdNumber': [
    'mã tiêu chí “{id}” không khớp số thứ tự {number} (cần “TC{number}”)',
    'the criterion id “{id}” does not match its number {number} (“TC{number}” expected)',
  ],
  'pack.profileMissing': [
    'thiếu trường hồ sơ bắt buộc “{id}” ({what}, kiểu {type})',
    'the required profile field “{id}” is missing ({what}, type {type})',
  ],
  'pack.profileType': [
    'trường “{id}” phải có kiểu {want}, đang là {got}',
    'the field “{id}” must be of type {want}; it is of type {got}',
  ],
  'pack.unitTypeScale': [
    'trường “{id}” phải dùng thang đo “{id}”, đang là “{scale}”',
    'the field “{id}” must use the scale “{id}”; it uses “{scale}”',
  ],
  'pack.unitTypeScaleMissing': [
    'thiếu thang đo “{id}” (danh sách loại đơn vị, trùng với unitTypes)',
    'the scale “{id}” is missing (the list of unit types, the same as unitTypes)',
  ],
  'pack.unitTypeScaleMismatch': [
    'thang đo “{id}” phải trùng khớp (cả thứ tự) với unitTypes',
    'the scale “{id}” must match unitTypes exactly (in the same order)',
  ],
  'pack.indicatorUnknown': [
    'chỉ tiêu “{id}” không tồn tại trong gói',
    'the indicator “{id}” does not exist in the pack',
  ],
  'pack.refType': [
    '{what} cần chỉ tiêu kiểu {want}; “{id}” là {got}',
    '{what} needs an indicator of type {want}; “{id}” is of type {got}',
  ],
  'pack.paramUnknown': [
    'tham số “{name}” không có trong parameters',
    'the parameter “{name}” is not in parameters',
  ],
  'pack.paramType': [
    'tham số “{name}” phải là {want}, đang là {got}',
    'the parameter “{name}” must be {want}; it is {got}',
  ],
  'pack.percent': [
    'tỷ lệ phần trăm phải lớn hơn 0 và không quá 100, đang là {value}',
    'a percentage must be greater than 0 and at most 100; it is {value}',
  ],
  'pack.nonNegativeInt': [
    '{what} phải là số nguyên không âm, đang là {value}',
    '{what} must be a non-negative whole number; it is {value}',
  ],
  'pack.nonNegative': [
    '{what} phải là số không âm, đang là {value}',
    '{what} must be a non-negative number; it is {value}',
  ],
  'pack.badDay': ['ngày “{day}” không hợp lệ: {why}', 'the day “{day}” is not valid: {why}'],
  'pack.notALabel': [
    '“{value}” không phải giá trị của “{id}”; cần một trong: {labels}',
    '“{value}” is not a value of “{id}”; expected one of: {labels}',
  ],
  'pack.unread': [
    'chỉ tiêu “{id}” không được yêu cầu nào của gói sử dụng (thiếu quy tắc đánh giá)',
    'no requirement of the pack uses the indicator “{id}” (a scoring rule is missing)',
  ],
  'pack.prerequisiteSource': [
    'điều kiện lựa chọn cần “anyOf” hoặc “atLeast”',
    'a selection condition needs “anyOf” or “atLeast”',
  ],
  'pack.atLeastNotChoice': [
    '“atLeast” chỉ dùng cho chỉ tiêu kiểu lựa chọn; “{id}” là {type}',
    '“atLeast” is only for indicators of type choice; “{id}” is of type {type}',
  ],
  'pack.notInScale': [
    '“{label}” không có trong thang đo “{scale}”; cần một trong: {labels}',
    '“{label}” is not in the scale “{scale}”; expected one of: {labels}',
  ],
  'pack.priorTwice': [
    '“{id}” đã được lấy từ năm trước tại {at}',
    '“{id}” is already carried over from last year at {at}',
  ],
  'pack.priorTypes': [
    '“{from}” ({fromType}) và “{to}” ({toType}) khác kiểu',
    '“{from}” ({fromType}) and “{to}” ({toType}) are of different types',
  ],
  'pack.priorScales': [
    '“{from}” và “{to}” dùng hai thang đo khác nhau',
    '“{from}” and “{to}” use two different scales',
  ],
  'pack.invalid': ['gói tiêu chí không hợp lệ', 'the criteria pack is not valid'],
  'pack.unreadable': ['không đọc được gói tiêu chí: {why}', 'the criteria pack cannot be read: {why}'],
  'pack.fileUnreadable': ['Không đọc được tệp "{file}": {why}', 'Cannot read file "{file}": {why}'],
  'pack.notChecked': ['Không kiểm tra được bộ tiêu chí: {why}', 'The criteria pack cannot be checked: {why}'],

  // the requirement kinds' own checks (src/kinds)
  'kind.stateNoDue': [
    'yêu cầu timing “state” không có hạn (due)',
    'a requirement with timing “state” cannot have a deadline (due); remove it',
  ],
  'kind.fromAfterTo': [
    'ngày bắt đầu “{from}” sau ngày kết thúc “{to}”',
    'the start day “{from}” is after the end day “{to}”',
  ],

  // the pane's line for a file with problems (the CLI's is its own: src/i18n/cli.ts packInvalid)
  'file.invalid': ['{name} không hợp lệ ({n} lỗi): {list}', '{name} is not valid (problems: {n}): {list}'],
  'file.invalidMore': [
    '{name} không hợp lệ ({n} lỗi): {list} (và {more} lỗi khác)',
    '{name} is not valid (problems: {n}): {list} (and {more} more)',
  ],

  // the plan's rules
  'plan.endBeforeStart': ['ngày kết thúc kỳ phải sau ngày bắt đầu', 'the period must end after it starts'],
  'plan.periodLong': ['kỳ đánh giá dài hơn một năm', 'the evaluation period is longer than a year'],
  'plan.periodShort': ['kỳ đánh giá ngắn hơn một tháng', 'the evaluation period is shorter than a month'],
  'plan.endYear': [
    'kỳ đánh giá phải kết thúc trong năm đánh giá (yearOffset 0)',
    'the evaluation period must end in the evaluation year (yearOffset 0)',
  ],
  'plan.reviewBeforeEnd': [
    'ngày họp xét (tổng kết) không được trước ngày kết thúc kỳ',
    'the review meeting cannot be before the period ends',
  ],
  'plan.dossierBeforeReview': [
    'hạn gửi hồ sơ không được trước ngày họp xét',
    'the dossier deadline cannot be before the review meeting',
  ],
  'plan.midYearOutside': [
    'ngày sơ kết 6 tháng phải nằm trong kỳ đánh giá',
    'the mid-year review must fall within the evaluation period',
  ],
  'plan.packNotCovered': [
    'kế hoạch không áp dụng cho bộ tiêu chí “{pack}”',
    'the plan does not apply to the criteria pack “{pack}”',
  ],
  'plan.noSigner': [
    'thiếu người ký tờ trình cho bộ tiêu chí “{pack}”',
    'the signer of the submission for the criteria pack “{pack}” is missing',
  ],
  'plan.noProposer': [
    'thiếu cơ quan đề nghị cho bộ tiêu chí “{pack}”',
    'the proposing body for the criteria pack “{pack}” is missing',
  ],
  'plan.invalid': ['kế hoạch không hợp lệ', 'the plan is not valid'],
  'plan.unreadable': ['không đọc được kế hoạch: {why}', 'the plan cannot be read: {why}'],
} as const;

export type IssueKey = keyof typeof ISSUES;

/** Every issue with its texts (tests check each pair; the validators use keys). */
export const ISSUE_TEXTS: Readonly<Record<IssueKey, readonly [vi: string, en: string]>> = ISSUES;

/** A problem as a key and its values (plain data), said in either language. */
export type IssueMsg = TextMsg<IssueKey>;

/** A key and, when its text has placeholders, exactly their values. */
export type IssueArgs = TextArgs<typeof ISSUES>;

/** The problem named by a key and its values (see IssueArgs). */
export function issueMsg(...args: IssueArgs): IssueMsg {
  return args.length === 1 ? { key: args[0] } : { key: args[0], params: args[1] };
}

/** A message of a schema, in Vietnamese (the validators find its key again by this text). */
export function schemaText(...args: IssueArgs): string {
  return issueText('vi', issueMsg(...args));
}

/** The problem in `lang`. */
export function issueText(lang: TextLang, msg: IssueMsg): string {
  return textOf(ISSUES, lang, msg);
}

/** Path shown for a problem with the whole document (PackIssue.path keeps the Vietnamese). */
export const ROOT_PATH = '(gốc)';
const ROOT_PATH_EN = '(root)';

/** A problem with its place in the file, the key and values, and the Vietnamese text. */
export interface PackIssue extends IssueMsg {
  /** Where in the pack, e.g. `groups[0].criteria[2].requirements[1].indicator`; `(gốc)` for the root. */
  path: string;
  /** Vietnamese explanation. */
  message: string;
}

/** The issue at `path` named by a key and its values, with its Vietnamese text. */
export function packIssue(path: string, ...args: IssueArgs): PackIssue {
  const msg = issueMsg(...args);
  return { path, ...msg, message: issueText('vi', msg) };
}

/** One issue as `path: message` in `lang`. */
export function issueLine(lang: TextLang, i: PackIssue): string {
  if (lang === 'vi') return `${i.path}: ${i.message}`;
  return `${i.path === ROOT_PATH ? ROOT_PATH_EN : i.path}: ${issueText(lang, i)}`;
}
