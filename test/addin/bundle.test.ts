/**
 * The production build: first-load budget of taskpane.html's own scripts, the CSP, no eval, and no
 * origin other than the Office CDN referenced by our bundles.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureBuild } from '../browser/build';
import { PANE_PACKS } from '../../src/taskpane/InsertSection';
import { BUILTIN_PACK_IDS } from '../../src/pack/registry';
import { HELP_TOPIC_IDS } from '../../src/taskpane/help';
import { at } from '../helpers/at';

const BUDGET_GZIP = 140 * 1024;
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

let dist = '';
beforeAll(async () => {
  dist = await ensureBuild();
}, 600_000);

function page(name: string): string {
  return readFileSync(join(dist, name), 'utf8');
}

/** Own scripts a page loads at first: the bootstrap plus the bundles it lists in data-main. */
function initialScripts(html: string): string[] {
  // data-main is quoted only when it lists several bundles (the build minifies the page)
  const boot = /<script id="?tc-boot"? src="?([^"\s>]+)"? data-main=(?:"([^"]*)"|([^"\s>]+))/.exec(html);
  if (!boot) throw new Error('no bootstrap script tag');
  return [at(boot, 1), ...(boot[2] ?? boot[3] ?? '').split(' ').filter(Boolean)];
}

function ownBundles(): string[] {
  return readdirSync(dist).filter((f) => f.endsWith('.js'));
}

describe('production build', () => {
  it('help.html (the manifest SupportUrl) is built from the pane help texts, with no script', () => {
    const html = page('help.html');
    for (const id of HELP_TOPIC_IDS) {
      expect(html).toMatch(new RegExp(`id="?vi-${id}"?`));
      expect(html).toMatch(new RegExp(`id="?en-${id}"?`));
    }
    expect(html).not.toMatch(/<script/i);
  });

  it('taskpane.html loads at most 140 KB gzip of own scripts at first', () => {
    const scripts = initialScripts(page('taskpane.html'));
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    const sizes = scripts.map((s) => ({ s, gz: gzipSync(readFileSync(join(dist, s)), { level: 9 }).length }));
    const total = sizes.reduce((n, x) => n + x.gz, 0);
    expect(total).toBeGreaterThan(20 * 1024); // it really measured the bundles
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  it("the pane's first load carries one language of its own strings and none of the CLI's", () => {
    const text = initialScripts(page('taskpane.html'))
      .map((s) => readFileSync(join(dist, s), 'utf8'))
      .join('\n');
    // the Vietnamese strings are there, the English ones and the CLI's (help, messages) are not
    expect(text).toContain('Chèn bảng tiêu chí');
    expect(text).not.toContain('Insert criteria sheet');
    expect(text).not.toContain('Cách dùng: tieuchi');
    expect(text).not.toContain('tùy chọn không hợp lệ');
    // nor the sections that only show later (the upward flow, the evaluation's filter chips)
    expect(text).not.toContain('consolidate-progress');
    expect(text).not.toContain('criteria-list');
  });

  it('the ribbon page (commands.html) loads at most 50 KB gzip at first, without zod nor the host', () => {
    const scripts = initialScripts(page('commands.html'));
    expect(scripts.some((s) => s.startsWith('commands.'))).toBe(true);
    const code = scripts.map((s) => readFileSync(join(dist, s)));
    const total = code.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0);
    expect(total).toBeLessThanOrEqual(50 * 1024);
    const text = code.map((c) => c.toString('utf8')).join('\n');
    expect(text).not.toMatch(/ZodError/);
    expect(text).not.toContain('tc1_minh_chung');
  });

  it('the reader worker is its own self-contained bundle, named on the page, not loaded at first', () => {
    const html = page('taskpane.html');
    const worker = /<script id="?tc-boot"?[^>]*\sdata-worker="?([^"\s>]+)"?/.exec(html)?.[1] ?? '';
    expect(worker).toMatch(/^reader-worker\.[0-9a-f]{8}\.js$/);
    expect(ownBundles()).toContain(worker);
    expect(initialScripts(html)).not.toContain(worker);
    const code = readFileSync(join(dist, worker), 'utf8');
    // it really holds the readers and the packs, and loads no further chunk (a worker cannot use the
    // page's chunk loading)
    expect(code).toContain('tc18_nam_truoc');
    expect(code).toContain('nghi là bom nén');
    expect(code).not.toMatch(/importScripts|document\.createElement\(["']script/);
  });

  it('heavy modules (packs, zod, ExcelJS) are not in the first-load scripts', () => {
    const first = initialScripts(page('taskpane.html'))
      .map((s) => readFileSync(join(dist, s), 'utf8'))
      .join('\n');
    expect(first).not.toMatch(/ZodError/);
    expect(first).not.toMatch(/exceljs/i);
    expect(first).not.toContain('tc1_minh_chung');
    // the .docx writer (the `docx` package) is loaded only when Hồ sơ makes the Word files
    expect(first).not.toContain('wordprocessingml');
  });

  it.each(['taskpane.html', 'commands.html'])(
    '%s has the Content-Security-Policy and office.js from the CDN',
    (name) => {
      const html = page(name);
      const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];
      expect(csp).toBe(
        "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self'",
      );
      expect(html).toMatch(
        /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/,
      );
      // no inline scripts: every <script> has a src
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc=/);
    },
  );

  it('own bundles (the reader worker included) contain no eval and no new Function', () => {
    const bundles = ownBundles();
    expect(bundles.length).toBeGreaterThan(3);
    expect(bundles.filter((f) => f.startsWith('reader-worker.'))).toHaveLength(1);
    for (const f of bundles) {
      const code = readFileSync(join(dist, f), 'utf8');
      expect({ f, evalCall: /(^|[^.\w$])eval\s*\(/.test(code) }).toEqual({ f, evalCall: false });
      // the only tolerated form: zod's feature probe `new Function("")` (an empty body, never code from
      // data); zod runs jitless (src/pack/schema.ts) so it is not even called
      const generated = code.replace(/try\{return new Function\(""\),!0\}catch/g, '');
      expect({ f, newFunction: /new\s+Function\s*\(/.test(generated) }).toEqual({ f, newFunction: false });
    }
  });

  it('own bundles (the reader worker included) and pages reference no origin other than the Office CDN', () => {
    const files = [...ownBundles(), 'taskpane.html', 'commands.html'];
    expect(files.filter((f) => f.startsWith('reader-worker.'))).toHaveLength(1);
    const origins = new Set<string>();
    for (const f of files) {
      const text = readFileSync(join(dist, f), 'utf8');
      for (const m of text.matchAll(/\b(?:https?|wss?):\/\/[a-z0-9.-]+(?::\d+)?/gi))
        origins.add(m[0].toLowerCase());
    }
    // identifiers, not places the code connects to: XML/SVG namespaces, JSON Schema $schema ids (zod),
    // React's error-decoder links inside error messages
    const NAMESPACES = new Set([
      'http://www.w3.org',
      'http://json-schema.org',
      'https://json-schema.org',
      'https://react.dev',
      // the .docx writer (the lazy "dossier-files" chunk): OOXML and Dublin Core namespaces written
      // into the files, and a link inside one of the `docx` package's error messages
      'http://schemas.openxmlformats.org',
      'http://schemas.microsoft.com',
      'http://purl.org',
      'http://purl.oclc.org',
      'https://answers.microsoft.com',
    ]);
    const others = [...origins].filter((o) => o !== OFFICE_CDN && !NAMESPACES.has(o));
    expect(others).toEqual([]);
  });

  it('the manifest is copied with the development URLs, icons alongside', () => {
    expect(page('manifest.xml')).toContain('https://localhost:3000/taskpane.html');
    for (const s of [16, 32, 64, 80])
      expect(readFileSync(join(dist, 'assets', `icon-${s}.png`)).length).toBeGreaterThan(50);
  });

  it('the pane offers exactly the built-in packs', () => {
    expect(PANE_PACKS.map((p) => p.id)).toEqual([...BUILTIN_PACK_IDS]);
  });
});
