/**
 * The add-in's help page (dist/help.html, the manifest's SupportUrl and "Learn more" link) rendered
 * at build time from the same texts as the pane's help (./help.ts): Vietnamese, then English.
 * The webpack build uses this module as the page's template (html-webpack-plugin).
 */
import { HELP, type HelpTopic } from './help';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function topics(list: readonly HelpTopic[], prefix: string): string {
  return list
    .map(
      (t) =>
        `<section id="${prefix}-${t.id}"><h3>${escapeHtml(t.title)}</h3>` +
        t.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
        '</section>',
    )
    .join('\n');
}

export function renderHelpPage(): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="UTF-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Tiêu chí — hướng dẫn / help</title>
<style>
body { font-family: 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #242424; }
h2 { margin-top: 2rem; }
</style>
</head>
<body>
<main>
<h1>Tiêu chí — hướng dẫn</h1>
<p>Phần bổ trợ Excel chấm bộ tiêu chí điển hình phong trào toàn dân bảo vệ an ninh Tổ quốc theo Quyết định 9745/QĐ-BCA-V05. Thẻ <b>Trang đầu</b> → nhóm <b>Tiêu chí</b> → <b>Bảng tiêu chí</b> mở ngăn bên phải; nút <b>Trợ giúp</b> của ngăn mở trang này ngay trong ngăn. <a href="#en" lang="en">English below.</a></p>
<h2>Từng việc trong ngăn Tiêu chí</h2>
${topics(HELP.vi, 'vi')}
<h2 id="en" lang="en">Help (English)</h2>
<div lang="en">
${topics(HELP.en, 'en')}
</div>
</main>
</body>
</html>
`;
}

export default renderHelpPage;
