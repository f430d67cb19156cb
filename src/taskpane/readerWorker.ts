/**
 * The reader worker of "Tổng hợp" (own webpack entry `reader-worker`, never part of the pane's first
 * load): it receives one picked file's bytes at a time (transferred), reads them with the same
 * bounded readers as the CLI and answers with the unit record or the Vietnamese reason. The pane
 * (src/consolidate/isolated.ts) terminates it when the per-file time limit expires or it fails, and
 * starts a fresh one for the next file.
 */
import { answerReadRequest, type ReadRequest, type ReadResponse } from '../consolidate/isolated';
import { builtinPacks } from '../pack/registry';

/** The dedicated worker's global scope, as far as it is used here. */
interface WorkerScope {
  onmessage: ((ev: { data: unknown }) => void) | null;
  postMessage(message: ReadResponse): void;
}

const scope = self as unknown as WorkerScope;
const packs = builtinPacks();

const isRequest = (m: unknown): m is ReadRequest =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'read';

scope.onmessage = (ev) => {
  if (isRequest(ev.data)) scope.postMessage(answerReadRequest(ev.data, packs));
};
scope.postMessage({ type: 'ready' });
