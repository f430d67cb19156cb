/** Reasons a workbook is refused as a zip package (src/io/zip.ts): [Vietnamese, English]. */
export const ZIP_REASONS = {
  'zip.totalLimit': ['giải nén vượt quá giới hạn tổng {max}', 'unpacking goes over the total limit of {max}'],
  'zip.crc': [
    'mục "{entry}" bị hỏng (sai mã kiểm tra CRC)',
    'entry "{entry}" is broken (wrong CRC checksum)',
  ],
  'zip.inflate': [
    'mục "{entry}" bị hỏng, không giải nén được',
    'entry "{entry}" is broken and cannot be unpacked',
  ],
  'zip.short': [
    'mục "{entry}" bị hỏng (giải nén ra ít dữ liệu hơn khai báo)',
    'entry "{entry}" is broken (it unpacks to less data than declared)',
  ],
  'zip.overflow': [
    'mục "{entry}" giải nén ra nhiều dữ liệu hơn khai báo ({size}) — nghi là bom nén hoặc tệp bị sửa',
    'entry "{entry}" unpacks to more data than declared ({size}) — a zip bomb or an altered file is suspected',
  ],
  'zip.cutShort': [
    'tệp nén bị cắt cụt hoặc hỏng — không tìm thấy thư mục zip (có thể tệp chưa tải/chép xong)',
    'the zip file is cut short or broken — no zip directory found (the download or copy may not have finished)',
  ],
  'zip.xls': [
    'đây là tệp Excel 97-2003 (.xls) hoặc tệp Excel có đặt mật khẩu mở tệp; hãy mở bằng Excel, bỏ mật khẩu và lưu lại dưới dạng .xlsx',
    'this is an Excel 97-2003 file (.xls) or an Excel file with an opening password; open it in Excel, remove the password and save it as .xlsx',
  ],
  'zip.pdf': [
    'đây là tệp PDF, không phải tệp Excel (.xlsx)',
    'this is a PDF file, not an Excel file (.xlsx)',
  ],
  'zip.plainText': [
    'không phải tệp Excel (.xlsx) hợp lệ — nội dung là văn bản thuần, không phải tệp nén (có thể là tệp đổi đuôi thành .xlsx)',
    'not a valid Excel file (.xlsx) — the content is plain text, not a zip file (perhaps a file renamed to .xlsx)',
  ],
  'zip.noDirectory': [
    'không phải tệp Excel (.xlsx) hợp lệ — thiếu thư mục zip',
    'not a valid Excel file (.xlsx) — the zip directory is missing',
  ],
  'zip.twoEnds': [
    'tệp nén có hai bản ghi kết thúc thư mục zip — tệp đã bị sửa, không rõ đọc theo bản ghi nào',
    'the zip file has two end-of-directory records — it was altered; which one to follow is unclear',
  ],
  'zip.afterDirectory': [
    'tệp nén có dữ liệu lạ sau thư mục zip — tệp hỏng hoặc đã bị sửa',
    'the zip file has stray data after its zip directory — broken or altered',
  ],
  'zip.badZip64': ['tệp nén hỏng — bản ghi ZIP64 không hợp lệ', 'broken zip file — invalid ZIP64 record'],
  'zip.noZip64': ['tệp nén hỏng — thiếu bản ghi ZIP64', 'broken zip file — the ZIP64 record is missing'],
  'zip.multiVolume': [
    'tệp nén chia nhiều phần (multi-volume) không được hỗ trợ',
    'zip files split in several parts (multi-volume) are not supported',
  ],
  'zip.noEntries': [
    'tệp nén rỗng, không có nội dung — không phải tệp Excel (.xlsx)',
    'the zip file is empty — not an Excel file (.xlsx)',
  ],
  'zip.tooManyEntries': [
    'tệp nén có quá nhiều mục ({count}; tối đa {max})',
    'the zip file has too many entries ({count}; at most {max})',
  ],
  'zip.directoryOutside': [
    'tệp nén bị cắt cụt hoặc hỏng — thư mục zip nằm ngoài tệp',
    'the zip file is cut short or broken — its zip directory lies outside the file',
  ],
  'zip.beforeEnd': [
    'tệp nén có dữ liệu lạ giữa thư mục zip và bản ghi kết thúc — tệp hỏng hoặc đã bị sửa',
    'the zip file has stray data between its zip directory and the end record — broken or altered',
  ],
  'zip.badDirectory': [
    'tệp nén hỏng — thư mục zip không đọc được',
    'broken zip file — its zip directory cannot be read',
  ],
  'zip.badZip64Field': ['tệp nén hỏng — trường ZIP64 không hợp lệ', 'broken zip file — invalid ZIP64 field'],
  'zip.encrypted': [
    'tệp nén được mã hóa bằng mật khẩu (mục "{entry}"); hãy gửi tệp .xlsx không đặt mật khẩu',
    'the zip file is encrypted with a password (entry "{entry}"); send an .xlsx file without a password',
  ],
  'zip.method': [
    'mục "{entry}" dùng phương thức nén không được hỗ trợ (mã {method})',
    'entry "{entry}" uses an unsupported compression method (code {method})',
  ],
  'zip.bombEntry': [
    'nghi là bom nén — mục "{entry}" khai báo {size} khi giải nén (tối đa {max} mỗi mục)',
    'zip bomb suspected — entry "{entry}" declares {size} unpacked (at most {max} per entry)',
  ],
  'zip.bombTotal': [
    'nghi là bom nén — tổng dung lượng giải nén vượt {max}',
    'zip bomb suspected — the total unpacked size exceeds {max}',
  ],
  'zip.bombRatio': [
    'nghi là bom nén — mục "{entry}" có tỉ lệ nén bất thường ({ratio}:1; tối đa {max}:1)',
    'zip bomb suspected — entry "{entry}" has an abnormal compression ratio ({ratio}:1; at most {max}:1)',
  ],
  'zip.storedSize': [
    'tệp nén hỏng — kích thước mục "{entry}" không khớp',
    'broken zip file — the sizes of entry "{entry}" do not match',
  ],
  'zip.duplicateEntry': [
    'tệp nén có hai mục trùng tên "{entry}" — tệp hỏng hoặc bị sửa',
    'the zip file has two entries named "{entry}" — broken or altered',
  ],
  'zip.headerDiffers': [
    'tệp nén hỏng hoặc đã bị sửa — đầu mục "{entry}" không khớp với thư mục zip',
    'the zip file is broken or altered — the header of entry "{entry}" does not match the zip directory',
  ],
  'zip.overlap': [
    'tệp nén hỏng hoặc bị sửa — dữ liệu các mục chồng lên nhau ("{entry}")',
    'the zip file is broken or altered — the data of its entries overlap ("{entry}")',
  ],
  'zip.beforeEntry': [
    'tệp nén có dữ liệu lạ trước mục "{entry}" — tệp hỏng hoặc đã bị sửa',
    'the zip file has stray data before entry "{entry}" — broken or altered',
  ],
  'zip.entryMissing': [
    'tệp nén bị cắt cụt hoặc hỏng — không tìm thấy mục "{entry}"',
    'the zip file is cut short or broken — entry "{entry}" is not found',
  ],
  'zip.entryOutside': [
    'tệp nén bị cắt cụt hoặc hỏng — mục "{entry}" vượt ra ngoài dữ liệu',
    'the zip file is cut short or broken — entry "{entry}" runs past the data',
  ],
  'zip.beforeDirectory': [
    'tệp nén có dữ liệu lạ trước thư mục zip — tệp hỏng hoặc đã bị sửa',
    'the zip file has stray data before its zip directory — broken or altered',
  ],
  'zip.unnamed': ['tệp nén hỏng — có mục không tên', 'broken zip file — an entry has no name'],
  'zip.controlName': [
    'tên mục không an toàn (chứa ký tự điều khiển)',
    'unsafe entry name (it holds control characters)',
  ],
  'zip.unsafeName': [
    'tên mục không an toàn "{entry}" (đường dẫn tuyệt đối hoặc chứa "..")',
    'unsafe entry name "{entry}" (an absolute path or one with "..")',
  ],
} as const satisfies Record<string, readonly [string, string]>;
