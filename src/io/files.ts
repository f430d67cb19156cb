/**
 * Reading input files from disk (Node only): size checked before reading, then the pure parsers
 * (./xlsx.ts, ./json.ts, ./answers.ts), which have no Node built-ins so the add-in can use them
 * in the browser on files the user picks.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseAnswers, type RawAnswers } from './answers';
import { InputError, fmtBytes, toInputError } from './errors';
import { parseJsonText } from './json';
import { resolveJsonLimits, resolveLimits, type JsonLimits, type Limits } from './limits';
import { readWorkbookBuffer, type ReadOptions, type WorkbookData } from './xlsx';

/** Read a workbook from a file, checking its size before reading it. */
export async function readWorkbookFile(
  path: string,
  limits?: Partial<Limits>,
  options?: ReadOptions,
): Promise<WorkbookData> {
  const lim = resolveLimits(limits);
  let buf: Uint8Array;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError(path, 'đây là một thư mục, không phải tệp');
    if (st.size > lim.maxFileBytes) {
      throw new InputError(path, `tệp quá lớn (${fmtBytes(st.size)}; tối đa ${fmtBytes(lim.maxFileBytes)})`);
    }
    buf = await readFile(path);
  } catch (e) {
    throw toInputError(e, path);
  }
  return readWorkbookBuffer(buf, path, lim, options);
}

/** Read a JSON file under the limits (size checked before reading). */
export async function readJsonFile(path: string, limits?: Partial<JsonLimits>): Promise<unknown> {
  const lim = resolveJsonLimits(limits);
  let text: string;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError(path, 'đây là một thư mục, không phải tệp');
    if (st.size > lim.maxBytes) {
      throw new InputError(path, `tệp quá lớn (${fmtBytes(st.size)}; tối đa ${fmtBytes(lim.maxBytes)})`);
    }
    const bytes = await readFile(path);
    if (bytes.length === 0) throw new InputError(path, 'tệp rỗng (0 byte)');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(path, 'tệp không phải văn bản UTF-8 (có thể không phải tệp JSON)');
    }
  } catch (e) {
    throw toInputError(e, path);
  }
  return parseJsonText(text, path, lim);
}

/** Read an answers JSON file under the JSON limits. */
export async function readAnswersFile(path: string, limits?: Partial<JsonLimits>): Promise<RawAnswers> {
  return parseAnswers(await readJsonFile(path, limits), path);
}
