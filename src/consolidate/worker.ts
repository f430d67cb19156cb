/**
 * Worker-thread side of consolidation: reads one file per message with ./readUnit and answers with
 * the record or the error message. Started by ./pool.ts, either as this TypeScript file (through
 * scripts/register-ts.js, in tests and benches) or as its own small bundle (dist/consolidate-worker.js,
 * built by scripts/build-cli.mjs); the start is guarded by `workerData.role`.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { describeError } from '../io/errors';
import type { Limits } from '../io/limits';
import type { Pack } from '../pack/schema';
import type { UnitRecord } from '../sheet/summary';
import { readUnit } from './readUnit';

export const WORKER_ROLE = 'tieuchi-consolidate-worker';

export interface WorkerInit {
  role: typeof WORKER_ROLE;
  packs: Pack[];
  today: number;
  limits?: Partial<Limits>;
  fieldIds: string[];
}

export interface WorkerRequest {
  id: number;
  file: string;
  /** the folder walk typed it as a regular file (see `readRegularFile`) */
  listedRegular?: boolean;
}

export type WorkerReply =
  { id: number; ok: true; record: UnitRecord } | { id: number; ok: false; message: string };

function isInit(x: unknown): x is WorkerInit {
  return typeof x === 'object' && x !== null && (x as { role?: unknown }).role === WORKER_ROLE;
}

function start(init: WorkerInit): void {
  const port = parentPort;
  if (!port) return;
  // files are read one after the other, in the order they were sent (the pool times the first)
  let line: Promise<void> = Promise.resolve();
  port.on('message', (req: WorkerRequest) => {
    line = line.then(() =>
      readUnit(req.file, init, req.listedRegular === true).then(
        (record) => port.postMessage({ id: req.id, ok: true, record } satisfies WorkerReply),
        (e: unknown) =>
          port.postMessage({
            id: req.id,
            ok: false,
            message: describeError(e, req.file),
          } satisfies WorkerReply),
      ),
    );
  });
}

if (!isMainThread && isInit(workerData)) start(workerData);
