/**
 * The string `code` a thrown value may carry (`ENOENT`, `ItemNotFound`, …), read without knowing who
 * threw it. Pure and import-free: it sits in the engine only because every room that reports a
 * failure (cli, io, consolidate, excel) may import the engine; nothing here knows a platform.
 */

/** The string `code` of a thrown value, if it has one. */
export function codeOf(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = e.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
