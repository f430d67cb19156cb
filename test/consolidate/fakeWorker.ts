/**
 * A fake of the add-in's reader worker (src/taskpane/readerWorker.ts) behind the `WorkerLike`
 * interface: it answers through the real worker-side code (`answerReadRequest` on real workbook
 * bytes), or misbehaves on purpose — "treo*" files are never answered (a reader stuck for good),
 * "no*" files crash the worker; mode `never-ready` never loads, `broken-load` fails to load.
 */
import { answerReadRequest, type ReadRequest, type WorkerLike } from '../../src/consolidate/isolated';
import { builtinPacks } from '../../src/pack/registry';

export type FakeWorkerMode = 'normal' | 'never-ready' | 'broken-load';

const packs = builtinPacks();

export class FakeWorker implements WorkerLike {
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: ((ev: { message?: string; preventDefault?: () => void }) => void) | null = null;
  onmessageerror: ((ev: unknown) => void) | null = null;
  terminated = false;
  transferred: ArrayBuffer[] = [];
  received: ReadRequest[] = [];

  constructor(mode: FakeWorkerMode = 'normal') {
    setImmediate(() => {
      if (mode === 'normal') this.emit({ type: 'ready' });
      if (mode === 'broken-load') this.onerror?.({ message: 'Failed to load worker script' });
    });
  }

  private emit(data: unknown): void {
    if (!this.terminated) this.onmessage?.({ data });
  }

  postMessage(message: ReadRequest, transfer: ArrayBuffer[]): void {
    this.received.push(message);
    this.transferred.push(...transfer);
    setImmediate(() => {
      if (this.terminated) return;
      if (message.name.startsWith('treo')) return; // reading never ends
      if (message.name.startsWith('no')) {
        this.onerror?.({ message: 'Uncaught RangeError: Array buffer allocation failed' });
        return;
      }
      this.emit({ type: 'ready' }); // stray messages are ignored
      this.emit({ type: 'record', seq: message.seq + 1000, record: {} }); // answer to another question
      // never slow: read without the worker's own cooperative deadline (a clock-based backstop),
      // so only the page-side limit under test — on the test's manual timers — can stop a file
      this.emit(answerReadRequest({ ...message, limits: { ...message.limits, maxMillis: Infinity } }, packs));
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** Let pending setImmediate callbacks (the fake worker's answers) and promise reactions run. */
export const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Flush until `ok()` holds (bounded: a broken product fails the assertion that follows). */
export async function flushUntil(ok: () => boolean, rounds = 200): Promise<void> {
  for (let i = 0; i < rounds && !ok(); i++) await flush();
}
