/**
 * Node's zlib as the zip reader's codec (./zip.ts `ZipCodec`): native inflate, capped with
 * `maxOutputLength` so that an entry inflating past its declared size is stopped there (never
 * materialised) and written into one buffer of the declared size (at most 4 MB at a time), and
 * the native CRC-32 where this Node has it. Node only: the add-in reads with
 * the portable fflate path.
 */
import * as zlib from 'node:zlib';
import { codeOf } from '../engine/thrown';
import { crc32 as jsCrc32, ZipOverflow, type ZipCodec } from './zip';

/** Largest output buffer reserved before inflating (larger entries are inflated in chunks of this). */
const ONE_CHUNK_MAX = 4 * 1024 * 1024;

const nativeCrc = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export const nodeCodec: ZipCodec = {
  inflateRaw(src, cap) {
    if (src.length === 0) throw new Error('empty deflate stream');
    try {
      // maxOutputLength must be ≥ 1: an entry declared empty that inflates to a byte is caught by
      // the caller's length check
      // the output in one buffer of the declared size (+1, so that a full buffer is not taken for
      // more to come): no chunks to concatenate; bounded, so a lying size reserves little
      const chunkSize = Math.min(Math.max(64, cap + 1), ONE_CHUNK_MAX);
      return zlib.inflateRawSync(src, { maxOutputLength: Math.max(1, cap), chunkSize });
    } catch (e) {
      if (codeOf(e) === 'ERR_BUFFER_TOO_LARGE') throw new ZipOverflow();
      throw e;
    }
  },
  crc32: nativeCrc ? (data) => nativeCrc(data) >>> 0 : jsCrc32,
};
