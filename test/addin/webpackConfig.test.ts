/**
 * The build options without running a build: office.js from the CDN by default, from the add-in's own
 * server with OFFICE_JS=bundled (air-gapped intranets), ADDIN_URL rewriting the manifest, no eval devtool.
 */
import { join } from 'node:path';

interface HtmlPluginLike {
  userOptions: {
    filename: string;
    templateParameters: (
      c: unknown,
      assets: { js: string[] },
    ) => { csp: string; officeJsSrc: string; mainScripts: string; workerScript?: string };
  };
}
interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer) => string;
}
interface CopyPluginLike {
  patterns: CopyPattern[];
}
interface Config {
  devtool: string | false;
  devServer?: unknown;
  plugins: unknown[];
}

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(join(ROOT, 'webpack.config.js')) as (
  env: unknown,
  argv: { mode: string },
) => Promise<Config>;

async function configWith(vars: Record<string, string | undefined>): Promise<Config> {
  const saved = { OFFICE_JS: process.env.OFFICE_JS, ADDIN_URL: process.env.ADDIN_URL };
  Object.assign(process.env, vars);
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  try {
    return await makeConfig({}, { mode: 'production' });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const htmlPages = (c: Config): HtmlPluginLike[] =>
  c.plugins.filter((p): p is HtmlPluginLike => typeof p === 'object' && p !== null && 'userOptions' in p);
/** The pages that load the add-in's bundles (help.html is static text rendered from the help texts). */
const pages = (c: Config): HtmlPluginLike[] =>
  htmlPages(c).filter((p) => p.userOptions.filename !== 'help.html');
const copies = (c: Config): CopyPattern[] =>
  c.plugins
    .filter((p): p is CopyPluginLike => typeof p === 'object' && p !== null && 'patterns' in p)
    .flatMap((p) => p.patterns);

/** What the page templates read of a compilation: the reader worker's entry files. */
const compilation = {
  entrypoints: new Map([
    ['reader-worker', { getFiles: () => ['reader-worker.1234abcd.js', 'reader-worker.1234abcd.js.map'] }],
  ]),
};

describe('webpack.config.js', () => {
  it('default: office.js from the Microsoft CDN, source maps without eval, no dev server', async () => {
    const c = await configWith({ OFFICE_JS: undefined, ADDIN_URL: undefined });
    expect(c.devtool).toBe('source-map');
    expect(c.devServer).toBeUndefined();
    const ps = pages(c);
    expect(ps.map((p) => p.userOptions.filename).sort()).toEqual(['commands.html', 'taskpane.html']);
    expect(htmlPages(c).map((p) => p.userOptions.filename)).toContain('help.html');
    for (const p of ps) {
      const params = p.userOptions.templateParameters(compilation, { js: ['a.js', 'b.js'] });
      expect(params.officeJsSrc).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
      expect(params.csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      expect(params.csp).toContain("worker-src 'self'");
      expect(params.mainScripts).toBe('a.js b.js');
      // only the pane reads files, so only its page names the reader worker's bundle
      expect(params.workerScript).toBe(
        p.userOptions.filename === 'taskpane.html' ? 'reader-worker.1234abcd.js' : undefined,
      );
    }
    expect(copies(c).some((p) => p.to === 'office-js')).toBe(false);
  });

  it('OFFICE_JS=bundled: office.js copied into the build and loaded from self only', async () => {
    const c = await configWith({ OFFICE_JS: 'bundled' });
    for (const p of pages(c)) {
      const params = p.userOptions.templateParameters(compilation, { js: [] });
      expect(params.officeJsSrc).toBe('office-js/office.js');
      expect(params.csp).toContain("script-src 'self';");
      expect(params.csp).not.toContain('appsforoffice');
    }
    const pattern = copies(c).find((p) => p.to === 'office-js');
    expect(pattern?.from).toBe('node_modules/@microsoft/office-js/dist');
  });

  it('rejects an unknown OFFICE_JS value and a non-HTTPS ADDIN_URL with a Vietnamese message', async () => {
    await expect(configWith({ OFFICE_JS: 'local' })).rejects.toThrow(/OFFICE_JS chỉ nhận/);
    await expect(configWith({ ADDIN_URL: 'http://intranet/tieuchi/' })).rejects.toThrow(
      /ADDIN_URL phải là địa chỉ https/,
    );
  });

  it('ADDIN_URL rewrites every development URL of the copied manifest', async () => {
    const c = await configWith({ ADDIN_URL: 'https://tieuchi.intranet.example/addin' });
    const manifest = copies(c).find((p) => p.to === 'manifest.xml');
    const out = manifest?.transform?.(
      Buffer.from(
        '<a DefaultValue="https://localhost:3000/taskpane.html"/><b DefaultValue="https://localhost:3000/assets/icon-16.png"/>',
      ),
    );
    expect(out).toBe(
      '<a DefaultValue="https://tieuchi.intranet.example/addin/taskpane.html"/><b DefaultValue="https://tieuchi.intranet.example/addin/assets/icon-16.png"/>',
    );
  });
});
