/**
 * Reading input files from disk (Node only): regular files only, under a byte cap (./regularFile.ts),
 * then the pure parsers (./xlsx.ts, ./json.ts, ./answers.ts), which have no Node built-ins so the
 * add-in can use them in the browser on files the user picks.
 */
import { parseAnswers, type RawAnswers } from './answers';
import { InputError } from './errors';
import { parseJsonText } from './json';
import { resolveJsonLimits, resolveLimits, type JsonLimits, type Limits } from './limits';
import { nodeCodec } from './nodeCodec';
import { readRegularFile, type ReadRegularOptions } from './regularFile';
import { readWorkbookBuffer, type ReadOptions, type WorkbookData } from './xlsx';
import type { PriorSummary, RosterUnit } from '../sheet/aggregate';
import { decodeCsv, parseCsv, rosterFromRows } from './roster';
import { firstSheetRows, rosterRowsFromXlsx } from './rosterXlsx';

/** Read a workbook from a file (regular files only, size capped before and while reading). */
export async function readWorkbookFile(
  path: string,
  limits?: Partial<Limits>,
  options?: ReadOptions,
): Promise<WorkbookData> {
  return (await readWorkbookFileWithTime(path, limits, options)).data;
}

/** `readWorkbookFile` plus the modification time of the file that was read. */
export async function readWorkbookFileWithTime(
  path: string,
  limits?: Partial<Limits>,
  options?: ReadOptions,
  open: Pick<ReadRegularOptions, 'listedRegular' | 'blocking'> = {},
): Promise<{ data: WorkbookData; mtimeMs: number }> {
  const lim = resolveLimits(limits);
  const { bytes, mtimeMs } = await readRegularFile(path, lim.maxFileBytes, open);
  // Node's zlib (native inflate and CRC-32) unless the caller chose otherwise
  return { data: readWorkbookBuffer(bytes, path, lim, { codec: nodeCodec, ...options }), mtimeMs };
}

/** Decode JSON file bytes: UTF-8 only (a UTF-16 file gets its own explanation). */
export function decodeJsonBytes(bytes: Uint8Array, path: string): string {
  if (bytes.length === 0) throw new InputError(path, 'file.empty');
  // a byte order mark, or ASCII JSON with every other byte zero ("{" = 7B 00 or 00 7B)
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const le = bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0;
  const be = bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0;
  const utf16 = bom || le || be;
  if (utf16) {
    throw new InputError(path, 'json.utf16');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(path, 'json.notUtf8');
  }
}

/** Read a JSON file under the limits (regular files only, size capped). */
export async function readJsonFile(path: string, limits?: Partial<JsonLimits>): Promise<unknown> {
  const lim = resolveJsonLimits(limits);
  const { bytes } = await readRegularFile(path, lim.maxBytes);
  return parseJsonText(decodeJsonBytes(bytes, path), path, lim);
}

/** Read an answers JSON file under the JSON limits. */
export async function readAnswersFile(path: string, limits?: Partial<JsonLimits>): Promise<RawAnswers> {
  return parseAnswers(await readJsonFile(path, limits), path);
}

/** Read a roster of units (.csv or .xlsx, ./roster.ts) under the limits. */
export async function readRosterFile(path: string, limits?: Partial<Limits>): Promise<RosterUnit[]> {
  const lim = resolveLimits(limits);
  const lower = path.toLowerCase();
  const csv = lower.endsWith('.csv') || lower.endsWith('.txt');
  if (!csv && !lower.endsWith('.xlsx')) {
    throw new InputError(path, 'roster.kind');
  }
  const { bytes } = await readRegularFile(
    path,
    csv ? Math.min(lim.maxFileBytes, 8 * 1024 * 1024) : lim.maxFileBytes,
  );
  const rows = csv ? parseCsv(decodeCsv(bytes, path)) : rosterRowsFromXlsx(bytes, path, lim);
  return rosterFromRows(rows, path);
}

/** Last year's summary: its `--json` output (.json) or the summary workbook (.xlsx), under the limits. */
export async function readPriorSummaryFile(path: string, limits?: Partial<Limits>): Promise<PriorSummary> {
  // loaded here, not at start-up: its JSON schema is zod's, which no other read needs
  const { parsePriorSummary, priorFromSummaryRows } = await import('./priorSummary');
  if (path.toLowerCase().endsWith('.xlsx')) {
    const lim = resolveLimits(limits);
    const { bytes } = await readRegularFile(path, lim.maxFileBytes);
    return priorFromSummaryRows(firstSheetRows(bytes, path, lim, 30), path);
  }
  return parsePriorSummary(await readJsonFile(path), path);
}
