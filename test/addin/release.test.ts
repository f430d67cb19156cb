/**
 * `npm run release`: the add-in's files (not the CLI's) zipped with a manifest that points at the
 * production address; refusals name the reason. Runs the real script on a small dist/ of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';

const SCRIPT = resolve(__dirname, '..', '..', 'scripts', 'release.mjs');
const URL = 'https://may-chu.tinh.gov.vn/tieuchi/';

function release(dist: string, out: string, env: Record<string, string | undefined>) {
  return spawnSync(process.execPath, [SCRIPT, '--no-build', '--dist', dist, '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
}

describe('npm run release', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tieuchi-release-'));
    mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
    const files: Record<string, string> = {
      'manifest.xml': `<OfficeApp><SourceLocation DefaultValue="${URL}taskpane.html"/></OfficeApp>`,
      'taskpane.html': '<html></html>',
      'taskpane.js': '1',
      'assets/icon-32.png': 'png',
      'cli.js': 'cli',
      'cli.js.map': '{}',
      'vendor-zod.js': 'zod',
      'consolidate-worker.js': 'worker',
    };
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, 'dist', f), text);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('zips the add-in files only, with the production manifest', () => {
    const out = join(dir, 'out', 'addin.zip');
    const r = release(join(dir, 'dist'), out, { ADDIN_URL: URL });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`trỏ tới ${URL}`);
    const zip = unzipSync(readFileSync(out));
    expect(Object.keys(zip).sort()).toEqual([
      'assets/icon-32.png',
      'manifest.xml',
      'taskpane.html',
      'taskpane.js',
    ]);
    expect(new TextDecoder().decode(zip['manifest.xml'])).toContain(`${URL}taskpane.html`);
  });

  it('refuses a missing or non-https address, and a manifest still pointing at localhost', () => {
    const out = join(dir, 'x.zip');
    for (const bad of [undefined, 'http://may-chu/tieuchi/', 'https://may-chu/tieuchi']) {
      const r = release(join(dir, 'dist'), out, { ADDIN_URL: bad });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^release: cần ADDIN_URL là địa chỉ https:\/\/… kết thúc bằng "\/"/);
    }
    writeFileSync(
      join(dir, 'dist', 'manifest.xml'),
      '<x DefaultValue="https://localhost:3000/taskpane.html"/>',
    );
    const r = release(join(dir, 'dist'), out, { ADDIN_URL: URL });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('release: manifest.xml vẫn trỏ tới https://localhost:3000\n');
  });
});
