/**
 * The help page of the pane (loaded only when asked for): every action, in Vietnamese and English.
 * Plain data so a test can check that each action is covered in both languages.
 */
import type { Lang } from '../i18n';

export interface HelpTopic {
  id: string;
  title: string;
  paragraphs: string[];
}

export const HELP_TOPIC_IDS = [
  'insert',
  'summary',
  'evaluate',
  'clear',
  'dossier',
  'consolidate',
  'prior',
  'plans',
  'print',
] as const;

const vi: HelpTopic[] = [
  {
    id: 'insert',
    title: 'Chèn bảng tiêu chí',
    paragraphs: [
      'Chọn bộ tiêu chí (xã hoặc cơ quan, doanh nghiệp, cơ sở giáo dục), kế hoạch áp dụng của tỉnh, tên đơn vị và năm đánh giá rồi bấm “Chèn bảng tiêu chí”. Bảng mới là một trang tính riêng; các trang khác giữ nguyên, bảng có sẵn không bao giờ bị ghi đè.',
      'Chỉ nhập vào các ô nền vàng nhạt (cột Giá trị và Minh chứng). Cột Kết quả, Lý do và ô Kết luận là công thức, tự tính trong mọi Excel, LibreOffice hoặc WPS — kể cả khi không có phần bổ trợ.',
      'Ô “Ngày đánh giá” để trống nghĩa là tính đến hôm nay (sau khi bấm Đánh giá: tính đến ngày đã chốt).',
    ],
  },
  {
    id: 'summary',
    title: 'Tóm tắt trực tiếp',
    paragraphs: [
      'Phần Tóm tắt đọc bảng đang xem và tự cập nhật khi bạn nhập số liệu: kết luận, số tiêu chí đạt, tiến độ từng nhóm, các hạn sắp đến theo kế hoạch và danh sách tiêu chí lọc theo trạng thái. Bấm “Làm mới” nếu Excel không báo thay đổi (ví dụ sau khi dán hoặc tính lại).',
      'Mỗi tiêu chí chưa đạt có lý do, cách khắc phục và loại minh chứng được tính; “Đi tới” chọn ô cần nhập. Khi sổ làm việc có nhiều bảng tiêu chí, chọn bảng ở ô “Bảng đang xem”; bộ lọc trở về “Tất cả”.',
    ],
  },
  {
    id: 'evaluate',
    title: 'Đánh giá',
    paragraphs: [
      'Đánh giá bảng đang xem: ghi dấu đánh giá (thời điểm dd/mm/yyyy hh:mm, ngày tính, kết luận, mã SHA-256 số liệu) vào phần “Đánh giá gần nhất”, chốt ngày tính, tô màu các tiêu chí chưa đạt và ô nhập của chúng.',
      'Sau khi đánh giá, đầu ngăn là danh sách “Cần khắc phục”: Không đạt trước, rồi Sai dữ liệu, rồi Chưa nhập, kèm số lượng từng nhóm. Nút Đánh giá trên thẻ Home làm việc tương tự mà không cần mở ngăn.',
    ],
  },
  {
    id: 'clear',
    title: 'Xóa đánh dấu',
    paragraphs: [
      'Bỏ các tô màu và ghi chú do Tiêu chí thêm khi Đánh giá. Định dạng của bạn và dấu đánh giá giữ nguyên.',
    ],
  },
  {
    id: 'dossier',
    title: 'Hồ sơ',
    paragraphs: [
      'Đánh giá bảng đang xem rồi thêm các trang Báo cáo kết quả, Biên bản họp xét và Tờ trình theo kế hoạch của bảng. Trang có sẵn không bao giờ bị ghi đè; in hoặc xuất PDF từ Excel.',
    ],
  },
  {
    id: 'consolidate',
    title: 'Tổng hợp',
    paragraphs: [
      'Chọn các tệp bảng tiêu chí (.xlsx) của các đơn vị. Ngăn đọc lần lượt từng tệp (có giới hạn kích thước và thời gian), liệt kê tệp không đọc được kèm lý do, rồi thêm trang “Tổng hợp” vào sổ làm việc này.',
    ],
  },
  {
    id: 'prior',
    title: 'Số liệu năm trước',
    paragraphs: [
      'Chọn bảng tiêu chí năm trước: các ô “năm trước” còn trống của bảng đang xem được điền, ô đã nhập giữ nguyên; số liệu năm trước hiện bên cạnh ô nhập năm nay để so sánh.',
    ],
  },
  {
    id: 'plans',
    title: 'Kế hoạch và tệp bộ tiêu chí',
    paragraphs: [
      'Kế hoạch (của tỉnh, huyện) quy định kỳ đánh giá, ngày họp xét, hạn gửi hồ sơ và điều kiện lựa chọn. Bảng ghi mã kế hoạch; ngăn chấm điểm theo kế hoạch đó và liệt kê các hạn sắp đến.',
      'Bộ tiêu chí có sẵn theo QĐ 9745/QĐ-BCA-V05. Cán bộ phụ trách có thể soạn bộ tiêu chí hoặc kế hoạch riêng dạng tệp JSON và kiểm tra bằng lệnh “tieuchi pack validate” / “tieuchi plan validate”. Trong ngăn này, chọn tệp ở ô “Tệp kế hoạch hoặc bộ tiêu chí tự soạn”: tệp được kiểm tra (sai ở đâu sẽ báo rõ), lưu cùng sổ làm việc và xuất hiện trong danh sách để chèn bảng; mở lại sổ làm việc vẫn đọc được bảng đó.',
    ],
  },
  {
    id: 'print',
    title: 'In bảng',
    paragraphs: [
      'Bảng in trên khổ A4 ngang, vừa một trang chiều ngang, chữ từ 10 pt; mỗi tiêu chí nằm trọn một trang, dòng tiêu đề cột lặp lại ở mỗi trang và chân trang ghi “Trang x/y”.',
    ],
  },
];

