/**
 * Reasons a workbook is refused once it unpacks (src/io/xlsx.ts, sheetCells.ts, rosterXlsx.ts), is
 * not a criteria workbook one can score (record, input cells, plan), or could not be read by the
 * consolidation's readers: [Vietnamese, English].
 */
export const WORKBOOK_REASONS = {
  'xlsx.invalid': ['không phải bảng tính Excel (.xlsx) hợp lệ', 'not a valid Excel workbook (.xlsx)'],
  'xlsx.noSheets': ['bảng tính không có trang tính nào', 'the workbook has no worksheet'],
  'xlsx.firstSheetMissing': [
    'tệp hỏng — không tìm thấy dữ liệu của trang tính đầu tiên',
    'broken file — the data of the first worksheet is not found',
  ],
  'xlsx.sameSheetNames': [
    'có hai trang tính cùng tên “{sheet}” — tệp đã bị sửa',
    'two worksheets are named “{sheet}” — the file was altered',
  ],
  'xlsx.nameTwice': [
    'tên ô “{name}” được khai báo hai lần — tệp đã bị sửa, không rõ dùng ô nào',
    'cell name “{name}” is declared twice — the file was altered; which cell to use is unclear',
  ],
  'xlsx.sheetMissing': [
    'tệp hỏng — không tìm thấy dữ liệu của trang tính "{sheet}"',
    'broken file — the data of worksheet "{sheet}" is not found',
  ],
  'xlsx.docx': [
    'đây là tệp Word (.docx), không phải tệp Excel (.xlsx)',
    'this is a Word file (.docx), not an Excel file (.xlsx)',
  ],
  'xlsx.pptx': [
    'đây là tệp PowerPoint (.pptx), không phải tệp Excel (.xlsx)',
    'this is a PowerPoint file (.pptx), not an Excel file (.xlsx)',
  ],
  'xlsx.odf': [
    'đây là tệp OpenDocument (.ods/.odt); hãy lưu lại dưới dạng Excel (.xlsx)',
    'this is an OpenDocument file (.ods/.odt); save it as Excel (.xlsx)',
  ],
  'xlsx.noWorkbook': [
    'tệp nén không chứa sổ tính Excel (thiếu xl/workbook.xml) — không phải tệp .xlsx',
    'the zip file holds no Excel workbook (xl/workbook.xml is missing) — not an .xlsx file',
  ],
  'xlsx.partMissing': ['thiếu phần "{path}"', 'part "{path}" is missing'],
  'xlsx.notWorkbook': ['phần "{path}" không phải sổ tính Excel', 'part "{path}" is not an Excel workbook'],
  'xlsx.sheetPartMissing': [
    'tệp hỏng — thiếu phần "{path}" của trang tính "{sheet}"',
    'broken file — part "{path}" of worksheet "{sheet}" is missing',
  ],
  'xlsx.inSheet': ['trang tính "{sheet}" {why}', 'worksheet "{sheet}": {why}'],
  'xlsx.longCell': [
    'có ô {cell} dài {length} ký tự, quá giới hạn {max} ký tự của Excel',
    'cell {cell} is {length} characters long, over the Excel limit of {max} characters',
  ],
  'sheet.badRow': ['có dòng số "{row}" không hợp lệ', 'invalid row number "{row}"'],
  'sheet.badCell': ['có ô địa chỉ "{cell}" không hợp lệ', 'invalid cell address "{cell}"'],
  'sheet.twoData': [
    'có hai vùng dữ liệu <sheetData> — tệp đã bị sửa',
    'two <sheetData> areas — the file was altered',
  ],
  'sheet.strangeInData': [
    'có thẻ <{tag}> lạ trong vùng dữ liệu',
    'an unexpected tag <{tag}> in the data area',
  ],
  'sheet.strangeInRow': ['có thẻ <{tag}> lạ trong một dòng', 'an unexpected tag <{tag}> in a row'],
  'sheet.cellInRow': ['có ô {cell} nằm trong dòng {row}', 'cell {cell} lies in row {row}'],
  'sheet.cellTwice': [
    'có ô {cell} xuất hiện hai lần — tệp đã bị sửa',
    'cell {cell} appears twice — the file was altered',
  ],
  'sheet.tagInValue': [
    'có thẻ <{tag}> nằm trong giá trị của ô {cell}',
    'tag <{tag}> inside the value of cell {cell}',
  ],

  noIndicatorCells: [
    'bảng tính không có ô nào mang tên chỉ số của bộ tiêu chí "{pack}"',
    'the workbook has no cell named after an indicator of criteria pack "{pack}"',
  ],
  'record.noPackCell': [
    'không phải bảng tính Tiêu chí (không có ô “{name}” cho biết bộ tiêu chí)',
    'not a criteria workbook (no cell “{name}” naming the criteria pack)',
  ],
  'record.unknownPack': [
    'bộ tiêu chí “{pack}” không có trong chương trình (có: {known})',
    'criteria pack “{pack}” is not available (available: {known})',
  ],
  'record.unknownPackShort': [
    'bộ tiêu chí "{pack}" không có trong chương trình',
    'criteria pack "{pack}" is not available',
  ],
  'record.otherPack': [
    'là bảng tính của bộ tiêu chí "{pack}", không phải "{want}"',
    'it is a workbook of criteria pack "{pack}", not "{want}"',
  ],
  'record.unknownPlan': [
    'bảng tính được lập theo kế hoạch “{plan}” phiên bản {version}, không có sẵn (có: {known}); cần tệp kế hoạch đó (--plan TỆP.json)',
    'the workbook was made under plan “{plan}” version {version}, which is not available (available: {known}); that plan file is needed (--plan FILE.json)',
  ],
  'cells.deleted': [
    'ô nhập của chỉ số {cells} đã bị xóa (tên ô trỏ tới #REF!, có thể do xóa dòng) — hãy lấy lại bảng tính mẫu hoặc khôi phục dòng đã xóa',
    'the input cells of indicators {cells} were deleted (the cell names point to #REF!, perhaps a deleted row) — get a fresh template or restore the deleted rows',
  ],
  'cells.formula': [
    'ô nhập {cells} chứa công thức ({why}) — cần mở bằng Excel/LibreOffice và lưu lại',
    'input cells {cells} hold formulas ({why}) — open the workbook in Excel/LibreOffice and save it again',
  ],
  'cells.recalc': [
    'bảng tính yêu cầu tính lại khi mở nên giá trị đã lưu chưa chắc đúng',
    'the workbook asks to be recalculated when opened, so the saved values may be wrong',
  ],
  'cells.noCache': ['công thức chưa có giá trị đã tính', 'the formulas have no computed value yet'],
  'cells.more': ['{shown} và {more} ô khác', '{shown} and {more} more'],

  'reader.timeout': [
    'quá thời gian đọc (tối đa {seconds} giây); đã dừng đọc tệp này',
    'reading took too long (at most {seconds} seconds); reading this file was stopped',
  ],
  'reader.crashed': ['bộ đọc tệp gặp sự cố và đã dừng', 'the file reader failed and stopped'],
  'reader.crashedWhy': [
    'bộ đọc tệp gặp sự cố và đã dừng ({detail})',
    'the file reader failed and stopped ({detail})',
  ],
  'reader.badReply': [
    'bộ đọc tệp trả về dữ liệu không đọc được',
    'the file reader answered with data that cannot be read',
  ],
  'reader.outOfMemory': [
    'tệp cần quá nhiều bộ nhớ để đọc (có thể là tệp độc hại hoặc bị hỏng)',
    'the file needs too much memory to read (it may be hostile or broken)',
  ],
  'reader.error': ['lỗi khi đọc tệp ({detail})', 'error while reading the file ({detail})'],
  'reader.exit': [
    'trình đọc tệp dừng bất thường (mã {code})',
    'the file reader stopped abnormally (code {code})',
  ],
  'reader.noStart': [
    'không khởi động được trình đọc ({detail})',
    'the file reader could not start ({detail})',
  ],
  // no worker could be started at all: the whole batch stops (ReaderStartError, not one file's reason)
  'reader.startFailed': ['Không khởi động được bộ đọc tệp ({why}).', 'The file reader cannot start ({why}).'],
  'reader.startTimeout': ['quá {seconds} giây', 'more than {seconds} s'],
  'reader.loadError': ['lỗi khi tải', 'a loading error'],
} as const satisfies Record<string, readonly [string, string]>;
