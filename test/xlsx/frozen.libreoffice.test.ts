/**
 * A verdict that does not drift (issue: the plan layer, acceptance 3): a workbook checked on
 * 30/06/2026 with a blank "Ngày đánh giá" and then recalculated by LibreOffice — and read again by
 * `tieuchi check` — more than a year later shows the identical statuses, verdict and count, because
 * the check froze its as-of date into the stamp. The clock is faked with Debian's `faketime`
 * (libfaketime), for the CLI and for LibreOffice alike. The control workbook (same values, no
 * frozen date) does change its verdict, so the test can tell.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statusName } from '../../src/pack/schema';
import { buildCriteriaSheet } from '../../src/sheet/layout';
import { writeWorkbook } from '../../src/xlsx/write';
import { builtinPacksForTests } from '../helpers/cases';
import { makeProfile, sofficeArgs } from '../helpers/libreoffice';
import { fullPassValues } from '../helpers/samples';
import { readCachedBook } from '../helpers/xlsxCache';
import { BIN, ensureCliBuilt } from '../cli/run';

const CHECKED_ON = '2026-06-30 10:00:00';
const LATER = '2028-01-15 10:00:00';
/** libfaketime: keep monotonic clocks real so that Node's and LibreOffice's timers still run */
const FAKE_ENV = { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: '1' };

interface Json {
  asOf: string;
  verdict: { code: string; label: string };
  passed: number;
  applicable: number;
  criteria: Array<{ id: string; label: string }>;
}

function at(time: string, cmd: string, args: readonly string[], cwd: string): string {
  const r = spawnSync('faketime', [time, cmd, ...args], {
    cwd,
    env: FAKE_ENV,
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')}: ${r.status}\n${r.stderr}`);
  return r.stdout;
}

describe('a checked workbook keeps its verdict when recalculated a year later', () => {
  const pack = builtinPacksForTests().xa;
  let dir: string;
  beforeAll(() => {
    ensureCliBuilt();
    dir = mkdtempSync(join(tmpdir(), 'tieuchi-frozen-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('in LibreOffice and in tieuchi check, with the clock faked', async () => {
    // on track at 30/06/2026: two yearly counts not reached yet; "Ngày đánh giá" left blank
    const values = {
      ...fullPassValues(pack, { year: 2026 }),
      ngay_danh_gia: null,
      tc3_cach_lam_hay: 0,
      tc14_bang_khen: 0,
    };
    writeFileSync(join(dir, 'dv.json'), JSON.stringify({ pack: 'xa', values }));
    const first = JSON.parse(
      at(CHECKED_ON, process.execPath, [BIN, 'check', 'dv.json', '--json', '--out', 'da-kiem-tra.xlsx'], dir),
    ) as Json;
    expect(first.asOf).toBe('2026-06-30');
    expect(first.verdict.code).toBe('on_track');

    // the control: the same values in a workbook that no check has frozen
    writeFileSync(
      join(dir, 'chua-kiem-tra.xlsx'),
      await writeWorkbook([buildCriteriaSheet(pack, { values })]),
    );

    const out = join(dir, 'out');
    mkdirSync(out);
    const profile = makeProfile(join(dir, 'profile'));
    at(LATER, 'soffice', sofficeArgs(profile, 'xlsx', out, ['da-kiem-tra.xlsx', 'chua-kiem-tra.xlsx']), dir);

    const book = readCachedBook(readFileSync(join(out, 'da-kiem-tra.xlsx')));
    const read = (name: string): unknown => book.cells.get(book.names.get(name) ?? '');
    expect(read('ket_luan')).toBe(first.verdict.label);
    expect(read('so_dat')).toBe(first.passed);
    for (const c of first.criteria)
      expect([c.id, read(statusName({ number: Number(c.id.slice(2)) }))]).toEqual([c.id, c.label]);

    const control = readCachedBook(readFileSync(join(out, 'chua-kiem-tra.xlsx')));
    expect(String(control.cells.get(control.names.get('ket_luan') ?? ''))).toMatch(/^Chưa đạt: /);

    // tieuchi check of the checked workbook, a year and a half later
    const again = JSON.parse(
      at(LATER, process.execPath, [BIN, 'check', 'da-kiem-tra.xlsx', '--json'], dir),
    ) as Json;
    expect(again.asOf).toBe(first.asOf);
    expect(again.verdict).toEqual(first.verdict);
    expect([again.passed, again.applicable]).toEqual([first.passed, first.applicable]);
    expect(again.criteria.map((c) => c.label)).toEqual(first.criteria.map((c) => c.label));
    // … and of the control, which follows the clock
    const drift = JSON.parse(
      at(LATER, process.execPath, [BIN, 'check', 'chua-kiem-tra.xlsx', '--json'], dir),
    ) as Json;
    expect(drift.asOf).toBe('2028-01-15');
  }, 300_000);
});
