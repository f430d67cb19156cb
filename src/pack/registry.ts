/**
 * The built-in criteria packs (QĐ 9745/QĐ-BCA-V05, Phụ lục I and II), shipped as data that is
 * validated at build time, not at every start: test/pack/builtinValidated.test.ts proves that the
 * validator (zod schema and cross-field checks, src/pack/validate.ts) accepts each file and returns
 * it unchanged, so the data is used as it is and zod is loaded only for user-supplied packs.
 */
import coquanData from './builtin/coquan.json';
import xaData from './builtin/xa.json';
import type { Pack } from './schema';

/**
 * The shipped JSON as the `Pack` it was proven to be (see the module comment). The only cast of
 * the built-in data: TypeScript widens JSON string literals, so the proof is the test, not tsc.
 */
function validatedAtBuild(data: object): Pack {
  return data as Pack;
}

/** The built-in packs with their source files (for the build-time test). */
export const BUILTIN_PACK_SOURCES: ReadonlyArray<{ file: string; data: object }> = [
  { file: 'src/pack/builtin/xa.json', data: xaData },
  { file: 'src/pack/builtin/coquan.json', data: coquanData },
];

let loaded: readonly Pack[] | undefined;

/** Ids of the built-in packs, in display order. */
export const BUILTIN_PACK_IDS: readonly string[] = ['xa', 'coquan'];

/** Both built-in packs (`xa`, `coquan`); the same objects on every call. */
export function builtinPacks(): Pack[] {
  loaded ??= BUILTIN_PACK_SOURCES.map(({ data }) => validatedAtBuild(data));
  return [...loaded];
}

/** A built-in pack by id, or undefined. */
export function getBuiltinPack(id: string): Pack | undefined {
  return builtinPacks().find((p) => p.id === id);
}
