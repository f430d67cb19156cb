/**
 * `tieuchi check --explain` in process (the same `run` the bundle calls): the guidance of the pack
 * printed under each criterion that is not met, for its status.
 */
import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { evaluate } from '../../src/engine/evaluate';
import { excelDate } from '../../src/engine/dates';
import { explainText } from '../../src/cli/explain';
import type { Ctx } from '../../src/cli/context';
import { messages, type Lang } from '../../src/i18n/cli';
import { run } from '../../src/cli/main';
import { getBuiltinPack } from '../../src/pack/registry';
import xaData from '../../src/pack/builtin/xa.json';
import { fullPassValues } from '../helpers/samples';
import { ROOT, tempDir } from './run';

const SAMPLE_XA = join(ROOT, 'samples', 'xa.json');

function capture(lang: Lang = 'vi'): { ctx: Ctx; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const ctx: Ctx = {
    lang,
    m: messages(lang),
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    today: () => excelDate(2026, 11, 20),
  };
  return { ctx, out: () => out, err: () => err };
}

/** Output with the wrapping undone: one space wherever a line was broken. */
const unwrap = (s: string): string => s.replace(/\n {4}(?![•])/g, ' ');

function xa() {
  const p = getBuiltinPack('xa');
  if (!p) throw new Error('no xa');
  return p;
}
const guidance = (id: string) => {
  const g = xa()
    .groups.flatMap((x) => x.criteria)
    .find((c) => c.id === id)?.guidance;
  if (!g) throw new Error(`no guidance for ${id}`);
  return g;
};

describe('check --explain', () => {
  test('prints the reason, the fix for the status and the evidence under each criterion not met', async () => {
    const c = capture();
    const code = await run(['check', SAMPLE_XA, '--explain'], c.ctx);
    expect(code).toBe(1); // the exit code does not change
    const out = unwrap(c.out());
    const block = out.slice(out.indexOf('Hướng dẫn khắc phục ('));
    expect(block).toMatch(/^Hướng dẫn khắc phục \([0-9]+ tiêu chí chưa đạt\):$/m);
    // a failing criterion: its fail fix; a criterion not yet due: its not_due fix
    const tc18 = block.slice(
      block.indexOf('TC18 · Không đạt · '),
      block.indexOf('\nTC', block.indexOf('TC18 ·') + 1),
    );
    expect(tc18).toContain('• Lý do: Số vụ phạm tội về trật tự xã hội kỳ này: giảm 2,5%');
    expect(tc18).toContain(`• Cách khắc phục: ${guidance('TC18').fix.fail ?? '?'}`);
    expect(tc18).toContain(`• Minh chứng: ${guidance('TC18').evidence}`);
    // at the review (after the plan's period end) nothing is "not yet due"
    expect(block).not.toContain('Chưa đến hạn');
    // mid-period, a yearly requirement not met yet is: its not_due fix
    const sample = JSON.parse(readFileSync(SAMPLE_XA, 'utf8')) as { values: Record<string, unknown> };
    const dir = mkdtempSync(join(tmpdir(), 'tieuchi-explain-'));
    const midFile = join(dir, 'giua-ky.json');
    writeFileSync(midFile, JSON.stringify({ pack: 'xa', values: { ...sample.values, tc14_bang_khen: 0 } }));
    const mid = capture();
    await run(['check', midFile, '--explain', '--as-of', '2026-06-30'], mid.ctx);
    rmSync(dir, { recursive: true, force: true });
    const midBlock = unwrap(mid.out());
    expect(midBlock).toContain('TC14 · Chưa đến hạn · ');
    expect(midBlock).toContain(`• Cách khắc phục: ${guidance('TC14').fix.not_due ?? '?'}`);
    // passing criteria are not explained; the table before is unchanged
    expect(block).not.toMatch(/^TC1 · /m);
    const plain = capture();
    await run(['check', SAMPLE_XA], plain.ctx);
    expect(c.out().startsWith(plain.out())).toBe(true);
    expect(plain.out()).not.toContain('Hướng dẫn khắc phục');
    expect(c.err()).toBe('');
  });

  test('--lang en translates the headings only; --explain with --json is a usage error', async () => {
    const en = capture('en');
    await run(['check', SAMPLE_XA, '--explain'], en.ctx);
    expect(en.out()).toMatch(/^How to fix \([0-9]+ criteria not met\):$/m);
    expect(unwrap(en.out())).toContain(`• How to fix: ${guidance('TC18').fix.fail ?? '?'}`);
    const both = capture();
    expect(await run(['check', SAMPLE_XA, '--explain', '--json'], both.ctx)).toBe(2);
    expect(both.out()).toBe('');
    expect(both.err()).toContain('--explain');
    expect(both.err()).toContain('--json');
  });

  test('a user pack without guidance says so; a unit meeting everything gets no block', async () => {
    const dir = tempDir();
    const bare = JSON.parse(JSON.stringify(xaData)) as {
      groups: Array<{ criteria: Array<Record<string, unknown>> }>;
    };
    for (const g of bare.groups) for (const c of g.criteria) delete c.guidance;
    const packFile = join(dir, 'goi-khong-huong-dan.json');
    writeFileSync(packFile, JSON.stringify(bare));
    const c = capture();
    expect(await run(['check', SAMPLE_XA, '--explain', '--pack', packFile], c.ctx)).toBe(1);
    const out = unwrap(c.out());
    const tc18 = out.slice(
      out.indexOf('TC18 · Không đạt · '),
      out.indexOf('\nTC', out.indexOf('TC18 ·') + 1),
    );
    expect(tc18).toContain('• Lý do: ');
    expect(tc18).toContain('Bộ tiêu chí không có hướng dẫn cho tiêu chí này.');
    expect(tc18).not.toContain('Cách khắc phục');

    const p = xa();
    const values = {
      ...fullPassValues(p, { year: 2025 }),
      nam: 2025,
      ngay_danh_gia: excelDate(2025, 12, 31),
      an_toan_nam_truoc: 'Có',
      phan_loai_nam_truoc: 'Khá',
    };
    const ev = evaluate(p, values, { today: excelDate(2026, 1, 15) });
    expect(ev.verdict.code).toBe('pass');
    expect(explainText(p, ev, capture().ctx, 100)).toBe('');
  });
});
