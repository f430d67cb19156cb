/**
 * What the consolidation pool (./pool.ts) and its worker threads (./worker.ts) say to each other —
 * apart from both, so that the pool's side loads no `node:worker_threads` until it starts a worker
 * (the module costs ~1 ms of every command's start-up, `check` included).
 */
import type { ErrorLines } from '../io/errors';
import type { Limits } from '../io/limits';
import type { Pack } from '../pack/schema';
import type { UnitRecord } from '../sheet/summary';

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

/**
 * `sameTitles`: the record's criterion titles are those of the previous record this worker sent
 * (left out of the message; the pool puts them back) — they are the same for every unit of a pack,
 * and were half of what each message cloned.
 */
export type WorkerReply =
  { id: number; ok: true; record: UnitRecord; sameTitles?: true } | ({ id: number; ok: false } & ErrorLines);
