/**
 * A clock the browser test controls, for the page's time limits. `holdTimers` is installed with
 * `page.addInitScript` (before any script of the page): a `setTimeout` whose delay is one of
 * `delays` is held — it never fires on its own, only when the test calls
 * `window.__heldTimers.fire(ms)`; every other timer (the pane's paint yields, Fluent UI) runs as
 * usual. The product's per-file limit is an ordinary `setTimeout` (src/consolidate/timers.ts), so
 * the page code under test is the production bundle, unchanged.
 *
 * The function is serialised into the page: it must not reference anything outside its body.
 */
export interface HeldTimers {
  /** held timers of this delay not yet fired or cleared */
  pending(ms: number): number;
  /** fire every held timer of this delay; returns how many fired */
  fire(ms: number): number;
}

declare global {
  interface Window {
    __heldTimers: HeldTimers;
  }
}

export function holdTimers(delays: number[]): void {
  const held = new Map<number, { run: () => void; ms: number }>();
  const realSet = window.setTimeout.bind(window);
  const realClear = window.clearTimeout.bind(window);
  // negative ids never collide with the browser's own (positive) timer ids
  let next = -1;
  const hold = (handler: TimerHandler, ms: number, args: unknown[]): number => {
    const id = next--;
    const run = (): void => {
      if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
    };
    held.set(id, { run, ms });
    return id;
  };
  const setTimeoutHeld = (handler: TimerHandler, ms?: number, ...args: unknown[]): number =>
    typeof ms === 'number' && delays.includes(ms) ? hold(handler, ms, args) : realSet(handler, ms, ...args);
  window.setTimeout = setTimeoutHeld as typeof window.setTimeout;
  const clearTimeoutHeld = (id?: number): void => {
    if (id !== undefined && held.delete(id)) return;
    realClear(id);
  };
  window.clearTimeout = clearTimeoutHeld as typeof window.clearTimeout;
  window.__heldTimers = {
    pending: (ms) => [...held.values()].filter((t) => t.ms === ms).length,
    fire(ms) {
      const due = [...held.entries()].filter(([, t]) => t.ms === ms);
      for (const [id] of due) held.delete(id);
      for (const [, t] of due) t.run();
      return due.length;
    },
  };
}
