/**
 * The built-in criteria packs (QĐ 9745/QĐ-BCA-V05, Phụ lục I and II), validated once on first use.
 * A built-in pack that fails validation is a programmer error: it throws with every problem listed.
 */
import coquanData from './builtin/coquan.json';
import xaData from './builtin/xa.json';
import type { Pack } from './schema';
import { formatIssues, validatePack } from './validate';

const SOURCES: ReadonlyArray<{ file: string; data: unknown }> = [
  { file: 'src/pack/builtin/xa.json', data: xaData },
  { file: 'src/pack/builtin/coquan.json', data: coquanData },
];

let loaded: readonly Pack[] | undefined;

/** Ids of the built-in packs, in display order. */
export const BUILTIN_PACK_IDS: readonly string[] = ['xa', 'coquan'];

/** Both built-in packs (`xa`, `coquan`), validated lazily once; the same objects on every call. */
export function builtinPacks(): Pack[] {
  if (!loaded) {
    loaded = SOURCES.map(({ file, data }) => {
      const r = validatePack(data);
      if (!r.ok) {
        throw new Error(`Built-in pack ${file} is invalid (programmer error):\n${formatIssues(r.issues)}`);
      }
      return r.pack;
    });
  }
  return [...loaded];
}

/** A built-in pack by id, or undefined. */
export function getBuiltinPack(id: string): Pack | undefined {
  return builtinPacks().find((p) => p.id === id);
}