const en: HelpTopic[] = [
  {
    id: 'insert',
    title: 'Insert criteria sheet',
    paragraphs: [
      'Choose the criteria pack (commune, or agency/enterprise/school), the province plan in force, the unit name and year, then click “Insert criteria sheet”. The new sheet is separate; other sheets are untouched and an existing criteria sheet is never overwritten.',
      'Type only in the light-yellow cells (Value and Evidence columns). The Result and Reason columns and the Conclusion cell are formulas and calculate in any Excel, LibreOffice or WPS, even without the add-in.',
      'A blank “Ngày đánh giá” (as-of date) means today (after Đánh giá: the date it froze).',
    ],
  },
  {
    id: 'summary',
    title: 'Live summary',
    paragraphs: [
      'The Summary reads the sheet shown and updates as you type: conclusion, criteria met, progress by group, coming deadlines from the plan and the criteria list filtered by status. Click Refresh when Excel does not report a change (after paste or recalculation).',
      'Each criterion not met shows its reason, how to fix it and what evidence counts; “Go to” selects the cell to fill. With several criteria sheets, pick one under “Sheet shown”; the filter returns to “All”.',
    ],
  },
  {
    id: 'evaluate',
    title: 'Đánh giá (evaluate)',
    paragraphs: [
      'Evaluates the sheet shown: writes the stamp (time as dd/mm/yyyy hh:mm, as-of date, conclusion, SHA-256 of the data) in “Đánh giá gần nhất”, freezes the as-of date and colours the criteria not met and their inputs.',
      'Afterwards the top of the pane is the “To fix” list: Not met first, then Invalid data, then Not entered, with a count per group. The Đánh giá button on the Home tab does the same without opening the pane.',
    ],
  },
  {
    id: 'clear',
    title: 'Xóa đánh dấu (clear highlights)',
    paragraphs: ['Removes the colours and notes Tiêu chí added. Your own formatting and the stamp stay.'],
  },
  {
    id: 'dossier',
    title: 'Hồ sơ (dossier)',
    paragraphs: [
      'Evaluates the sheet shown and adds the report, review minutes and proposal sheets under the sheet’s plan. Existing sheets are never overwritten; print or export to PDF from Excel.',
    ],
  },
  {
    id: 'consolidate',
    title: 'Tổng hợp (consolidate)',
    paragraphs: [
      'Pick the units’ criteria workbooks (.xlsx). The pane reads them one by one under size and time limits, lists unreadable files with the reason, and adds a “Tổng hợp” sheet to this workbook.',
    ],
  },
  {
    id: 'prior',
    title: 'Số liệu năm trước (last year’s figures)',
    paragraphs: [
      'Pick last year’s criteria workbook: the blank “last year” inputs of the sheet shown are filled, inputs you typed stay; last year’s figures are shown beside this year’s inputs.',
    ],
  },
  {
    id: 'plans',
    title: 'Plans and pack files',
    paragraphs: [
      'A plan (province, district) sets the evaluation period, review date, dossier deadline and selection conditions. The sheet records its plan id; the pane scores under it and lists the coming deadlines.',
      'The built-in criteria packs follow Decision 9745/QĐ-BCA-V05. A coordinator can write their own pack or plan as a JSON file and check it with “tieuchi pack validate” / “tieuchi plan validate”. In the pane, pick the file under “A plan or pack file”: it is checked (every problem is said), kept with the workbook and offered for new sheets; the workbook still reads when reopened.',
    ],
  },
  {
    id: 'print',
    title: 'Printing the sheet',
    paragraphs: [
      'The sheet prints on A4 landscape, one page wide, text at least 10 pt; every criterion stays on one page, the column headings repeat on each page and the footer reads “Trang x/y” (page x of y).',
    ],
  },
];

export const HELP: Record<Lang, HelpTopic[]> = { vi, en };
