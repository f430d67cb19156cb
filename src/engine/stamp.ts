/**
 * The evaluation stamp's fingerprint: SHA-256 of the canonical inputs. Pure and synchronous (no
 * WebCrypto, no Node built-ins; SHA-256 from @noble/hashes) so that the add-in, the CLI and
 * consolidation compute the same hash.
 *
 * Canonical inputs = JSON of `[id, value]` pairs in the pack's input order (`inputIds`, pack/inputs.ts):
 * profile fields, then, group by group and criterion by criterion, its indicators and its evidence
 * field. Values are normalised: blank (empty, only spaces, missing) → null; text → NFC, trimmed;
 * numbers → finite numbers (−0 → 0, NaN/∞ → null); booleans kept.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { isBlank, type CellValue, type Values } from './values';

export function normaliseValue(v: CellValue | undefined): CellValue {
  if (v === undefined || v === null || isBlank(v)) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null;
  if (typeof v === 'string') {
    const t = v.normalize('NFC').trim();
    return t === '' ? null : t;
  }
  return v;
}

/** The canonical JSON text the stamp hashes. */
export function canonicalInputs(ids: readonly string[], values: Values): string {
  return JSON.stringify(ids.map((id) => [id, normaliseValue(values[id])]));
}

/** SHA-256 (hex, lower case) of the canonical inputs. */
export function inputsSha256(ids: readonly string[], values: Values): string {
  return sha256Hex(canonicalInputs(ids, values));
}

/**
 * SHA-256 (hex, lower case) of the text's UTF-8 bytes, from @noble/hashes (audited, pure JS: no
 * WebCrypto, so it is synchronous in the add-in, the CLI and the workers alike).
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
