/**
 * Reading picked unit workbooks in a dedicated Web Worker (the add-in's "Tổng hợp"), so that one
 * hostile file cannot freeze or take down the pane: the worker (src/taskpane/readerWorker.ts, its
 * own webpack entry) gets the file's bytes (transferred, not copied), reads them with the same
 * `readWorkbookBuffer` + `unitRecordFromData` as everywhere else and posts back the unit record or
 * the Vietnamese reason. The page side here owns the hard per-file time limit: when it expires, or
 * the worker fails, the worker is terminated, the file is listed with its reason and the next file
 * gets a fresh worker.
 *
 * Browser-safe and DOM-free: the worker is reached through the small `WorkerLike` interface, so the
 * protocol and the time-limit logic are unit-tested with a fake worker (test/consolidate/isolated.test.ts).
 */
import {
  errorLines,
  InputError,
  ReaderStartError,
  reason,
  type ErrorLines,
  type ReasonKey,
} from '../io/errors';
import type { Limits } from '../io/limits';
import { readWorkbookBuffer } from '../io/xlsx';
import type { Pack } from '../pack/schema';
import type { UnitRecord } from '../sheet/summary';
import { unitRecordFromData } from './record';
import { realTimers, type Timers } from './timers';

/** Page → worker: read one file. */
export interface ReadRequest {
  type: 'read';
  /** matches the answer to the question */
  seq: number;
  name: string;
  lastModified: number;
  /** the file's bytes (transferred) */
  bytes: ArrayBuffer;
  today: number;
  fieldIds: string[];
  limits: Limits;
}

/** Worker → page. `ready` once the worker has loaded (the time limit starts after it). */
export type ReadResponse =
  | { type: 'ready' }
  | { type: 'record'; seq: number; record: UnitRecord }
  | ({ type: 'error'; seq: number } & ErrorLines);

/** The part of a DOM `Worker` used here. */
export interface WorkerLike {
  postMessage(message: ReadRequest, transfer: ArrayBuffer[]): void;
  terminate(): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: { message?: string; preventDefault?: () => void }) => void) | null;
  onmessageerror?: ((ev: unknown) => void) | null;
}

/** Reading one file → its record, or the message that lists it as unreadable. */
export type ReadOutcome = { ok: true; record: UnitRecord } | ({ ok: false } & ErrorLines);

/** What the page asks of one file (bytes already size-checked). */
export interface ReadJob {
  name: string;
  lastModified: number;
  bytes: Uint8Array;
  today: number;
  fieldIds: readonly string[];
  limits: Limits;
}

/** Worker side: answer one request (never throws; every failure becomes a message). */
export function answerReadRequest(req: ReadRequest, packs: readonly Pack[]): ReadResponse {
  try {
    const data = readWorkbookBuffer(new Uint8Array(req.bytes), req.name, req.limits);
    const record = unitRecordFromData(
      req.name,
      data,
      { packs, today: req.today, fieldIds: req.fieldIds },
      req.lastModified,
    );
    return { type: 'record', seq: req.seq, record };
  } catch (e) {
    return { type: 'error', seq: req.seq, ...errorLines(e, req.name) };
  }
}

/** How long a new worker may take to load by default (ms). */
export const DEFAULT_START_MILLIS = 30_000;

export interface IsolatedReaderOptions {
  /** a new worker (a fresh one after each termination) */
  create: () => WorkerLike;
  /** how long a new worker may take to load before the batch gives up (ms; default 30 s) */
  startMillis?: number;
  /** what the time limits are measured with (default: the platform's timers) */
  timers?: Timers;
}

/**
 * Reads files one at a time in a worker. `read` never rejects for a file's fault: a timeout, a
 * crash or an error answer is an `{ ok: false, message }` naming the file. It rejects only when no
 * worker can be started at all (the bundle failed to load), which the batch reports as a whole.
 */
export class IsolatedReader {
  private worker: WorkerLike | undefined;
  private ready: Promise<WorkerLike> | undefined;
  private seq = 0;
  /** workers started so far (tests and diagnostics) */
  started = 0;
  private readonly timers: Timers;

  constructor(private readonly opts: IsolatedReaderOptions) {
    this.timers = opts.timers ?? realTimers;
  }

