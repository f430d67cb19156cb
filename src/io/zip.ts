/**
 * A small, defensive zip reader for untrusted .xlsx files.
 *
 * `openZip` reads the End Of Central Directory (ZIP64 included), walks the central directory and
 * validates every entry — count, declared sizes, compression ratio, names, methods, encryption,
 * local headers and overlapping data — BEFORE anything is inflated. `read(name)` then inflates only
 * the entries asked for, with a hard output cap: declared sizes are not trusted, inflation stops as
 * soon as the output exceeds the declared size, and the CRC-32 is verified.
 */
import type * as Fflate from 'fflate';
import { InputError, type ReasonArgs, type Refuse } from './errors';
import { Deadline, Limits, resolveLimits } from './limits';
import { NodeBuffer } from './nodeBuffer';

export interface ZipEntry {
  /** Entry name with `/` separators (backslashes are normalised). */
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Offset of the entry data (after the local header), filled during validation. */
  dataOffset: number;
  /** The name's bytes in the central directory (compared with the local header's). */
  rawName?: Uint8Array;
}

/**
 * A platform's own inflate and CRC-32 (Node's zlib: ./nodeCodec.ts), used instead of the portable
 * JavaScript ones (fflate) where available. `inflateRaw` must never produce more than `cap` bytes:
 * it throws `ZipOverflow` as soon as the output would exceed them, anything else when the data is
 * corrupt.
 */
