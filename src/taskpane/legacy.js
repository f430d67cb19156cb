/*
 * Bootstrap of the add-in pages, written in ES5 so that every webview can run it.
 * - Internet Explorer 11 (Trident) and the old Edge webview (EdgeHTML) of Office 2016/2019 volume
 *   licence cannot run the add-in: show a plain Vietnamese explanation (no React) and stop here.
 * - Everywhere else: load the page's bundles (listed in data-main) in order.
 * No inline script, no eval: allowed by the pages' Content-Security-Policy.
 */
(function () {
  'use strict';
  var boot = document.getElementById('tc-boot');
  var scripts = boot && boot.getAttribute('data-main') ? boot.getAttribute('data-main').split(' ') : [];

  function isLegacy() {
    var ua = navigator.userAgent || '';
    if (/Trident\/|MSIE /.test(ua)) return true;
    if (/Edge\/\d+/.test(ua)) return true; // EdgeHTML (not Chromium "Edg/")
    return (
      typeof window.Promise === 'undefined' ||
      typeof window.Symbol === 'undefined' ||
      typeof window.fetch === 'undefined' ||
      typeof Object.assign === 'undefined'
    );
  }

  function el(tag, text) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    return e;
  }

  function showLegacyMessage() {
    var root = document.getElementById('root');
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = el('div');
    box.setAttribute('role', 'alert');
    box.className = 'tc-legacy';
    box.appendChild(el('h1', 'Phiên bản Excel này chưa chạy được ngăn Tiêu chí'));
    box.appendChild(
      el(
        'p',
        'Ngăn Tiêu chí cần Excel 2021, Microsoft 365 hoặc Excel trên web (Excel for the web). ' +
          'Excel đang dùng mở phần bổ trợ bằng trình duyệt cũ (Internet Explorer hoặc Edge cũ) nên không hiển thị được.',
      ),
    );
    box.appendChild(
      el(
        'p',
        'Bảng tiêu chí vẫn tự chấm điểm trong mọi phiên bản Excel, LibreOffice hoặc WPS: ' +
          'lập bảng bằng lệnh “tieuchi template” (hoặc nhờ cán bộ phụ trách gửi tệp mẫu), ' +
          'nhập số liệu vào các ô nền vàng nhạt, cột Kết quả và ô Kết luận tự tính.',
      ),
    );
    box.appendChild(
      el(
        'p',
        'Khi có Excel 2021, Microsoft 365 hoặc Excel trên web, mở lại ngăn này để dùng Đánh giá và Đi tới.',
      ),
    );
    root.appendChild(box);
  }

  if (isLegacy()) {
    // ribbon command in old clients: complete the event so Excel does not wait forever
    window.danhGia = function (event) {
      if (event && event.completed) event.completed();
    };
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', showLegacyMessage);
    } else {
      showLegacyMessage();
    }
    return;
  }

  for (var i = 0; i < scripts.length; i++) {
    if (!scripts[i]) continue;
    var s = document.createElement('script');
    s.src = scripts[i];
    s.async = false; // keep the order (runtime/vendors before the entry)
    document.head.appendChild(s);
  }
})();
