/**
 * Ribbon commands (FunctionFile). `danhGia`: evaluate the criteria sheet and highlight what is not
 * met, without opening the pane. The event is always completed, whatever happens.
 */
import { createOfficeHost } from '../excel/officeHost';
import { serialFromJsDate } from '../engine/dates';

/** Office's notification API is not available to Excel function files; the stamp and highlights written in the sheet are the visible result. */
function notify(message: string): void {
  console.info(`Tiêu chí: ${message}`);
}

export async function danhGia(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const result = await createOfficeHost().evaluateAndHighlight(serialFromJsDate(new Date()));
    if (!result) notify('Không tìm thấy bảng tiêu chí để đánh giá.');
    else {
      const ev = result.evaluation;
      notify(`${ev.verdict.label} (${ev.passed}/${ev.applicable})`);
      if (result.disagreements.length > 0) {
        notify(`Công thức trong bảng khác phần bổ trợ ở ${result.disagreements.length} tiêu chí.`);
      }
    }
  } catch (err) {
    console.error('Tiêu chí: Đánh giá', err);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('danhGia', danhGia);
}).catch((err: unknown) => console.error('Tiêu chí: Office.onReady', err));
