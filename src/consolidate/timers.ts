/**
 * The timers a per-file time limit is measured with. The product uses the platform's own
 * (`realTimers`); a caller may pass others — the tests pass manual timers that fire only when the
 * test says so, so a time limit is reached deterministically, however fast or loaded the machine.
 */
export interface Timers {
  /** Run `fn` once after `ms` milliseconds; returns the function that cancels it. */
  start(fn: () => void, ms: number): () => void;
}

export const realTimers: Timers = {
  start(fn, ms) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};