  /** A loaded worker (started on first use and after each termination). */
  private start(): Promise<WorkerLike> {
    if (this.ready) return this.ready;
    const w = this.opts.create();
    this.started++;
    this.worker = w;
    const startMillis = this.opts.startMillis ?? DEFAULT_START_MILLIS;
    this.ready = new Promise<WorkerLike>((resolve, reject) => {
      const fail = (why: ReasonKey | string): void => {
        cancel();
        this.kill(w);
        reject(new ReaderStartError(reason('reader.startFailed', { why })));
      };
      const seconds = { decimal: startMillis / 1000, digits: 2 };
      const cancel = this.timers.start(() => fail(reason('reader.startTimeout', { seconds })), startMillis);
      w.onmessage = (ev) => {
        if (isResponse(ev.data) && ev.data.type === 'ready') {
          cancel();
          resolve(w);
        }
      };
      w.onerror = (ev) => {
        ev.preventDefault?.();
        fail(ev.message || reason('reader.loadError'));
      };
    });
    // a failed start may be retried by the next file
    this.ready.catch(() => undefined);
    return this.ready;
  }

  private kill(w: WorkerLike): void {
    w.onmessage = null;
    w.onerror = null;
    if (w.onmessageerror !== undefined) w.onmessageerror = null;
    w.terminate();
    if (this.worker === w) {
      this.worker = undefined;
      this.ready = undefined;
    }
  }

  /** Read one file in the worker under the hard time limit `job.limits.maxMillis`. */
  async read(job: ReadJob): Promise<ReadOutcome> {
    const w = await this.start();
    const seq = ++this.seq;
    const hardMillis = job.limits.maxMillis;
    return await new Promise<ReadOutcome>((resolve) => {
      const settle = (outcome: ReadOutcome, terminate: boolean): void => {
        cancel();
        if (terminate) this.kill(w);
        else {
          w.onmessage = null;
          w.onerror = null;
        }
        resolve(outcome);
      };
      const failed = (why: ReasonKey): ReadOutcome => ({
        ok: false,
        ...errorLines(new InputError(job.name, why), job.name),
      });
      const cancel = this.timers.start(
        () =>
          settle(
            failed(reason('reader.timeout', { seconds: { decimal: hardMillis / 1000, digits: 2 } })),
            true,
          ),
        hardMillis,
      );
      w.onmessage = (ev) => {
        const m = ev.data;
        if (!isResponse(m) || m.type === 'ready' || m.seq !== seq) return;
        if (m.type === 'record') settle({ ok: true, record: m.record }, false);
        else settle({ ok: false, message: m.message, messageEn: m.messageEn }, false);
      };
      w.onerror = (ev) => {
        ev.preventDefault?.();
        const why = ev.message
          ? reason('reader.crashedWhy', { detail: ev.message })
          : reason('reader.crashed');
        settle(failed(why), true);
      };
      if (w.onmessageerror !== undefined) {
        w.onmessageerror = () => settle(failed(reason('reader.badReply')), true);
      }
      // the file's bytes are handed over (transferred, not copied) to the worker; the
      // worker's own cooperative deadline is only a backstop: the limit that counts is the one here
      const whole =
        job.bytes.byteOffset === 0 &&
        job.bytes.buffer instanceof ArrayBuffer &&
        job.bytes.byteLength === job.bytes.buffer.byteLength;
      const bytes = whole ? (job.bytes.buffer as ArrayBuffer) : job.bytes.slice().buffer;
      w.postMessage(
        {
          type: 'read',
          seq,
          name: job.name,
          lastModified: job.lastModified,
          bytes,
          today: job.today,
          fieldIds: [...job.fieldIds],
          limits: { ...job.limits, maxMillis: hardMillis * 2 },
        },
        [bytes],
      );
    });
  }

  /** Stop the worker (end of the batch). */
  dispose(): void {
    if (this.worker) this.kill(this.worker);
  }
}

function isResponse(m: unknown): m is ReadResponse {
  if (typeof m !== 'object' || m === null) return false;
  const t = (m as { type?: unknown }).type;
  return t === 'ready' || t === 'record' || t === 'error';
}
