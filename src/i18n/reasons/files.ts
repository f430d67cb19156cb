/**
 * Reasons a file is refused before or around its content: the file system, size, time, kinds of
 * files, JSON text and the JSON files (answers, last year's summary), rosters. Each key is
 * [Vietnamese, English] with the same `{params}` (test/i18n/inputReasons.test.ts checks it).
 */
export const FILE_REASONS = {
  'fs.ENOENT': ['không tìm thấy tệp', 'file not found'],
  'fs.ENOTDIR': [
    'đường dẫn không đúng (một phần của đường dẫn không phải thư mục)',
    'wrong path (a part of the path is not a folder)',
  ],
  'fs.EISDIR': ['đây là một thư mục, không phải tệp', 'this is a folder, not a file'],
  'fs.EACCES': ['không có quyền đọc tệp', 'no permission to read the file'],
  'fs.EPERM': ['không có quyền đọc tệp', 'no permission to read the file'],
  'fs.EBUSY': ['tệp đang bị chương trình khác khóa', 'the file is locked by another program'],
  'fs.EMFILE': ['quá nhiều tệp đang mở cùng lúc', 'too many files open at once'],
  'fs.ENFILE': ['quá nhiều tệp đang mở cùng lúc', 'too many files open at once'],
  'fs.ENAMETOOLONG': ['tên tệp quá dài', 'the file name is too long'],
  'fs.ELOOP': ['đường dẫn có vòng liên kết', 'the path has a link loop'],
  'fs.EIO': ['lỗi đọc đĩa', 'disk read error'],
  tooLarge: [
    'tệp quá lớn hoặc cấu trúc bất thường, không xử lý được',
    'the file is too large or oddly built; it cannot be processed',
  ],
  unexpected: ['lỗi không mong đợi', 'unexpected error'],
  unexpectedDetail: ['lỗi không mong đợi ({detail})', 'unexpected error ({detail})'],

  'file.empty': ['tệp rỗng (0 byte)', 'the file is empty (0 bytes)'],
  'file.tooBig': ['tệp quá lớn ({size}; tối đa {max})', 'the file is too large ({size}; at most {max})'],
  'file.tooBigMax': ['tệp quá lớn (tối đa {max})', 'the file is too large (at most {max})'],
  'file.timeout': [
    'đọc tệp quá thời gian cho phép ({seconds} giây)',
    'reading the file took longer than allowed ({seconds} seconds)',
  ],
  'file.notRegular': ['đây là {kind}, không phải tệp', 'this is {kind}, not a file'],
  'file.linkToNotRegular': [
    'là liên kết tượng trưng tới {kind}, không phải tới một tệp',
    'it is a symbolic link to {kind}, not to a file',
  ],
  'kind.folder': ['một thư mục', 'a folder'],
  'kind.fifo': ['một đường ống (FIFO)', 'a pipe (FIFO)'],
  'kind.socket': ['một socket', 'a socket'],
  'kind.device': ['một thiết bị', 'a device'],
  'kind.other': ['một mục không phải tệp', 'an entry that is not a file'],
  'file.special': [
    'không phải tệp thông thường (đường ống, thiết bị hoặc socket)',
    'not a regular file (a pipe, a device or a socket)',
  ],
  'file.notRegularShort': ['không phải tệp thông thường', 'not a regular file'],
  'folder.denied': [
    'không có quyền đọc thư mục này (các tệp khác vẫn được đọc)',
    'no permission to read this folder (the other files are still read)',
  ],
  'folder.link': [
    'là liên kết tượng trưng tới một thư mục — không đọc theo; hãy chỉ rõ thư mục đó',
    'it is a symbolic link to a folder — not followed; name that folder itself',
  ],

  'format.csv': [
    'tệp CSV không chứa các ô có tên của bảng tính Tiêu chí; hãy dùng bảng tính .xlsx (tieuchi template) hoặc tệp trả lời .json',
    'a CSV file holds none of the named cells of a criteria workbook; use an .xlsx workbook (tieuchi template) or an answers .json file',
  ],
  'format.ods': [
    'đây là tệp OpenDocument (.ods); hãy mở bằng LibreOffice và lưu lại dưới dạng Excel (.xlsx)',
    'this is an OpenDocument file (.ods); open it in LibreOffice and save it as Excel (.xlsx)',
  ],
  'format.xls': [
    'đây là tệp Excel 97-2003 (.xls); hãy mở bằng Excel và lưu lại dưới dạng .xlsx',
    'this is an Excel 97-2003 file (.xls); open it in Excel and save it as .xlsx',
  ],
  'format.xlsb': [
    'đây là tệp Excel nhị phân (.xlsb); hãy mở bằng Excel và lưu lại dưới dạng .xlsx',
    'this is a binary Excel file (.xlsb); open it in Excel and save it as .xlsx',
  ],
  'format.xltx': [
    'đây là tệp mẫu Excel (.xltx); hãy mở, điền số liệu và lưu lại dưới dạng .xlsx',
    'this is an Excel template (.xltx); open it, fill it in and save it as .xlsx',
  ],
  'format.numbers': [
    'đây là tệp Numbers (.numbers); hãy xuất ra dạng Excel (.xlsx)',
    'this is a Numbers file (.numbers); export it as Excel (.xlsx)',
  ],

  'json.utf16': [
    'tệp JSON được lưu theo mã UTF-16; hãy lưu lại theo mã UTF-8',
    'the JSON file is saved as UTF-16; save it again as UTF-8',
  ],
  'json.notUtf8': [
    'tệp không phải văn bản UTF-8 (có thể không phải tệp JSON)',
    'the file is not UTF-8 text (perhaps not a JSON file)',
  ],
  'json.syntax': [
    'JSON không hợp lệ ở dòng {line}, cột {column}: {problem}',
    'invalid JSON at line {line}, column {column}: {problem}',
  ],
  'json.trailing': [
    'có nội dung thừa sau giá trị JSON ({found})',
    'extra content after the JSON value ({found})',
  ],
  'json.colon': [
    'thiếu dấu hai chấm “:” sau tên trường (gặp {found})',
    'a colon “:” is missing after a field name (found {found})',
  ],
  'json.unclosed': [
    'thiếu dấu đóng {close} (tệp kết thúc giữa chừng)',
    'a closing {close} is missing (the file ends midway)',
  ],
  'json.noData': ['tệp không có dữ liệu JSON', 'the file holds no JSON data'],
  'json.commaOrClose': [
    'thiếu dấu phẩy “,” hoặc dấu đóng {close} (gặp {found})',
    'a comma “,” or a closing {close} is missing (found {found})',
  ],
  'json.commaBeforeBrace': ['dấu phẩy thừa trước “}”', 'an extra comma before “}”'],
  'json.commaBeforeBracket': ['dấu phẩy thừa trước “]”', 'an extra comma before “]”'],
  'json.keyQuotes': [
    'tên trường phải nằm trong dấu ngoặc kép (gặp {found})',
    'a field name must be in double quotes (found {found})',
  ],
  'json.tooDeep': [
    'dữ liệu lồng nhau quá sâu (tối đa {max} cấp)',
    'the data is nested too deeply (at most {max} levels)',
  ],
  'json.singleQuote': [
    'chuỗi phải dùng dấu ngoặc kép " chứ không phải dấu nháy đơn',
    'strings take double quotes ", not single quotes',
  ],
  'json.valueExpected': ['cần một giá trị (gặp {found})', 'a value is expected (found {found})'],
  'json.badUnicode': ['mã \\u không hợp lệ trong chuỗi', 'an invalid \\u code in a string'],
  'json.badEscape': ['ký tự thoát (\\) không hợp lệ trong chuỗi', 'an invalid escape (\\) in a string'],
  'json.lineInString': [
    'chuỗi chưa đóng dấu ngoặc kép trước khi xuống dòng',
    'a string is not closed by a double quote before the line ends',
  ],
  'json.unclosedString': ['chuỗi chưa đóng dấu ngoặc kép', 'a string is not closed by a double quote'],
  'json.badNumber': ['số không hợp lệ', 'an invalid number'],
  'json.badFraction': [
    'số không hợp lệ (thiếu chữ số sau dấu chấm)',
    'an invalid number (no digit after the decimal point)',
  ],
  'json.badExponent': ['số mũ không hợp lệ', 'an invalid exponent'],
  'json.atEnd': ['hết tệp', 'the end of the file'],
  'json.atLineBreak': ['xuống dòng', 'a line break'],
  'json.atChar': ['ký tự “{char}”', 'the character “{char}”'],

  'json.notPackOrPlan': [
    'không phải tệp kế hoạch (có "period") hay bộ tiêu chí (có "groups")',
    'neither a plan file (with "period") nor a criteria pack (with "groups")',
  ],

  'answers.notObject': [
    'tệp trả lời phải là một đối tượng JSON dạng {"pack": "xa", "values": {…}}',
    'an answers file must be a JSON object like {"pack": "xa", "values": {…}}',
  ],
  'answers.noPack': [
    'thiếu trường "pack" (mã bộ tiêu chí, ví dụ "xa")',
    'the field "pack" is missing (the id of a criteria pack, e.g. "xa")',
  ],
  'answers.badPack': [
    'trường "pack" phải là mã bộ tiêu chí dạng chuỗi, ví dụ "xa"',
    'the field "pack" must be the id of a criteria pack as a string, e.g. "xa"',
  ],
  'answers.badValues': [
    'trường "values" phải là một đối tượng {"mã chỉ số": giá trị}',
    'the field "values" must be an object {"indicator id": value}',
  ],
  'answers.tooManyKeys': [
    'tệp trả lời có quá nhiều trường ({count}; tối đa {max}) — không phải tệp trả lời của bộ tiêu chí',
    'the answers file has too many fields ({count}; at most {max}) — not an answers file of a criteria pack',
  ],
  'answers.unknownPack': [
    'bộ tiêu chí "{pack}" không có sẵn (có sẵn: {known}); dùng --pack TỆP.json',
    'criteria pack "{pack}" is not available (available: {known}); use --pack FILE.json',
  ],
  // problems with some answers that do not stop the check (warnings, not reasons to refuse)
  'answers.otherPack': [
    'tệp khai báo bộ tiêu chí "{declared}" nhưng đang đánh giá theo bộ "{used}"',
    'the file declares the criteria pack "{declared}" but is evaluated with "{used}"',
  ],
  'answers.unusedField': [
    'trường "{field}" không được dùng (chỉ dùng "pack" và "values"), bỏ qua',
    'the field "{field}" is not used (only "pack" and "values" are); ignored',
  ],
  'answers.unknownIndicator': [
    'không có chỉ số "{id}" trong bộ tiêu chí "{pack}" (bỏ qua)',
    'the criteria pack "{pack}" has no indicator "{id}" (ignored)',
  ],
  'answers.badValue': [
    'giá trị của "{id}" phải là số, chuỗi, true/false hoặc null',
    'the value of "{id}" must be a number, a string, true/false or null',
  ],

  'prior.notJson': [
    'không phải kết quả “tieuchi consolidate --json” ({problem})',
    'not an output of “tieuchi consolidate --json” ({problem})',
  ],
  'prior.at': ['mục “{path}”: {problem}', 'at “{path}”: {problem}'],
  'prior.badShape': ['sai cấu trúc', 'wrong structure'],
  'prior.noTable': [
    'không phải bảng tổng hợp của “tieuchi consolidate” (không thấy tiêu đề “{heading}” của bảng đơn vị)',
    'not a summary of “tieuchi consolidate” (the heading “{heading}” of the table of units is not there)',
  ],
  'prior.columns': [
    'bảng tổng hợp thiếu cột (cần {columns})',
    'the summary lacks columns (it needs {columns})',
  ],

  'roster.kind': [
    'danh sách đơn vị phải là tệp .csv (UTF-8) hoặc .xlsx',
    'the list of units must be a .csv (UTF-8) or .xlsx file',
  ],
  'roster.twice': [
    'đơn vị “{unit}” có hai lần trong danh sách (dòng {first} và {second})',
    'unit “{unit}” is listed twice (lines {first} and {second})',
  ],
  'roster.empty': [
    'danh sách đơn vị không có dòng nào (tên đơn vị ở cột đầu tiên)',
    'the list of units has no rows (unit names in the first column)',
  ],
  'csv.utf16': [
    'tệp CSV được lưu theo mã UTF-16; hãy lưu lại theo mã UTF-8',
    'the CSV file is saved as UTF-16; save it again as UTF-8',
  ],
  'csv.notUtf8': [
    'tệp CSV không phải văn bản UTF-8; hãy lưu lại theo mã UTF-8 (CSV UTF-8)',
    'the CSV file is not UTF-8 text; save it again as UTF-8 (CSV UTF-8)',
  ],
} as const satisfies Record<string, readonly [string, string]>;
