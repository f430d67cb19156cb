/**
 * Node's `Buffer` where there is one (the CLI, its workers, tests), undefined in the browser (the
 * add-in): the readers use its native searches, compares and UTF-8 decoding when it is there and
 * portable code otherwise. Read from `globalThis` so the add-in's bundle never asks for a polyfill.
 */
export const NodeBuffer: typeof Buffer | undefined = (globalThis as { Buffer?: typeof Buffer }).Buffer;
