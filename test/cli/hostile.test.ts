/**
 * The hostile-input corpus (./hostileCorpus.ts) through the CLI: for every case, `tieuchi check`
 * (in-process, `run(argv, ctx)`) exits with the expected code and prints exactly one line naming
 * the file and the reason. The built command then reads the whole corpus in one child process
 * (`tieuchi consolidate`, the same readers in workers) within a generous memory bound and a hang
 * limit — they catch unbounded reads and hangs, not slowness. Then `tieuchi consolidate` over a
 * folder holding good units among the hostile files: it reads every good unit and lists every
 * other file with its reason.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ensureCliBuilt, oneLine, ROOT, tempDir, tieuchi } from './run';
import { addressOf, buildCorpus, editWorkbook, setCell, type HostileCase } from './hostileCorpus';
import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { at } from '../helpers/at';
import { entry } from '../helpers/at';

/** Hang detection only: a healthy run takes a few seconds. */
const TIME_LIMIT_MS = 60_000;
/** Unbounded-read detection only: a healthy run stays near 100–200 MB. */
const MEMORY_LIMIT_KB = 900 * 1024;

interface Measured {
  status: number | null;
  stdout: string;
  stderr: string;
  maxRssKb: number;
  signal: NodeJS.Signals | null;
}

/** The built command as a child process, with its peak memory. */
function measured(dir: string, args: readonly string[]): Measured {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync(process.execPath, ['-r', join(__dirname, 'maxrss.js'), BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TIEUCHI_LANG: '', TIEUCHI_DEBUG: '', TIEUCHI_TEST_MAXRSS: rssFile },
    timeout: TIME_LIMIT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  let maxRssKb = Infinity;
  try {
    maxRssKb = Number(readFileSync(rssFile, 'utf8'));
  } catch {
    // no file: the process did not exit normally (killed by the time limit or crashed)
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, maxRssKb, signal: r.signal };
}

let dir: string;
let base: Uint8Array;
let cases: HostileCase[] = [];

beforeAll(async () => {
  dir = tempDir();
  const demo = await tieuchi(['demo', '--out', join(dir, 'demo')]);
  expect(demo.status).toBe(0);
  base = new Uint8Array(readFileSync(join(dir, 'demo', 'tieu-chi-xa-mau.xlsx')));
  cases = buildCorpus(join(dir, 'corpus'), base);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tieuchi check on the hostile corpus', () => {
  test('the corpus covers every case of issue 12 and the classic ones', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  test('the unmodified base workbook reads (the cases fail for their own reason only)', async () => {
    const r = await tieuchi(['check', join(dir, 'demo', 'tieu-chi-xa-mau.xlsx')]);
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).toBe('');
  });

  test('every case: expected exit, one line naming the file, no stack trace', async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const r = await tieuchi(['check', c.file, ...(c.args ?? [])]);
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      const named = c.names ?? c.file;
      const problems = [
        r.status !== c.exit && `exit ${r.status}, expected ${c.exit}`,
        lines.length !== 1 && `${lines.length} stderr lines`,
        lines.length === 1 && !at(lines, 0).includes(named) && 'the line does not name the file',
        lines.length === 1 && !c.line.test(at(lines, 0)) && `the line does not match ${c.line}`,
        /^\s+at /m.test(r.stderr) && 'a stack trace',
      ].filter(Boolean);
      if (problems.length) failures.push(`${c.name}: ${problems.join('; ')} — ${lines[0] ?? ''}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('the built command reads the whole corpus in one process', () => {
  beforeAll(() => ensureCliBuilt());

  test('it exits on its own and lists the unreadable files, within the memory bound', () => {
    const r = measured(dir, ['consolidate', join(dir, 'corpus'), '--json']);
    expect(r.signal).toBeNull();
    expect(r.maxRssKb).toBeLessThan(MEMORY_LIMIT_KB);
    expect([1, 2]).toContain(r.status);
    const result = JSON.parse(r.stdout) as { errors: Array<{ file: string }> };
    expect(result.errors.length).toBeGreaterThanOrEqual(10);
  });
});

describe('tieuchi consolidate over a folder of good and hostile files', () => {
  let folder: string;
  const good: string[] = [];
  beforeAll(() => {
    folder = join(dir, 'bao-cao');
    mkdirSync(join(folder, 'huyen-a'), { recursive: true });
    const wb = strFromU8(entry(unzipSync(base), 'xl/workbook.xml'));
    const unit = addressOf(wb, 'ten_don_vi');
    ['Xã Một', 'Xã Hai', 'Xã Ba'].forEach((name, i) => {
      const f = join(folder, i === 2 ? 'huyen-a' : '', `don-vi-${i + 1}.xlsx`);
      // a control character (Excel's _x001B_ escape) must never reach the terminal
      const text = i === 0 ? `${name}_x001B_[31m` : name;
      writeFileSync(
        f,
        editWorkbook(base, (x) =>
          setCell(x, unit, `<c r="${unit}" t="inlineStr"><is><t>${text}</t></is></c>`),
        ),
      );
      good.push(f);
    });
    symlinkSync(at(good, 1), join(folder, 'lien-ket-toi-don-vi-2.xlsx'));
    execFileSync('mkfifo', [join(folder, 'ong.xlsx')]);
    symlinkSync('/dev/zero', join(folder, 'zero.xlsx'));
    symlinkSync(join(folder, 'huyen-a'), join(folder, 'lien-ket-thu-muc'));
    for (const c of cases.filter((x) => /ten-dai|doctype|eocd|bom|ref|stale/.test(x.file))) {
      copyFileSync(c.file, join(folder, c.file.split('/').pop() as string));
    }
    writeFileSync(join(folder, 'cu.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    writeFileSync(join(folder, 'bang.csv'), 'a,b\n');
    writeFileSync(join(folder, 'lo.ods'), 'x');
    writeFileSync(join(folder, 'ghi-chu.txt'), 'không phải báo cáo');
    writeFileSync(join(folder, '~$don-vi-1.xlsx'), 'tệp khóa của Excel');
  });

  test('reads every good unit, lists every other spreadsheet with its reason', async () => {
    const r = await tieuchi(['consolidate', folder, '--json']);
    expect(r.status).toBe(1);
    const result = JSON.parse(r.stdout) as {
      units: Array<{ unit: string; file: string }>;
      duplicates: Array<{ dropped: string[] }>;
      errors: Array<{ file: string; message: string }>;
    };
    const read = [...result.units.map((u) => u.file), ...result.duplicates.flatMap((d) => d.dropped)];
    for (const f of good) expect(read).toContain(f);
    expect(read).toContain(join(folder, 'lien-ket-toi-don-vi-2.xlsx'));
    const reasons = Object.fromEntries(result.errors.map((e) => [e.file.split('/').pop(), e.message]));
    expect(reasons).toEqual({
      'ong.xlsx': expect.stringMatching(/không phải tệp thông thường/),
      'zero.xlsx': expect.stringMatching(/liên kết tượng trưng tới một thiết bị/),
      'lien-ket-thu-muc': expect.stringMatching(/liên kết tượng trưng tới một thư mục/),
      'ten-dai.xlsx': expect.stringMatching(/32\.767 ký tự/),
      'doctype.xlsx': expect.stringMatching(/DOCTYPE/),
      'eocd.xlsx': expect.stringMatching(/hai bản ghi kết thúc/),
      'bom.xlsx': expect.stringMatching(/bom nén/),
      'ref.xlsx': expect.stringMatching(/đã bị xóa/),
      'stale.xlsx': expect.stringMatching(/cần mở bằng Excel\/LibreOffice và lưu lại/),
      'cu.xls': expect.stringMatching(/97-2003/),
      'bang.csv': expect.stringMatching(/CSV/),
      'lo.ods': expect.stringMatching(/OpenDocument/),
    });
    for (const e of result.errors) {
      expect(e.message).toContain(e.file);
      expect(e.message).not.toContain('\n');
    }
  });

  test('--out naming one of the units is refused, even with --force, and the unit is kept', async () => {
    const before = readFileSync(at(good, 0));
    const r = await tieuchi(['consolidate', folder, '--json', '--out', at(good, 0), '--force']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`tệp kết quả "${good[0]}" trùng với tệp đầu vào`);
    expect(readFileSync(at(good, 0)).equals(before)).toBe(true);
  });

  test('the text output never carries a terminal escape sequence and fits the width', async () => {
    const r = await tieuchi(['consolidate', folder]);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(/\x1b/);
    expect(r.stdout).toContain('Xã Một[31m');
    const table = at(r.stdout.split('\n\n'), 0).split('\n');
    for (const line of table) expect([...line].length).toBeLessThanOrEqual(160);
  });
});

test('the one-line helper is what the cases use', () => {
  expect(oneLine('Không đọc được tệp "a": b\n')).toBe('Không đọc được tệp "a": b');
});
