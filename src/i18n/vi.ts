/** Vietnamese strings of the task pane (the default). Placeholders: {name}. */
export const vi = {
  'app.title': 'Tiêu chí',
  'app.subtitle': 'Điển hình phong trào toàn dân bảo vệ ANTQ (QĐ 9745/QĐ-BCA-V05)',
  'app.switchLanguage': 'English',
  'app.switchLanguageLabel': 'Switch the pane to English',
  'app.loading': 'Đang tải…',

  'unsupported.title': 'Phiên bản Excel này chưa chạy được ngăn Tiêu chí',
  'unsupported.body':
    'Ngăn Tiêu chí cần Excel 2021, Microsoft 365 hoặc Excel trên web (Excel for the web). Excel đang dùng chưa có các chức năng cần thiết (ExcelApi 1.7).',
  'unsupported.workbook':
    'Bảng tiêu chí vẫn tự chấm điểm trong mọi phiên bản Excel, LibreOffice hoặc WPS: lập bảng bằng lệnh “tieuchi template” (hoặc nhờ cán bộ phụ trách gửi tệp mẫu), nhập số liệu vào các ô nền vàng nhạt, cột Kết quả và ô Kết luận tự tính.',

  'insert.heading': 'Chèn bảng tiêu chí',
  'insert.pack': 'Bộ tiêu chí',
  'pack.xa': 'Xã, phường, thị trấn, đặc khu',
  'pack.coquan': 'Cơ quan, doanh nghiệp, cơ sở giáo dục',
  'pack.count': '{n} tiêu chí',
  'insert.plan': 'Kế hoạch áp dụng',
  'insert.planHint': 'Kỳ đánh giá, ngày họp xét và điều kiện lựa chọn theo kế hoạch của tỉnh',
  'insert.unitName': 'Tên đơn vị',
  'insert.unitNameHint': 'Có thể để trống và nhập sau trong bảng.',
  'insert.year': 'Năm đánh giá',
  'insert.yearInvalid': 'Năm đánh giá phải là số từ {min} đến {max}.',
  'insert.sheetName': 'Tên trang tính mới',
  'insert.sheetNameInvalid':
    'Tên trang tính không được để trống, tối đa 31 ký tự, không chứa : \\ / ? * [ ] và không trùng bảng đã có.',
  'insert.button': 'Chèn bảng tiêu chí',
  'insert.busy': 'Đang chèn bảng tiêu chí…',
  'insert.done': 'Đã chèn bảng “{sheet}”. Nhập số liệu vào các ô nền vàng nhạt; ngăn này tự cập nhật.',
  'insert.exists': 'Sổ làm việc đã có bảng tiêu chí “{sheet}”. Bảng có sẵn không bao giờ bị ghi đè.',
  'insert.open': 'Mở bảng',
  'insert.addAnother': 'Thêm bảng khác',
  'insert.cancel': 'Hủy',

  'summary.heading': 'Tóm tắt',
  'summary.sheet': 'Bảng đang xem',
  'summary.none': 'Sổ làm việc này chưa có bảng tiêu chí. Hãy chèn bảng ở trên.',
  'summary.verdict': 'Kết luận',
  'summary.passed': 'Đạt {passed}/{applicable} tiêu chí áp dụng',
  'summary.asOf': 'Tính đến ngày {date}',
  'summary.groups': 'Tiến độ theo nhóm',
  'summary.groupProgress': '{passed}/{applicable} đạt',
  'summary.filter': 'Lọc theo trạng thái',
  'summary.filterAll': 'Tất cả',
  'summary.list': 'Danh sách tiêu chí',
  'summary.empty': 'Không có tiêu chí nào ở trạng thái này.',
  'summary.goTo': 'Đi tới',
  'summary.goToLabel': 'Đi tới ô nhập của {id}',
  'summary.updated': 'Cập nhật lúc {time}',
  'summary.manualOnly': 'Phiên bản Excel này không báo thay đổi tự động: bấm Làm mới sau khi nhập số liệu.',
  'summary.warnings': 'Lưu ý',
  'summary.unknownPack': 'Bảng “{sheet}” dùng bộ tiêu chí “{pack}” mà phiên bản này không có.',

  'action.refresh': 'Làm mới',
  'action.evaluate': 'Đánh giá',
  'action.clear': 'Xóa đánh dấu',
  'busy.refresh': 'Đang đọc bảng tiêu chí…',
  'busy.evaluate': 'Đang đánh giá…',
  'busy.clear': 'Đang xóa đánh dấu…',
  'busy.goTo': 'Đang chọn ô…',

  'evaluate.done': 'Đã đánh giá: {verdict}. Đã tô đánh dấu {count} tiêu chí chưa đạt.',
  'evaluate.donePass': 'Đã đánh giá: {verdict}.',
  'evaluate.disagree':
    'Công thức trong bảng cho kết quả khác phần bổ trợ ở {count} tiêu chí (có thể công thức đã bị sửa). Nên chèn lại bảng mới và chép số liệu sang:',
  'evaluate.disagreeItem': '{id}: trong bảng “{sheet}”, tính lại “{engine}”',
  'evaluate.noSheet': 'Không tìm thấy bảng tiêu chí để đánh giá.',
  'clear.done': 'Đã xóa các đánh dấu của Tiêu chí; định dạng của bạn giữ nguyên.',
  'undo.lost':
    'Lưu ý: thao tác này không hoàn tác được bằng Ctrl+Z (Excel xóa lịch sử hoàn tác khi add-in bỏ và đặt lại bảo vệ trang, hoặc khi phiên bản Excel chưa hỗ trợ hoàn tác cho add-in).',

  'upward.heading': 'Hồ sơ và tổng hợp',
  'consolidate.heading': 'Tổng hợp',
  'consolidate.files': 'Tệp bảng tiêu chí của các đơn vị (.xlsx)',
  'consolidate.hint':
    'Chọn một hoặc nhiều tệp. Kết quả được ghi vào các trang mới “Tổng hợp”, “Theo tiêu chí”, “Biểu đồ” của sổ làm việc này; các trang khác giữ nguyên.',
  'consolidate.roster': 'Danh sách đơn vị của địa bàn (.csv hoặc .xlsx, không bắt buộc)',
  'consolidate.rosterHint':
    'Cột đầu: tên đơn vị; cột thứ hai: loại đơn vị (nếu có). Không chọn tệp thì dùng trang “Danh sách đơn vị” của sổ làm việc này nếu có. Cho biết đơn vị chưa gửi bảng tính; tỷ lệ chỉ tiêu tính trên toàn bộ danh sách.',
  'consolidate.missing': 'Đơn vị trong danh sách chưa gửi bảng tính ({n}):',
  'consolidate.button': 'Tổng hợp',
  'consolidate.chosen': 'Đã chọn {n} tệp.',
  'consolidate.progress': 'Đang đọc {index}/{total}: {name}',
  'consolidate.progressLabel': 'Tiến độ đọc tệp',
  'consolidate.writing': 'Đang ghi trang Tổng hợp…',
  'consolidate.done':
    'Đã ghi trang “{sheet}”: {units} đơn vị, {duplicates} đơn vị có nhiều tệp, {errors} tệp không đọc được.',
  'consolidate.errors': 'Tệp không đọc được (các tệp khác vẫn được tổng hợp):',
  'consolidate.noFiles': 'Hãy chọn ít nhất một tệp .xlsx.',
  'dossier.heading': 'Hồ sơ',
  'dossier.hint':
    'Đánh giá bảng tiêu chí đang xem rồi thêm các trang Báo cáo kết quả, Biên bản họp xét và Tờ trình. Trang có sẵn không bao giờ bị ghi đè.',
  'dossier.button': 'Lập hồ sơ',
  'dossier.busy': 'Đang lập hồ sơ…',
  'dossier.done': 'Đã thêm các trang: {sheets}. Kết luận: {verdict}.',
  'dossier.noSheet': 'Chưa có bảng tiêu chí để lập hồ sơ. Hãy chèn bảng ở trên.',
  'prior.heading': 'Số liệu năm trước',
  'prior.file': 'Bảng tiêu chí năm trước (.xlsx)',
  'prior.hint':
    'Điền các ô “năm trước” còn trống của bảng đang xem; ô bạn đã nhập giữ nguyên. Số liệu năm trước hiện bên cạnh ô nhập năm nay.',
  'prior.button': 'Điền số liệu năm trước',
  'prior.busy': 'Đang đọc {name}…',
  'prior.done': 'Đã điền {written} ô từ “{file}”; hiện số liệu năm trước bên cạnh {notes} ô nhập.',
  'prior.skipped': 'Giữ nguyên {count} ô đã có số liệu:',
  'prior.skippedItem': '{id}: đang là “{value}”, năm trước “{last}”',
  'prior.noFile': 'Hãy chọn tệp bảng tiêu chí năm trước.',

  'error.title': 'Không thực hiện được',
  'error.generic':
    'Đã xảy ra lỗi khi làm việc với Excel. Hãy thử lại; nếu vẫn lỗi, đóng rồi mở lại ngăn Tiêu chí.',
  'error.editMode': 'Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc rồi thử lại.',
  'error.notFound': 'Không tìm thấy bảng tiêu chí (trang tính có thể đã bị xóa hoặc đổi tên). Bấm Làm mới.',
  'error.protected': 'Trang tính đang được bảo vệ hoặc sổ làm việc chỉ đọc nên không ghi được.',
  'error.dismiss': 'Đóng thông báo',
} as const;

export type StringKey = keyof typeof vi;
export type Strings = Record<StringKey, string>;
