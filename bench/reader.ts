/**
 * Reader bench (issue 10): CPU per workbook of the project's reader (`readWorkbookFile`: stat, read,
 * zip checks, XML well-formedness, the named cells) against
 *   - the floor: read the file and inflate with zlib exactly the zip parts our reader inflates
 *     (nothing parsed, no checks) — what any reader must at least pay;
 *   - SheetJS (`xlsx`, a dev dependency of this bench only) with its leanest options.
 * Ours runs three ways: the path consolidation takes in its worker threads (`readWorkbookFileWithTime`
 * with blocking calls: lstat, non-blocking open, fstat, capped read — every check kept), the same
 * with promised (async) calls as on the CLI's main thread, and the parser alone on `readFileSync`
 * bytes, like the floor.
 * They run interleaved on the same files in one process (A/B/C in rotating order), so a
 * loaded machine slows them alike; the ratios are what is reported.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export interface ReaderRatios {
  files: number;
  rounds: number;
  /** CPU ms per workbook */
  floorMs: number;
  /** the floor plus the least the kept checks cost (`checksRead`) */
  checksMs: number;
  /** the worker-thread path (blocking calls) */
  oursMs: number;
  /** the same with promised calls (the CLI's main thread) */
  oursAsyncMs: number;
  /** our parser alone on the same bytes (`readFileSync` + `readWorkbookBuffer`), like the floor */
  oursSyncMs: number;
  sheetjsMs: number | undefined;
}

/** The local-header data of `names` in a zip, from its central directory (well-formed files only). */
function entries(buf: Buffer): Map<string, { method: number; offset: number; size: number; usize: number }> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, { method: number; offset: number; size: number; usize: number }>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const usize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('latin1', p + 46, p + 46 + nameLen);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.set(name, { method, offset: data, size, usize });
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/** The floor for one file: read it, inflate the named parts, each handed to `each` (if given). */
export function floorRead(path: string, parts: readonly string[], each?: (part: Buffer) => void): number {
  const buf = readFileSync(path);
  const dir = entries(buf);
  let n = 0;
  for (const name of parts) {
    const e = dir.get(name);
    if (!e) continue;
    const raw = buf.subarray(e.offset, e.offset + e.size);
    // zlib at its fastest: the output in one buffer of the declared size, as our reader does
    const chunkSize = Math.min(Math.max(64, e.usize + 1), 4 * 1024 * 1024);
    const part = e.method === 8 ? inflateRawSync(raw, { chunkSize }) : raw;
    n += part.length;
    each?.(part);
  }
  return n;
}

/**
 * The floor plus only the least that the checks our reader keeps must pay, nothing parsed: CRC-32
 * of each part (native), the search for characters XML forbids, and finding every '<' with a native
 * search — each tag must at least be found to be matched. (References are left out: the reader
 * skips texts it proved valid before.) Not a reader: a lower bound of any reader that keeps these
 * checks and is written in JavaScript.
 */
export function checksRead(
  path: string,
  parts: readonly string[],
  crc32: (b: Uint8Array) => number,
  forbidden: (b: Uint8Array) => boolean,
): number {
  let found = 0;
  floorRead(path, parts, (part) => {
    found += crc32(part) & 1;
    if (forbidden(part)) found++;
    for (let i = part.indexOf(0x3c); i >= 0; i = part.indexOf(0x3c, i + 1)) found++;
  });
  return found;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function benchReaders(files: readonly string[], rounds = 3): Promise<ReaderRatios> {
  const { readWorkbookFile, readWorkbookFileWithTime } = await import('../src/io/files');
  const { readWorkbookBuffer } = await import('../src/io/xlsx');
  const { nodeCodec } = await import('../src/io/nodeCodec');
  const { hasForbiddenXmlBytes } = await import('../src/io/xmlBytes');
  let sheetjs: ((path: string) => void) | undefined;
  try {
    const XLSX = await import('xlsx');
    sheetjs = (path) => {
      // leanest read that still yields the defined names and the cells they point to
      const wb = XLSX.read(readFileSync(path), {
        type: 'buffer',
        dense: true,
        cellFormula: false,
        cellHTML: false,
        cellText: false,
        cellStyles: false,
        cellNF: false,
        cellDates: false,
        sheetStubs: false,
      });
      if (!wb.Workbook?.Names?.length) throw new Error(`SheetJS found no names in ${path}`);
    };
  } catch {
    sheetjs = undefined;
  }
  // the parts our reader inflates, per file: the floor inflates exactly these
  const parts = new Map<string, string[]>();
  for (const f of files) {
    const names: string[] = [];
    await readWorkbookFile(f, undefined, { onInflate: (n) => names.push(n) });
    parts.set(f, names);
  }
  const cost = { floor: 0, checks: 0, ours: 0, oursAsync: 0, oursSync: 0, sheetjs: 0 };
  const runs: Array<[keyof typeof cost, (f: string) => unknown]> = [
    ['floor', (f) => floorRead(f, parts.get(f) ?? [])],
    ['checks', (f) => checksRead(f, parts.get(f) ?? [], (b) => nodeCodec.crc32(b), hasForbiddenXmlBytes)],
    ['ours', (f) => readWorkbookFileWithTime(f, undefined, undefined, { blocking: true })],
    ['oursAsync', (f) => readWorkbookFile(f)],
    ['oursSync', (f) => readWorkbookBuffer(readFileSync(f), f, undefined, { codec: nodeCodec })],
  ];
  if (sheetjs) {
    const read = sheetjs;
    runs.push(['sheetjs', (f) => read(f)]);
  }
  // warm-up (JIT) on a few files
  for (const f of files.slice(0, 20)) for (const [, run] of runs) await run(f);
  for (let r = 0; r < rounds; r++) {
    for (const [i, file] of files.entries()) {
      // each round starts at another reader, so none always runs first
      const start = (i + r) % runs.length;
      for (const [which, run] of [...runs.slice(start), ...runs.slice(0, start)]) {
        const t = cpuMs();
        await run(file);
        cost[which] += cpuMs() - t;
      }
    }
  }
  const n = files.length * rounds;
  return {
    files: files.length,
    rounds,
    floorMs: cost.floor / n,
    checksMs: cost.checks / n,
    oursMs: cost.ours / n,
    oursAsyncMs: cost.oursAsync / n,
    oursSyncMs: cost.oursSync / n,
    sheetjsMs: sheetjs ? cost.sheetjs / n : undefined,
  };
}
