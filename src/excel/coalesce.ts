/**
 * Coalesces bursts of change notifications (typing, pastes, multi-cell edits) into one call after
 * `ms` of quiet. Pure: uses only the global timer functions, so jest fake timers drive it in tests.
 */
export interface ChangeCoalescer {
  /** a change happened: (re)start the quiet period */
  notify(): void;
  /** run now if a call is pending */
  flush(): void;
  /** drop the pending call and stop */
  cancel(): void;
  readonly pending: boolean;
}

export function createChangeCoalescer(fn: () => void, ms: number): ChangeCoalescer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const fire = (): void => {
    timer = undefined;
    fn();
  };
  return {
    notify(): void {
      if (cancelled) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(fire, ms);
    },
    flush(): void {
      if (timer === undefined) return;
      clearTimeout(timer);
      fire();
    },
    cancel(): void {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    get pending(): boolean {
      return timer !== undefined;
    },
  };
}
