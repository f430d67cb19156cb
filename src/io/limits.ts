/**
 * Limits for reading untrusted files. Everything checkable from the zip directory is checked before
 * anything is inflated; a deadline bounds the time spent on one file.
 */
import { InputError } from './errors';

export interface Limits {
  /** Largest accepted file on disk (bytes). */
  maxFileBytes: number;
  /** Most zip entries (an .xlsx has a few dozen). */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of all entries (bytes). */
  maxUncompressedBytes: number;
  /** Largest declared uncompressed size of one entry (bytes). */
  maxEntryBytes: number;
  /** Largest compression ratio uncompressed:compressed of one entry … */
  maxRatio: number;
  /** … checked only for entries at least this large uncompressed (bytes). */
  ratioMinBytes: number;
  /** Time budget for reading one file (ms). */
  maxMillis: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFileBytes: 20 * MB,
  maxEntries: 2000,
  maxUncompressedBytes: 100 * MB,
  maxEntryBytes: 50 * MB,
  maxRatio: 100,
  ratioMinBytes: 1 * MB,
  maxMillis: 5000,
});

export interface JsonLimits {
  /** Largest accepted JSON file (bytes). */
  maxBytes: number;
  /** Deepest nesting of arrays/objects. */
  maxDepth: number;
}

export const DEFAULT_JSON_LIMITS: Readonly<JsonLimits> = Object.freeze({
  maxBytes: 5 * MB,
  maxDepth: 64,
});

export function resolveLimits(partial?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...stripUndefined(partial) };
}

export function resolveJsonLimits(partial?: Partial<JsonLimits>): JsonLimits {
  return { ...DEFAULT_JSON_LIMITS, ...stripUndefined(partial) };
}

function stripUndefined<T extends object>(o: Partial<T> | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!o) return out;
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** A time budget for one file; `check()` throws an InputError once it is spent. */
export class Deadline {
  private readonly end: number;

  constructor(
    readonly millis: number,
    readonly file: string,
    private readonly now: () => number = Date.now,
  ) {
    this.end = now() + millis;
  }

  check(): void {
    if (this.now() > this.end) {
      throw new InputError(this.file, 'file.timeout', {
        seconds: { decimal: this.millis / 1000, digits: 1 },
      });
    }
  }
}
