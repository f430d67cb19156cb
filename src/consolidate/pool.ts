/**
 * A small pool of worker threads that read unit workbooks in isolation: each worker has a memory
 * cap (`resourceLimits`) and each file a time limit. A file that exhausts its worker's memory,
 * crashes it or overruns the time limit costs only that worker, which is terminated and replaced;
 * the file is reported with its reason and the batch goes on. Each worker gets `depth` files ahead
 * (it reads them one by one, so a per-file time limit still applies to the file being read) and
 * never waits for the main thread between two files.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { errorLines, InputError, reason, type ErrorLines, type ReasonKey } from '../io/errors';
import type { UnitRecord } from '../sheet/summary';
import { realTimers, type Timers } from './timers';
import { WORKER_ROLE, type WorkerInit, type WorkerReply, type WorkerRequest } from './protocol';

export interface PoolOptions {
  /** worker threads */
  size: number;
  /** files sent ahead to each worker, so that it never waits for its next file (default 1) */
  depth?: number;
  /** per-file time limit (ms), after which the worker is terminated */
  fileTimeoutMs: number;
  resourceLimits: ResourceLimits;
  /** what the time limit is measured with (default: Node's timers) */
  timers?: Timers;
}

/** Workers used when the caller does not say: one per core, at most this many. */
export const MAX_WORKERS = 8;

/** One worker per core (at most MAX_WORKERS), never more than `jobs` when given. */
export function workerCount(jobs?: number): number {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return Math.max(1, Math.min(jobs ?? Math.min(cores, MAX_WORKERS), 64));
}

export const DEFAULT_POOL: PoolOptions = {
  size: workerCount(),
  depth: 2,
  fileTimeoutMs: 15_000,
  resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
};

export type ReadOutcome = { ok: true; record: UnitRecord } | ({ ok: false } & ErrorLines);

interface Task {
  file: string;
  listedRegular: boolean;
  resolve: (r: ReadOutcome) => void;
}

/** `node:worker_threads`, loaded when the first worker starts (not at every command's start-up). */
let workerThreads: typeof import('node:worker_threads') | undefined;

/** How to start a worker from wherever this code runs (TypeScript sources or the CLI bundle). */
function spawn(init: Omit<WorkerInit, 'role'>, limits: ResourceLimits): Worker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (see above)
  workerThreads ??= require('node:worker_threads') as typeof import('node:worker_threads');
  const { Worker } = workerThreads;
  const workerData: WorkerInit = { role: WORKER_ROLE, ...init };
  if (__filename.endsWith('.ts')) {
    // running from sources (jest, bench): load the worker through the esbuild require hook
    const register = resolve(__dirname, '..', '..', 'scripts', 'register-ts.js');
    const entry = join(__dirname, 'worker.ts');
    if (!existsSync(register)) throw new Error(`consolidate: missing ${register}`);
    const code = `require(${JSON.stringify(register)}); require(${JSON.stringify(entry)});`;
    return new Worker(code, { eval: true, workerData, resourceLimits: limits });
  }
  // bundled: dist/consolidate-worker.js, a small bundle of ./worker.ts next to dist/cli.js
  const bundle = join(__dirname, 'consolidate-worker.js');
  if (!existsSync(bundle)) throw new Error(`consolidate: missing ${bundle}`);
  return new Worker(bundle, { workerData, resourceLimits: limits });
}

interface InFlight extends Task {
  id: number;
}

class Slot {
  worker: Worker | undefined;
  /** files sent to the worker, in the order it reads them; the first is being read */
  inFlight: InFlight[] = [];
  /** cancels the time limit of the file being read */
  cancelTimer: (() => void) | undefined;
  /** the criterion titles of the last record this worker sent with them (see `WorkerReply`) */
  titles: Record<string, string> | undefined;
}