export interface ZipCodec {
  inflateRaw(src: Uint8Array, cap: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

/** Thrown by a `ZipCodec` whose output would exceed its cap. */
export class ZipOverflow extends Error {}

export interface ZipOptions {
  /** Called before an entry is inflated or copied out (tests count calls with it). */
  onInflate?: (name: string) => void;
  /** Shared time budget (one per file). */
  deadline?: Deadline;
  /** Native inflate and CRC-32 (Node); default: fflate and the JavaScript CRC-32. */
  codec?: ZipCodec;
}

let fflateModule: typeof Fflate | undefined;

/**
 * fflate, loaded at its first use: where a native codec is given (Node's zlib) it is never loaded,
 * which spares the CLI's start-up the building of its tables. The add-in's reader worker (no zlib)
 * loads it on its first workbook.
 */
function fflate(): typeof Fflate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (see above)
  fflateModule ??= require('fflate') as typeof Fflate;
  return fflateModule;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/** Compressed bytes pushed to the inflater at a time: bounds the transient output to ~16 MB. */
const INFLATE_CHUNK = 16 * 1024;
/**
 * Entries up to this compressed size are inflated in one call into a buffer one byte larger than
 * declared (fflate drops writes past its end, so memory stays bounded and an overflow shows as a
 * full buffer); deflate expands at most ~1032:1, so the wasted work is bounded too (~130 MB of
 * byte writes, well under a second). Larger entries are streamed in chunks.
 */
const ONE_SHOT_MAX = 128 * 1024;

export class ZipReader {
  /** Entries validated so far, by name. */
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** How many entries were inflated or copied out (for tests and benchmarks). */
  inflatedCount = 0;
  inflatedBytes = 0;

  constructor(
    private readonly buf: Uint8Array,
    readonly file: string,
    entries: Map<string, ZipEntry>,
    private readonly limits: Limits,
    private readonly options: ZipOptions,
  ) {
    this.entries = entries;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Inflate one entry; undefined when there is no such entry. */
  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    this.options.deadline?.check();
    this.options.onInflate?.(name);
    this.inflatedCount++;
    if (this.inflatedBytes + e.uncompressedSize > this.limits.maxUncompressedBytes) {
      throw this.fail('zip.totalLimit', { max: { bytes: this.limits.maxUncompressedBytes } });
    }
    const src = this.buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let out: Uint8Array;
    if (e.method === 0) {
      // a copy (on a Node Buffer `slice` would be a view of the file's bytes)
      out = Uint8Array.prototype.slice.call(src);
    } else {
      out = this.inflate(e, src);
    }
    const crc = this.options.codec ? this.options.codec.crc32(out) : crc32(out);
    if (crc !== e.crc32) throw this.fail('zip.crc', { entry: e.name });
    this.inflatedBytes += out.length;
    return out;
  }

  private inflate(e: ZipEntry, src: Uint8Array): Uint8Array {
    if (this.options.codec) return this.inflateNative(e, src, this.options.codec);
    const out = new Uint8Array(e.uncompressedSize);
    if (src.length === 0 && out.length === 0) return out;
    if (src.length <= ONE_SHOT_MAX) {
      const capped = new Uint8Array(e.uncompressedSize + 1);
      let got: Uint8Array;
      try {
        got = fflate().inflateSync(src, { out: capped });
      } catch {
        throw this.fail('zip.inflate', { entry: e.name });
      }
      if (got.length > e.uncompressedSize) throw this.overflow(e);
      if (got.length !== e.uncompressedSize) {
        throw this.fail('zip.short', { entry: e.name });
      }
      return capped.subarray(0, got.length);
    }
    let written = 0;
    let overflow = false;
    const inf = new (fflate().Inflate)((chunk) => {
      if (written + chunk.length > out.length) {
        overflow = true;
        throw new Overflow();
      }
      out.set(chunk, written);
      written += chunk.length;
    });
    try {
      if (src.length === 0) throw new Error('empty');
      for (let p = 0; p < src.length; p += INFLATE_CHUNK) {
        const end = Math.min(src.length, p + INFLATE_CHUNK);
        inf.push(src.subarray(p, end), end === src.length);
        this.options.deadline?.check();
      }
    } catch (err) {
      if (err instanceof InputError) throw err;
      if (overflow) throw this.overflow(e);
      throw this.fail('zip.inflate', { entry: e.name });
    }
    if (written !== out.length) {
      throw this.fail('zip.short', { entry: e.name });
    }
    return out;
  }

  /** The platform's inflate, capped at the declared size (a lying entry is stopped there). */
  private inflateNative(e: ZipEntry, src: Uint8Array, codec: ZipCodec): Uint8Array {
    if (src.length === 0 && e.uncompressedSize === 0) return new Uint8Array(0);
    let out: Uint8Array;
    try {
      out = codec.inflateRaw(src, e.uncompressedSize);
    } catch (err) {
      if (err instanceof ZipOverflow) throw this.overflow(e);
      throw this.fail('zip.inflate', { entry: e.name });
    }
    this.options.deadline?.check();
    if (out.length > e.uncompressedSize) throw this.overflow(e);
    if (out.length !== e.uncompressedSize) {
      throw this.fail('zip.short', { entry: e.name });
    }
    return out;
  }

  private overflow(e: ZipEntry): InputError {
    return this.fail('zip.overflow', { entry: e.name, size: { bytes: e.uncompressedSize } });
  }

  private fail(...why: ReasonArgs): InputError {
    return new InputError(this.file, ...why);
  }
}

class Overflow extends Error {}

/** Byte `p` of `b`; 0 past the end (callers check lengths before reading a record). */
const byte = (b: Uint8Array, p: number): number => b[p] ?? 0;
const u16 = (b: Uint8Array, p: number): number => byte(b, p) | (byte(b, p + 1) << 8);
const u32 = (b: Uint8Array, p: number): number =>
  (byte(b, p) | (byte(b, p + 1) << 8) | (byte(b, p + 2) << 16) | (byte(b, p + 3) << 24)) >>> 0;
/** Unsigned 64-bit little endian as a JS number (exact up to 2^53; larger values become Infinity). */
function u64(b: Uint8Array, p: number): number {
  const lo = u32(b, p);
  const hi = u32(b, p + 4);
  if (hi >= 0x200000) return Infinity;
  return hi * 0x100000000 + lo;
}

const utf8 = new TextDecoder('utf-8');

/** Why a buffer without a zip directory is not an .xlsx, as specifically as we can tell. */
function notZipReason(buf: Uint8Array): ReasonArgs {
  const startsWith = (...bytes: number[]): boolean => bytes.every((x, i) => buf[i] === x);
  if (startsWith(0x50, 0x4b, 0x03, 0x04)) {
    return ['zip.cutShort'];
  }
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    return ['zip.xls'];
  }
  if (startsWith(0x25, 0x50, 0x44, 0x46)) return ['zip.pdf'];
  if (looksLikeText(buf)) {
    return ['zip.plainText'];
  }
  return ['zip.noDirectory'];
}

function looksLikeText(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 4096);
  if (n === 0) return false;
  for (const c of buf.subarray(0, n)) {
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return false;
    if (c === 0x7f) return false;
  }
  // Must also be valid UTF-8 (allowing a sequence cut at the sample's end).
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, n), { stream: true });
    return true;
  } catch {
    return false;
  }
}

