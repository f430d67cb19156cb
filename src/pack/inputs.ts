/**
 * Every input of a pack, in one walk: the profile fields, then for each criterion its indicators and
 * its evidence field (`tcN_minh_chung`, text). The order is the sheet's and the stamp's (the
 * canonical order the SHA-256 of the inputs is computed in). Ids are unique in a valid pack
 * (pack/validate.ts); the first occurrence wins otherwise. zod-free.
 */
import { evidenceId } from './workbookNames';
import type { Criterion, Indicator, Pack } from './schema';

/** The evidence field of a criterion as an input (free text). */
export function evidenceInput(c: Criterion): Indicator {
  return { id: evidenceId(c), label: `Minh chứng ${c.id}`, type: 'text' };
}

function collect(pack: Pack, withEvidence: boolean): Map<string, Indicator> {
  const m = new Map<string, Indicator>();
  const add = (ind: Indicator): void => {
    if (!m.has(ind.id)) m.set(ind.id, ind);
  };
  for (const p of pack.profile) add(p);
  for (const g of pack.groups) {
    for (const c of g.criteria) {
      for (const ind of c.indicators) add(ind);
      if (withEvidence) add(evidenceInput(c));
    }
  }
  return m;
}

/** Every input by id, in sheet order: profile fields, indicators, evidence fields. */
export function packInputs(pack: Pack): Map<string, Indicator> {
  return collect(pack, true);
}

/** The ids of `packInputs`, in sheet order. */
export function inputIds(pack: Pack): string[] {
  return [...collect(pack, true).keys()];
}

/** Profile fields and indicators by id (no evidence fields): what requirements can read. */
export function packIndicators(pack: Pack): Map<string, Indicator> {
  return collect(pack, false);
}
