/**
 * Task pane entry: waits for Office, checks the requirement set at run time, creates the Office.js
 * host and renders the pane. Components never call Office directly; they get the `ExcelHost`.
 */
import { createRoot } from 'react-dom/client';
import { loadLanguage, pickLanguage } from '../i18n';
import { App } from './App';

// the Office.js host (and the sheet layout it writes) is a separate chunk, fetched while Office starts
const hostModule = import(/* webpackChunkName: "host" */ '../excel/officeHost');

async function mount(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const { createOfficeHost } = await hostModule;
  const supported = Office.context.requirements.isSetSupported('ExcelApi', '1.7');
  const lang = pickLanguage(Office.context.displayLanguage);
  await loadLanguage(lang);
  document.documentElement.lang = lang;
  const host = createOfficeHost();
  createRoot(container).render(<App host={host} initialLang={lang} supported={supported} />);
}

function outsideExcel(): void {
  const container = document.getElementById('root');
  if (container) {
    container.textContent =
      'Không khởi động được Tiêu chí: hãy mở ngăn này từ trong Excel (thẻ Trang đầu → nhóm Tiêu chí → Bảng tiêu chí).';
  }
}

Office.onReady()
  .then((info) => (info.host ? mount() : outsideExcel()))
  .catch((err: unknown) => {
    console.error('Tiêu chí: Office.onReady', err);
    outsideExcel();
  });
