/**
 * What loading the CLI costs before any command runs (issue 10: `check` ≤ 2× `node -e 0`). The
 * first `Intl.NumberFormat` of a process starts ICU (~9 ms, a tenth of a one-shot `tieuchi check`):
 * no module the CLI loads may make one at load time — formatters are made when a number is first
 * shown (engine/numbers.ts). And `node:worker_threads` (~1 ms) loads only when consolidation starts
 * a worker.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BUNDLE = join(__dirname, '..', '..', 'dist', 'cli.js');
describe('loading the CLI', () => {
  it('makes no Intl.NumberFormat until a number is formatted', async () => {
    const made = jest.spyOn(Intl, 'NumberFormat');
    try {
      await jest.isolateModulesAsync(async () => {
        const cli = await import('../../src/cli/main');
        expect(typeof cli.cliMain).toBe('function');
      });
      expect(made).not.toHaveBeenCalled();
      // the spy sees formatters when one is made (so the assertion above can fail)
      const { formatNumber } = await import('../../src/engine/numbers');
      expect(formatNumber(1234567, { maxFractionDigits: 0, locale: 'en-US' })).toBe('1,234,567');
      expect(made).toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });

  it('loads no node:worker_threads until a worker is started (the bundle, as `check` loads it)', () => {
    const script = `require(${JSON.stringify(BUNDLE)});
      process.stdout.write(JSON.stringify(process.moduleLoadList.filter((m) => /worker_threads|NativeModule v8$/.test(m))));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const loaded = JSON.parse(r.stdout) as string[];
    // v8 is loaded (the CLI sets its flags): the list is the real one
    expect(loaded).toContain('NativeModule v8');
    expect(loaded).not.toContain('NativeModule worker_threads');
  });
});
