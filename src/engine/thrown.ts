/**
 * What a thrown value carries, whoever threw it: Node's file-system errors (`ENOENT`, `EACCES`…),
 * worker errors (`ERR_WORKER_OUT_OF_MEMORY`) and Office.js errors (`ItemNotFound`) all hold a string
 * `code`. One reader for the CLI, the readers and the Office host. Pure.
 */

/** The string `code` of a thrown value, if it has one. */
export function codeOf(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = e.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
