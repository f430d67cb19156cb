/**
 * Opening a user-supplied path safely (Node only): regular files only, with a byte cap.
 *
 * 1. `lstat` the path; a symlink is followed only when its final target is a regular file.
 *    Directories, FIFOs, sockets and devices are refused by name before anything is opened.
 *    (Skipped when the caller's folder listing already typed the entry as a regular file.)
 * 2. The file is opened read-only and NON-BLOCKING, so a path swapped for a FIFO between the check
 *    and the open never blocks (nor holds one of Node's I/O threads).
 * 3. `fstat` on the open descriptor re-checks that it is a regular file within the size limit.
 * 4. At most `maxBytes + 1` bytes are read — never "until EOF" — so a file that grows while it is
 *    read (or lies about its size) is refused instead of read without bound.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  // `promises` is read at each call: node:fs/promises loads only when a promised call is made
  promises as fsp,
  readSync,
  statSync,
  type Stats,
} from 'node:fs';
import { InputError, reason, toInputError, type ReasonKey } from './errors';

/** What a non-regular file is ("một thư mục", "một thiết bị"…); undefined for a regular file. */
function kindOf(st: Stats): ReasonKey | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return reason('kind.folder');
  if (st.isFIFO()) return reason('kind.fifo');
  if (st.isSocket()) return reason('kind.socket');
  if (st.isCharacterDevice() || st.isBlockDevice()) return reason('kind.device');
  return reason('kind.other');
}

/** Why a non-regular file is refused; undefined for a regular file. */
export function notRegularReason(st: Stats, viaLink = false): ReasonKey | undefined {
  const kind = kindOf(st);
  if (kind === undefined) return undefined;
  return viaLink ? reason('file.linkToNotRegular', { kind }) : reason('file.notRegular', { kind });
}

/** `lstat` + (for a symlink) `stat`: throws InputError unless the path ends at a regular file. */
export async function checkRegularFile(path: string): Promise<Stats> {
  try {
    const l = await fsp.lstat(path);
    const link = l.isSymbolicLink();
    return regularOrThrow(path, link ? await fsp.stat(path) : l, link);
  } catch (e) {
    throw toInputError(e, path);
  }
}

/** `checkRegularFile` with blocking calls (see `ReadRegularOptions.blocking`). */
function checkRegularFileBlocking(path: string): Stats {
  try {
    const l = lstatSync(path);
    const link = l.isSymbolicLink();
    return regularOrThrow(path, link ? statSync(path) : l, link);
  } catch (e) {
    throw toInputError(e, path);
  }
}

function regularOrThrow(path: string, st: Stats, link: boolean): Stats {
  const why = notRegularReason(st, link);
  if (why) throw new InputError(path, why);
  return st;
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export interface RegularFile {
  bytes: Uint8Array;
  /** modification time of the file that was read (ms since the epoch) */
  mtimeMs: number;
}

export interface ReadRegularOptions {
  /** read only the first `maxBytes` (no size refusal) */
  head?: boolean;
  /**
   * The caller's folder listing already says this is a regular file (a `readdir` entry type, no
   * symlink): the `lstat` of step 1 is skipped and the file is refused by the `fstat` of step 3
   * if it changed since — one stat per file instead of two.
   */
  listedRegular?: boolean;
  /**
   * Open, stat and read with blocking calls (worker threads only, where nothing else waits): no
   * round trip through libuv's thread pool per call. The open is non-blocking all the same, and a
   * FIFO or device is refused by the fstat before any read.
   */
  blocking?: boolean;
}

const tooBig = (path: string, size: number, max: number): InputError =>
  new InputError(path, 'file.tooBig', { size: { bytes: size }, max: { bytes: max } });

/** An open descriptor's operations, promised (the main thread) or blocking (a worker thread). */
interface OpenFile {
  stat(): Stats | Promise<Stats>;
  read(buf: Uint8Array, offset: number, length: number, position: number): number | Promise<number>;
  close(): void | Promise<void>;
}

async function openPromised(path: string): Promise<OpenFile> {
  const fh = await fsp.open(path, OPEN_FLAGS);
  return {
    stat: () => fh.stat(),
    read: async (buf, offset, length, position) => (await fh.read(buf, offset, length, position)).bytesRead,
    close: () => fh.close(),
  };
}

function openBlocking(path: string): OpenFile {
  const fd = openSync(path, OPEN_FLAGS);
  return {
    stat: () => fstatSync(fd),
    read: (buf, offset, length, position) => readSync(fd, buf, offset, length, position),
    close: () => closeSync(fd),
  };
}

/**
 * Read at most `maxBytes` from the regular file at `path` (or only its first `maxBytes` when
 * `head` is set). Throws InputError naming `path` for anything else.
 */
export async function readRegularFile(
  path: string,
  maxBytes: number,
  opts: ReadRegularOptions = {},
): Promise<RegularFile> {
  if (!opts.listedRegular) {
    const pre = opts.blocking ? checkRegularFileBlocking(path) : await checkRegularFile(path);
    if (!opts.head && pre.size > maxBytes) throw tooBig(path, pre.size, maxBytes);
  }
  try {
    const f = opts.blocking ? openBlocking(path) : await openPromised(path);
    try {
      const st = await f.stat();
      const why = notRegularReason(st);
      if (why) throw new InputError(path, why);
      if (!opts.head && st.size > maxBytes) throw tooBig(path, st.size, maxBytes);
      const cap = opts.head ? maxBytes : maxBytes + 1;
      // a Buffer, like every part zlib inflates from it, so the reader sees one kind of byte array;
      // its own memory (not Node's shared pool, which `.buffer` would expose), not zero-filled:
      // every byte before `got` is read, the rest is zeroed below
      const buf = Buffer.allocUnsafeSlow(Math.min(cap, Math.max(st.size, 0) + 1));
      let got = 0;
      let grown: Uint8Array = buf;
      for (;;) {
        if (got === grown.length) {
          if (grown.length >= cap) break;
          const next = Buffer.allocUnsafeSlow(Math.min(cap, grown.length * 2));
          next.set(grown);
          grown = next;
        }
        const bytesRead = await f.read(grown, got, grown.length - got, got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      if (!opts.head && got > maxBytes) throw tooBig(path, got, maxBytes);
      grown.fill(0, got);
      return { bytes: grown.subarray(0, got), mtimeMs: st.mtimeMs };
    } finally {
      await f.close();
    }
  } catch (e) {
    throw toInputError(e, path);
  }
}