const EOCD_BYTES = Uint8Array.of(0x50, 0x4b, 0x05, 0x06);

/**
 * Position of the End Of Central Directory record: the one record whose comment ends exactly at
 * the end of the file. -1 when there is none; an InputError when two records qualify (an EOCD
 * hidden in the comment of another, read differently by different tools) or when bytes follow
 * the record (a zip with something appended).
 */
function findEocd(buf: Uint8Array, fail: Refuse): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let found = -1;
  let trailing = false;
  // hop from one signature to the previous one (native lastIndexOf: of the whole signature on
  // Node, of its 'P' byte elsewhere), then match the signature
  const node = NodeBuffer && buf instanceof NodeBuffer ? buf : undefined;
  const previous = (from: number): number =>
    from < 0 ? -1 : node ? node.lastIndexOf(EOCD_BYTES, from) : buf.lastIndexOf(0x50, from);
  for (let p = previous(buf.length - 22); p >= min; p = previous(p - 1)) {
    if (buf[p + 1] === 0x4b && buf[p + 2] === 0x05 && buf[p + 3] === 0x06) {
      const end = p + 22 + u16(buf, p + 20);
      if (end === buf.length) {
        if (found >= 0) throw fail('zip.twoEnds');
        found = p;
      } else if (end < buf.length) trailing = true;
    }
  }
  if (found < 0 && trailing) throw fail('zip.afterDirectory');
  return found;
}

