/**
 * What loading the CLI costs before any command runs. The first `Intl.NumberFormat` of a process
 * starts ICU (~9 ms, a tenth of a one-shot `tieuchi check`, issue 10): no module the CLI loads may
 * make one at load time — formatters are made when a number is first shown (engine/numbers.ts).
 */
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
});
