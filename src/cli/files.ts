/** Writing output files: never overwrite unless asked, one clear line when it fails. */
import { codeOf } from '../engine/thrown';
import { promises as fsp } from 'node:fs';
import { resolve } from 'node:path';
import { reasonOf } from '../io/errors';
import { CliFailure, type Ctx } from './context';

const WRITE_REASONS: Record<string, string> = {
  ENOENT: 'thư mục chứa tệp không tồn tại',
  ENOTDIR: 'đường dẫn không đúng (một phần của đường dẫn không phải thư mục)',
  EISDIR: 'đây là một thư mục',
  EACCES: 'không có quyền ghi',
  EPERM: 'không có quyền ghi',
  EROFS: 'ổ đĩa chỉ đọc',
  ENOSPC: 'ổ đĩa đã đầy',
  EBUSY: 'tệp đang được mở bởi chương trình khác (hãy đóng Excel rồi thử lại)',
};

/** Writes `data` to `path`; refuses an existing file unless `force` (exit 2 in both failure cases). */
export async function writeOutput(
  path: string,
  data: Uint8Array | string,
  force: boolean,
  ctx: Ctx,
): Promise<void> {
  try {
    await fsp.writeFile(path, data, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    const code = codeOf(e);
    if (code === 'EEXIST') throw new CliFailure(ctx.m.fileExists(path));
    throw new CliFailure(ctx.m.cannotWrite(path, (code && WRITE_REASONS[code]) || reasonOf(e)));
  }
}

/**
 * Whether writing `out` would overwrite one of `inputs`: the same path, or the same file reached
 * through a symlink, a hard link, `..` or another letter case (same device and inode).
 */
export async function isOneOf(out: string, inputs: readonly string[]): Promise<boolean> {
  const abs = resolve(out);
  if (inputs.some((i) => resolve(i) === abs)) return true;
  let o;
  try {
    o = await fsp.stat(out, { bigint: true });
  } catch {
    return false; // does not exist (yet): it cannot be an existing input
  }
  for (const i of inputs) {
    try {
      const s = await fsp.stat(i, { bigint: true });
      if (s.dev === o.dev && s.ino === o.ino && s.ino !== 0n) return true;
    } catch {
      // an input that vanished cannot be overwritten through `out`
    }
  }
  return false;
}