/** Validate a zip held in memory and return a reader. Throws InputError naming `file`. */
export function openZip(
  buf: Uint8Array,
  file: string,
  limits?: Partial<Limits>,
  options: ZipOptions = {},
): ZipReader {
  const lim = resolveLimits(limits);
  const fail: Refuse = (...why) => new InputError(file, ...why);

  if (buf.length === 0) throw fail('file.empty');
  if (buf.length > lim.maxFileBytes) {
    throw fail('file.tooBig', { size: { bytes: buf.length }, max: { bytes: lim.maxFileBytes } });
  }
  const eocd = buf.length >= 22 ? findEocd(buf, fail) : -1;
  if (eocd < 0) throw fail(...notZipReason(buf));
  if (u32(buf, eocd) !== SIG_EOCD) throw fail(...notZipReason(buf));

  const disk = u16(buf, eocd + 4);
  const cdDisk = u16(buf, eocd + 6);
  let count = u16(buf, eocd + 10);
  let cdSize = u32(buf, eocd + 12);
  let cdOffset = u32(buf, eocd + 16);
  let cdLimit = eocd; // the central directory must end before this offset

  // ZIP64: a locator right before the EOCD points to the ZIP64 EOCD record.
  if (eocd >= 20 && u32(buf, eocd - 20) === SIG_ZIP64_LOCATOR) {
    const recOffset = u64(buf, eocd - 12);
    if (!(recOffset + 56 <= eocd - 20) || u32(buf, recOffset) !== SIG_ZIP64_EOCD) {
      throw fail('zip.badZip64');
    }
    const count64 = u64(buf, recOffset + 32);
    const size64 = u64(buf, recOffset + 40);
    const offset64 = u64(buf, recOffset + 48);
    if (count === 0xffff) count = count64;
    if (cdSize === 0xffffffff) cdSize = size64;
    if (cdOffset === 0xffffffff) cdOffset = offset64;
    cdLimit = recOffset;
  } else if (count === 0xffff && cdSize === 0xffffffff) {
    throw fail('zip.noZip64');
  }
  if ((disk !== 0 && disk !== 0xffff) || (cdDisk !== 0 && cdDisk !== 0xffff)) {
    throw fail('zip.multiVolume');
  }
  if (count === 0) throw fail('zip.noEntries');
  if (count > lim.maxEntries) {
    throw fail('zip.tooManyEntries', { count, max: lim.maxEntries });
  }
  if (!(cdOffset + cdSize <= cdLimit)) {
    throw fail('zip.directoryOutside');
  }
  if (cdOffset + cdSize !== cdLimit) {
    throw fail('zip.beforeEnd');
  }

  const entries = new Map<string, ZipEntry>();
  const list: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  const cdEnd = cdOffset + cdSize;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdEnd || u32(buf, p) !== SIG_CENTRAL) {
      throw fail('zip.badDirectory');
    }
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    const crc = u32(buf, p + 16);
    let compressedSize = u32(buf, p + 20);
    let uncompressedSize = u32(buf, p + 24);
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    let localHeaderOffset = u32(buf, p + 42);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > cdEnd) throw fail('zip.badDirectory');
    const rawName = utf8.decode(buf.subarray(p + 46, p + 46 + nameLen));

    // Extra fields: ZIP64 sizes (0x0001) and AES encryption (0x9901).
    let aes = false;
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
      const id = u16(buf, x);
      const len = u16(buf, x + 2);
      const body = x + 4;
      if (body + len > p + 46 + nameLen + extraLen) break;
      if (id === 0x0001) {
        let q = body;
        const take = (): number => {
          if (q + 8 > body + len) throw fail('zip.badZip64Field');
          const v = u64(buf, q);
          q += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      } else if (id === 0x9901) {
        aes = true;
      }
      x = body + len;
    }

    const name = checkName(rawName, fail);
    if (flags & 0x0001 || flags & 0x0040 || method === 99 || aes) {
      throw fail('zip.encrypted', { entry: name });
    }
    if (method !== 0 && method !== 8) {
      throw fail('zip.method', { entry: name, method: String(method) });
    }
    if (uncompressedSize > lim.maxEntryBytes) {
      throw fail('zip.bombEntry', {
        entry: name,
        size: { bytes: uncompressedSize },
        max: { bytes: lim.maxEntryBytes },
      });
    }
    total += uncompressedSize;
    if (total > lim.maxUncompressedBytes) {
      throw fail('zip.bombTotal', { max: { bytes: lim.maxUncompressedBytes } });
    }
    if (
      uncompressedSize >= lim.ratioMinBytes &&
      uncompressedSize > Math.max(compressedSize, 1) * lim.maxRatio
    ) {
      const ratio = Math.round(uncompressedSize / Math.max(compressedSize, 1));
      throw fail('zip.bombRatio', { entry: name, ratio, max: lim.maxRatio });
    }
    if (method === 0 && compressedSize !== uncompressedSize) {
      throw fail('zip.storedSize', { entry: name });
    }
    if (entries.has(name)) throw fail('zip.duplicateEntry', { entry: name });
    const entry: ZipEntry = {
      name,
      method,
      flags,
      crc32: crc,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      dataOffset: -1,
      rawName: buf.subarray(p + 46, p + 46 + nameLen),
    };
    entries.set(name, entry);
    list.push(entry);
    p = next;
  }

  checkLocalHeaders(buf, list, cdOffset, fail);
  options.deadline?.check();
  return new ZipReader(buf, file, entries, lim, options);
}

/** Bytes a data descriptor may take after an entry's data (flag bit 3): with or without its
 * signature, 32- or 64-bit sizes. */
const DESCRIPTOR_SIZES = new Set([12, 16, 20, 24]);

/**
 * Local headers against the central directory: each entry's local header agrees with its directory
 * record (signature, method, name; CRC and sizes unless they follow in a data descriptor), and the
 * entries tile the file from offset 0 to the directory with no gaps (only a data descriptor may
 * follow an entry's data) and no overlaps — so no hidden entry exists that a tool reading local
 * headers (rather than the directory) would see.
 */
