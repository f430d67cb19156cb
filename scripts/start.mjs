#!/usr/bin/env node
/**
 * `npm start` / `npm stop` for the add-in.
 * - Windows/macOS (desktop Excel): `npx office-addin-debugging start|stop manifest.xml` — that tool is
 *   not a project dependency on purpose (it pulls a native module); npx fetches it on first use.
 * - Elsewhere (Linux, or desktop Excel missing): start the dev server on https://localhost:3000 and
 *   print the steps to sideload the add-in into Excel on the web.
 * Options: --stop, --web (force the Excel on the web path).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const stop = args.includes('--stop');
const forceWeb = args.includes('--web');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function hasDesktopExcel() {
  if (process.platform === 'darwin') return existsSync('/Applications/Microsoft Excel.app');
  if (process.platform === 'win32') {
    const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
    return roots.some(
      (r) =>
        existsSync(join(r, 'Microsoft Office', 'root', 'Office16', 'EXCEL.EXE')) ||
        existsSync(join(r, 'Microsoft Office', 'Office16', 'EXCEL.EXE')),
    );
  }
  return false;
}

function run(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

const WEB_STEPS = `
Tiêu chí — chạy thử trong Excel trên web
────────────────────────────────────────
Máy chủ phát triển đang chạy ở https://localhost:3000 (để cửa sổ này mở).

1. Lần đầu: mở https://localhost:3000/taskpane.html trong trình duyệt và chấp nhận chứng chỉ
   (chứng chỉ phát triển do office-addin-dev-certs tạo; trên Windows/macOS có thể cài bằng
   "npx office-addin-dev-certs install").
2. Mở một sổ làm việc trong Excel trên web (https://www.office.com → Excel).
3. Thẻ Trang đầu (Home) → Phần bổ trợ (Add-ins) → Phần bổ trợ khác (More add-ins).
4. Chọn "Tải lên Phần bổ trợ của tôi" (Upload My Add-in) → Duyệt… → chọn tệp
   ${join(root, 'manifest.xml')}
   → Tải lên (Upload).
5. Trên thẻ Trang đầu xuất hiện nhóm "Tiêu chí": bấm "Bảng tiêu chí" để mở ngăn,
   "Đánh giá" để đánh giá và tô đánh dấu.

Dừng: nhấn Ctrl+C (hoặc "npm stop" ở cửa sổ khác với máy tính có Excel cài đặt).
`;

if (stop) {
  if (hasDesktopExcel() && !forceWeb) {
    console.log('Đang gỡ phần bổ trợ khỏi Excel (npx office-addin-debugging stop manifest.xml)…');
    run(npx, ['--yes', 'office-addin-debugging', 'stop', 'manifest.xml']);
  } else {
    console.log(
      'Excel trên web: gỡ phần bổ trợ ở Trang đầu → Phần bổ trợ → Phần bổ trợ khác → Phần bổ trợ của tôi;\n' +
        'máy chủ phát triển dừng bằng Ctrl+C trong cửa sổ đang chạy "npm start".',
    );
  }
} else if (hasDesktopExcel() && !forceWeb) {
  console.log(
    'Tìm thấy Excel trên máy: nạp phần bổ trợ bằng office-addin-debugging.\n' +
      'Công cụ này không nằm trong dự án (nó kéo theo một mô-đun gốc); npx sẽ tải nó ở lần chạy đầu.',
  );
  run(npx, ['--yes', 'office-addin-debugging', 'start', 'manifest.xml']);
} else {
  console.log(WEB_STEPS);
  run(npx, ['webpack', 'serve', '--mode', 'development']);
}
