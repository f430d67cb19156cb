/**
 * Manual timers for the product's injectable `Timers` (src/consolidate/timers.ts): nothing fires
 * until the test calls `fire()`, so a time limit is reached exactly when the test says, never
 * because the machine happened to be slow or fast.
 */
import type { Timers } from '../../src/consolidate/timers';

export class ManualTimers implements Timers {
  private next = 1;
  /** the timers started and not yet fired or cancelled, by id */
  readonly pending = new Map<number, { fn: () => void; ms: number }>();

  start = (fn: () => void, ms: number): (() => void) => {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    return () => {
      this.pending.delete(id);
    };
  };

  /** Fire every pending timer (whatever its delay); returns their delays. */
  fire(): number[] {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.fn();
    return due.map((t) => t.ms);
  }
}

/** Timers whose every time limit has already expired: each fires on the next microtask. */
export const expiredTimers: Timers = {
  start(fn) {
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) fn();
    });
    return () => {
      cancelled = true;
    };
  },
};

/**
 * Timers that never fire: a time limit that never expires, so a test's outcome cannot depend on
 * how loaded the machine is (a real hang is left to jest's test timeout).
 */
export const neverExpiring: Timers = {
  start: () => () => undefined,
};