function checkLocalHeaders(buf: Uint8Array, list: readonly ZipEntry[], cdOffset: number, fail: Refuse): void {
  const byOffset = list.slice().sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  const differs = (e: ZipEntry): InputError => fail('zip.headerDiffers', { entry: e.name });
  let prevEnd = 0;
  let prevDescriptor = false;
  for (const e of byOffset) {
    const h = e.localHeaderOffset;
    if (h < prevEnd) throw fail('zip.overlap', { entry: e.name });
    const gap = h - prevEnd;
    if (gap !== 0 && !(prevDescriptor && DESCRIPTOR_SIZES.has(gap))) {
      throw fail('zip.beforeEntry', { entry: e.name });
    }
    if (h + 30 > cdOffset || u32(buf, h) !== SIG_LOCAL) {
      throw fail('zip.entryMissing', { entry: e.name });
    }
    const nameLen = u16(buf, h + 26);
    const raw = e.rawName ?? new Uint8Array(0);
    if (u16(buf, h + 8) !== e.method || nameLen !== raw.length) throw differs(e);
    for (let k = 0; k < nameLen; k++) if (buf[h + 30 + k] !== raw[k]) throw differs(e);
    const descriptor = (e.flags & 0x0008) !== 0;
    if (!descriptor) {
      const crc = u32(buf, h + 14);
      const csize = u32(buf, h + 18);
      const usize = u32(buf, h + 22);
      if (crc !== e.crc32) throw differs(e);
      if (csize !== 0xffffffff && csize !== e.compressedSize) throw differs(e);
      if (usize !== 0xffffffff && usize !== e.uncompressedSize) throw differs(e);
    }
    e.dataOffset = h + 30 + nameLen + u16(buf, h + 28);
    const end = e.dataOffset + e.compressedSize;
    if (end > cdOffset) throw fail('zip.entryOutside', { entry: e.name });
    prevEnd = end;
    prevDescriptor = descriptor;
  }
  const tail = cdOffset - prevEnd;
  if (tail !== 0 && !(prevDescriptor && DESCRIPTOR_SIZES.has(tail))) {
    throw fail('zip.beforeDirectory');
  }
}

/** Reject absolute paths, drive letters, `..` segments and control characters. */
function checkName(raw: string, fail: Refuse): string {
  const name = raw.replace(/\\/g, '/');
  const shown = name.length > 120 ? name.slice(0, 120) + '…' : name;
  if (name.length === 0) throw fail('zip.unnamed');
  for (let i = 0; i < name.length; i++) {
    if (name.charCodeAt(i) < 0x20) throw fail('zip.controlName');
  }
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..')) {
    throw fail('zip.unsafeName', { entry: shown });
  }
  return name;
}

let CRC_TABLES: Int32Array | undefined;

/** 8 × 256 lookup tables for slicing-by-8 CRC-32. */
function crcTables(): Int32Array {
  if (CRC_TABLES) return CRC_TABLES;
  const t = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    // every index below is < 8 × 256 by construction (n, c & 0xff < 256; k < 8)
    let c = t[n]!;
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  CRC_TABLES = t;
  return t;
}

/** CRC-32 (IEEE) of a byte array (slicing-by-8). */
export function crc32(data: Uint8Array): number {
  const t = crcTables();
  let c = -1;
  let i = 0;
  const n8 = data.length - (data.length % 8);
  // i + 7 < n8 ≤ data.length and every table index < 8 × 256: the `!`s below cannot be undefined
  for (; i < n8; i += 8) {
    const a = c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
    c =
      t[1792 + (a & 0xff)]! ^
      t[1536 + ((a >>> 8) & 0xff)]! ^
      t[1280 + ((a >>> 16) & 0xff)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + data[i + 4]!]! ^
      t[512 + data[i + 5]!]! ^
      t[256 + data[i + 6]!]! ^
      t[data[i + 7]!]!;
  }
  for (const b of data.subarray(i)) c = t[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