export class ReaderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  /** workers started so far (replacements included), for tests and the bench */
  started = 0;

  constructor(
    private readonly init: Omit<WorkerInit, 'role'>,
    private readonly opts: PoolOptions = DEFAULT_POOL,
  ) {
    for (let i = 0; i < Math.max(1, opts.size); i++) this.slots.push(new Slot());
  }

  /** Read `file`; `listedRegular` when a folder listing typed it as a regular file (one stat). */
  read(file: string, listedRegular = false): Promise<ReadOutcome> {
    return new Promise((resolvePromise) => {
      this.queue.push({ file, listedRegular, resolve: resolvePromise });
      this.pump();
    });
  }

  /** Fills the workers breadth-first: one file each, then up to `depth` queued in each. */
  private pump(): void {
    const depth = Math.max(1, this.opts.depth ?? 1);
    for (let level = 1; level <= depth; level++) {
      for (const slot of this.slots) {
        if (this.closed || !this.queue.length) return;
        if (slot.inFlight.length < level) this.dispatch(slot, this.queue.shift() as Task);
      }
    }
  }

  private ensureWorker(slot: Slot): Worker {
    if (slot.worker) return slot.worker;
    const w = spawn(this.init, this.opts.resourceLimits);
    this.started++;
    slot.worker = w;
    slot.titles = undefined;
    w.on('message', (reply: WorkerReply) => {
      if (slot.worker !== w) return;
      let outcome: ReadOutcome;
      if (!reply.ok) outcome = { ok: false, message: reply.message, messageEn: reply.messageEn };
      else if (reply.sameTitles) outcome = { ok: true, record: { ...reply.record, titles: slot.titles } };
      else {
        slot.titles = reply.record.titles;
        outcome = { ok: true, record: reply.record };
      }
      if (slot.inFlight[0]?.id === reply.id) this.finish(slot, outcome);
    });
    w.on('error', (e: Error & { code?: string }) => {
      const why =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? reason('reader.outOfMemory')
          : reason('reader.error', { detail: (e.message || String(e)).split('\n', 1)[0] ?? '' });
      this.fail(slot, w, why);
    });
    w.on('exit', (code) => {
      if (slot.worker === w) this.fail(slot, w, reason('reader.exit', { code: String(code) }));
    });
    return w;
  }

  private dispatch(slot: Slot, t: Task): void {
    let w: Worker;
    try {
      w = this.ensureWorker(slot);
    } catch (e) {
      t.resolve({
        ok: false,
        ...errorLines(new InputError(t.file, 'reader.noStart', { detail: String(e) }), t.file),
      });
      return;
    }
    const id = this.nextId++;
    slot.inFlight.push({ id, ...t });
    if (slot.inFlight.length === 1) this.startTimer(slot, w);
    w.postMessage({ id, file: t.file, listedRegular: t.listedRegular } satisfies WorkerRequest);
  }

  /** The time limit of the file the worker reads now (the worker reads its files one by one). */
  private startTimer(slot: Slot, w: Worker): void {
    const seconds = { decimal: this.opts.fileTimeoutMs / 1000 };
    slot.cancelTimer = (this.opts.timers ?? realTimers).start(
      () => this.fail(slot, w, reason('file.timeout', { seconds })),
      this.opts.fileTimeoutMs,
    );
  }

  private finish(slot: Slot, outcome: ReadOutcome): void {
    const task = slot.inFlight.shift();
    if (!task) return;
    slot.cancelTimer?.();
    slot.cancelTimer = undefined;
    if (slot.inFlight.length && slot.worker) this.startTimer(slot, slot.worker);
    task.resolve(outcome);
    this.pump();
  }

  /**
   * The file `slot` is reading failed in a way that costs the worker: report it, requeue the files
   * queued behind it (first in line, in order) and replace the worker.
   */
  private fail(slot: Slot, w: Worker, why: ReasonKey): void {
    if (slot.worker !== w) return;
    slot.worker = undefined;
    w.removeAllListeners('message');
    void w.terminate();
    slot.cancelTimer?.();
    slot.cancelTimer = undefined;
    const [task, ...waiting] = slot.inFlight;
    slot.inFlight = [];
    this.queue.unshift(
      ...waiting.map(({ file, listedRegular, resolve }) => ({ file, listedRegular, resolve })),
    );
    if (task) task.resolve({ ok: false, ...errorLines(new InputError(task.file, why), task.file) });
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    const ws = this.slots.map((s) => s.worker).filter((w): w is Worker => !!w);
    for (const s of this.slots) s.worker = undefined;
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
