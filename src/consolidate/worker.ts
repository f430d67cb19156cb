/**
 * Worker-thread side of consolidation: reads one file per message with ./readUnit and answers with
 * the record or the error's lines (Vietnamese and English). Started by ./pool.ts, either as this TypeScript file (through
 * scripts/register-ts.js, in tests and benches) or as its own small bundle (dist/consolidate-worker.js,
 * built by scripts/build-cli.mjs); the start is guarded by `workerData.role`.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { errorLines } from '../io/errors';
import type { UnitRecord } from '../sheet/summary';
import { WORKER_ROLE, type WorkerInit, type WorkerReply, type WorkerRequest } from './protocol';
import { readUnit } from './readUnit';

/** Whether two title maps hold the same titles (built from the same pack: usually the same strings). */
function sameTitles(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}

function isInit(x: unknown): x is WorkerInit {
  return typeof x === 'object' && x !== null && (x as { role?: unknown }).role === WORKER_ROLE;
}

function start(init: WorkerInit): void {
  const port = parentPort;
  if (!port) return;
  // files are read one after the other, in the order they were sent (the pool times the first)
  let line: Promise<void> = Promise.resolve();
  let lastTitles: Record<string, string> | undefined;
  const reply = (id: number, record: UnitRecord): WorkerReply => {
    const { titles, ...rest } = record;
    if (titles !== undefined && lastTitles !== undefined && sameTitles(titles, lastTitles))
      return { id, ok: true, record: rest, sameTitles: true };
    lastTitles = titles;
    return { id, ok: true, record };
  };
  port.on('message', (req: WorkerRequest) => {
    line = line.then(() =>
      readUnit(req.file, init, req.listedRegular === true).then(
        (record) => port.postMessage(reply(req.id, record)),
        (e: unknown) =>
          port.postMessage({ id: req.id, ok: false, ...errorLines(e, req.file) } satisfies WorkerReply),
      ),
    );
  });
}

if (!isMainThread && isInit(workerData)) start(workerData);
