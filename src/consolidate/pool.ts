/**
 * A small pool of worker threads that read unit workbooks in isolation: each worker has a memory
 * cap (`resourceLimits`) and each file a time limit. A file that exhausts its worker's memory,
 * crashes it or overruns the time limit costs only that worker, which is terminated and replaced;
 * the file is reported with its reason and the batch goes on.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { InputError } from '../io/errors';
import type { UnitRecord } from '../sheet/summary';
import { realTimers, type Timers } from './timers';
import { WORKER_ROLE, type WorkerInit, type WorkerReply, type WorkerRequest } from './worker';

export interface PoolOptions {
  size: number;
  /** per-file time limit (ms), after which the worker is terminated */
  fileTimeoutMs: number;
  resourceLimits: ResourceLimits;
  /** what the time limit is measured with (default: Node's timers) */
  timers?: Timers;
}

export const DEFAULT_POOL: PoolOptions = {
  size: 2,
  fileTimeoutMs: 15_000,
  resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
};

export type ReadOutcome = { ok: true; record: UnitRecord } | { ok: false; message: string };

interface Task {
  file: string;
  resolve: (r: ReadOutcome) => void;
}

/** How to start a worker from wherever this code runs (TypeScript sources or the CLI bundle). */
function spawn(init: Omit<WorkerInit, 'role'>, limits: ResourceLimits): Worker {
  const workerData: WorkerInit = { role: WORKER_ROLE, ...init };
  if (__filename.endsWith('.ts')) {
    // running from sources (jest, bench): load the worker through the esbuild require hook
    const register = resolve(__dirname, '..', '..', 'scripts', 'register-ts.js');
    const entry = join(__dirname, 'worker.ts');
    if (!existsSync(register)) throw new Error(`consolidate: missing ${register}`);
    const code = `require(${JSON.stringify(register)}); require(${JSON.stringify(entry)});`;
    return new Worker(code, { eval: true, workerData, resourceLimits: limits });
  }
  // bundled (dist/cli.js): the bundle contains ./worker.ts, which starts itself on `workerData.role`
  return new Worker(__filename, { workerData, resourceLimits: limits });
}

class Slot {
  worker: Worker | undefined;
  task: { id: number; file: string; resolve: (r: ReadOutcome) => void; cancelTimer: () => void } | undefined;
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

  read(file: string): Promise<ReadOutcome> {
    return new Promise((resolvePromise) => {
      this.queue.push({ file, resolve: resolvePromise });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.closed || slot.task || !this.queue.length) continue;
      const t = this.queue.shift() as Task;
      this.dispatch(slot, t);
    }
  }

  private ensureWorker(slot: Slot): Worker {
    if (slot.worker) return slot.worker;
    const w = spawn(this.init, this.opts.resourceLimits);
    this.started++;
    slot.worker = w;
    w.on('message', (reply: WorkerReply) => {
      if (!slot.task || slot.task.id !== reply.id) return;
      this.finish(
        slot,
        reply.ok ? { ok: true, record: reply.record } : { ok: false, message: reply.message },
      );
    });
    w.on('error', (e: Error & { code?: string }) => {
      const reason =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'tệp cần quá nhiều bộ nhớ để đọc (có thể là tệp độc hại hoặc bị hỏng)'
          : `lỗi khi đọc tệp (${(e.message || String(e)).split('\n', 1)[0]})`;
      this.fail(slot, w, reason);
    });
    w.on('exit', (code) => {
      if (slot.worker === w) this.fail(slot, w, `trình đọc tệp dừng bất thường (mã ${code})`);
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
        message: new InputError(t.file, `không khởi động được trình đọc (${String(e)})`).message,
      });
      return;
    }
    const id = this.nextId++;
    const secs = String(this.opts.fileTimeoutMs / 1000).replace('.', ',');
    const cancelTimer = (this.opts.timers ?? realTimers).start(
      () => this.fail(slot, w, `đọc tệp quá thời gian cho phép (${secs} giây)`),
      this.opts.fileTimeoutMs,
    );
    slot.task = { id, file: t.file, resolve: t.resolve, cancelTimer };
    w.postMessage({ id, file: t.file } satisfies WorkerRequest);
  }

  private finish(slot: Slot, outcome: ReadOutcome): void {
    const task = slot.task;
    if (!task) return;
    task.cancelTimer();
    slot.task = undefined;
    task.resolve(outcome);
    this.pump();
  }

  /** The current file of `slot` failed in a way that costs the worker: report it, replace the worker. */
  private fail(slot: Slot, w: Worker, reason: string): void {
    if (slot.worker !== w) return;
    slot.worker = undefined;
    w.removeAllListeners('message');
    void w.terminate();
    const task = slot.task;
    if (task) this.finish(slot, { ok: false, message: new InputError(task.file, reason).message });
    else this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    const ws = this.slots.map((s) => s.worker).filter((w): w is Worker => !!w);
    for (const s of this.slots) s.worker = undefined;
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
