/**
 * Ribbon commands (FunctionFile). `danhGia`: evaluate the criteria sheet and highlight what is not
 * met, without opening the pane. The event is always completed, whatever happens.
 *
 * The function is associated as soon as this module loads, not after `Office.onReady`: Excel may
 * invoke it as soon as the function file has loaded, and an association made later loses that
 * click (learn.microsoft.com/office/dev/add-ins/develop/create-addin-commands-unified-manifest —
 * "Office.actions.associate" is called at the top level of the function file).
 *
 * Function files cannot show Office notifications; a message the user must read (Excel too old,
 * a password, no criteria sheet) is shown in an Office dialog of this same page
 * (`Office.context.ui.displayDialogAsync`, DialogApi 1.1), and logged when dialogs are missing.
 * The page itself stays small: the Office host is loaded when the command first runs.
 */
import { serialFromJsDate } from '../engine/dates';

/** The query parameter carrying a message when this page is opened as the message dialog. */
const MESSAGE_PARAM = 'thongbao';

function log(message: string): void {
  console.info(`Tiêu chí: ${message}`);
}

/** Show `message` in a small dialog (this page with ?thongbao=…), or log it without dialogs. */
export function showMessage(message: string): void {
  log(message);
  if (typeof location === 'undefined' || !Office.context.requirements.isSetSupported('DialogApi', '1.1'))
    return;
  const url = `${location.origin}${location.pathname}?${MESSAGE_PARAM}=${encodeURIComponent(message)}`;
  Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (r) => {
    if (r.status === Office.AsyncResultStatus.Failed) log(`không mở được hộp thoại: ${r.error.message}`);
  });
}

export async function danhGia(event: Office.AddinCommands.Event): Promise<void> {
  // the host (engine, packs, sheet layouts) is loaded on the first click, not with the ribbon page
  let host: typeof import('../excel/officeHost') | undefined;
  try {
    host = await import('../excel/officeHost');
    const result = await host.createOfficeHost().evaluateAndHighlight(serialFromJsDate(new Date()));
    if (!result) showMessage('Không tìm thấy bảng tiêu chí để đánh giá trong sổ tính này.');
    else {
      const ev = result.evaluation;
      log(`${ev.verdict.label} (${ev.passed}/${ev.applicable})`);
      if (result.disagreements.length > 0) {
        showMessage(`Công thức trong bảng khác phần bổ trợ ở ${result.disagreements.length} tiêu chí.`);
      }
    }
  } catch (err) {
    if (host && err instanceof host.HostError) showMessage(err.message);
    else console.error('Tiêu chí: Đánh giá', err);
  } finally {
    event.completed();
  }
}

/** Opened as the message dialog: show the message as the page's text. */
function showOwnMessage(): void {
  if (typeof location === 'undefined' || typeof document === 'undefined') return;
  const text = new URLSearchParams(location.search).get(MESSAGE_PARAM);
  if (text === null) return;
  const show = (): void => {
    document.body.style.font = '14px "Segoe UI", sans-serif';
    document.body.style.padding = '16px';
    document.body.textContent = text;
  };
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show);
}

// the handler completes the event itself (args.completed) once its batch is done
Office.actions.associate('danhGia', (event: Office.AddinCommands.Event) => void danhGia(event));
showOwnMessage();
Office.onReady(() => undefined).catch((err: unknown) => console.error('Tiêu chí: Office.onReady', err));
