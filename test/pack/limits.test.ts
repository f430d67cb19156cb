/**
 * Pack limits keep every generated formula under Excel's 8 192-character limit: the largest valid
 * pack (every label, title, scale label and value at its maximum length and made of '"' — which
 * doubles inside a formula string — every list at its maximum size, and as many criteria and
 * requirements as allowed) validates, and the longest formula of its sheet is under the limit.
 */
import xaData from '../../src/pack/builtin/xa.json';
import { PACK_LIMITS, looksLikeCellRef, type Pack } from '../../src/pack/schema';
import { validatePack } from '../../src/pack/validate';
import { buildCriteriaSheet } from '../../src/sheet/layout';
import { at, entry } from '../helpers/at';

type Json = Record<string, unknown>;
const L = PACK_LIMITS;
/** Excel: a formula is at most 8 192 characters. */
const EXCEL_FORMULA_MAX = 8192;

/** `base` padded with '"' to exactly `n` characters (quotes double in formula strings). */
const pad = (base: string, n: number): string => (base + '"'.repeat(n)).slice(0, n);

/** Every string value equal to a key of `map` replaced by its value (scale labels and their uses). */
function renameStrings(x: unknown, map: ReadonlyMap<string, string>): unknown {
  if (typeof x === 'string') return map.get(x) ?? x;
  if (Array.isArray(x)) return x.map((v) => renameStrings(v, map));
  if (x && typeof x === 'object') {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, renameStrings(v, map)]));
  }
  return x;
}

function largestPack(): Json {
  const d = JSON.parse(JSON.stringify(xaData)) as Json;
  // scale labels and unit types: as long as allowed, as many as allowed
  const scales = d.scales as Record<string, string[]>;
  const rename = new Map<string, string>();
  for (const labels of Object.values(scales)) {
    for (const l of labels) if (!rename.has(l)) rename.set(l, pad(l, L.value));
  }
  const big = renameStrings(d, rename) as Json;
  const bigScales = big.scales as Record<string, string[]>;
  for (const [name, labels] of Object.entries(bigScales)) {
    for (let k = labels.length; k < L.values; k++) labels.push(pad(`${name} ${k}`, L.value));
  }
  big.unitTypes = [...entry(bigScales, 'loai_don_vi')];
  // titles and labels
  for (const key of ['title', 'shortTitle', 'legalBasis']) big[key] = pad(String(big[key]), L.title);
  const indicators = (list: unknown): void => {
    for (const ind of list as Json[]) {
      ind.label = pad(String(ind.label), L.label);
      ind.hint = pad(typeof ind.hint === 'string' ? ind.hint : '', L.hint);
    }
  };
  indicators(big.profile);
  for (const p of (big.prerequisites ?? []) as Json[]) p.label = pad(String(p.label), L.label);
  const groups = big.groups as Json[];
  // more criteria: copies of existing ones (indicator ids renamed), up to the pack's limit
  const originals = groups.flatMap((g) => g.criteria as Json[]);
  let copies = 0;
  for (let gi = 0; originals.length + copies < L.criteria; gi = (gi + 1) % groups.length) {
    const list = at(groups, gi).criteria as Json[];
    if (list.length >= L.criteriaPerGroup) continue;
    const src = at(originals, copies % originals.length);
    const ids = new Map<string, string>();
    for (const ind of src.indicators as Json[])
      ids.set(String(ind.id), `k${copies}_${String(ind.id)}`.padEnd(L.id, 'x').slice(0, L.id));
    list.push(renameStrings(JSON.parse(JSON.stringify(src)), ids) as Json);
    copies++;
  }
  let number = 0;
  for (const [gi, g] of groups.entries()) {
    g.title = pad(String(g.title), L.title);
    for (const c of g.criteria as Json[]) {
      number++;
      c.number = number;
      c.id = `TC${number}`;
      c.title = pad(String(c.title), L.title);
      c.text = pad(String(c.text), L.text);
      indicators(c.indicators);
      const reqs = c.requirements as Json[];
      for (let k = 0; reqs.length < L.requirementsPerCriterion; k++) reqs.push({ ...reqs[k % reqs.length] });
      for (const r of reqs) {
        const a = r.applicability as Json | undefined;
        if (a && Array.isArray(a.values)) a.values = entry(bigScales, 'loai_don_vi').slice(0, L.values);
      }
    }
    void gi;
  }
  return big;
}

function formulas(x: unknown, out: string[]): string[] {
  if (Array.isArray(x)) for (const v of x) formulas(v, out);
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'formula' && typeof v === 'string') out.push(v);
      else formulas(v, out);
    }
  }
  return out;
}

describe('pack limits keep formulas inside Excel', () => {
  test('the largest valid pack validates and its longest formula is under 8 192 characters', () => {
    const data = largestPack();
    const r = validatePack(data);
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    const pack: Pack = r.pack;
    expect(pack.groups.flatMap((g) => g.criteria)).toHaveLength(L.criteria);
    const all = formulas(buildCriteriaSheet(pack), []);
    expect(all.length).toBeGreaterThan(100);
    const longest = Math.max(...all.map((f) => f.length));

    // the limits are not far too generous either: the worst case uses a good part of the budget
    expect(longest).toBeGreaterThan(EXCEL_FORMULA_MAX / 4);
    expect(longest).toBeLessThan(EXCEL_FORMULA_MAX);
  });

  test('one character or one element over a limit is refused with its path', () => {
    const over = (edit: (d: Json) => void): string[] => {
      const d = JSON.parse(JSON.stringify(xaData)) as Json;
      edit(d);
      const r = validatePack(d);
      return r.ok ? [] : r.issues.map((i) => i.path);
    };
    const crit = (d: Json): Json => at(at(d.groups as Json[], 0).criteria as Json[], 0);
    expect(over((d) => (at(d.profile as Json[], 0).label = 'x'.repeat(L.label + 1)))).toContain(
      'profile[0].label',
    );
    expect(
      over((d) => {
        const reqs = crit(d).requirements as Json[];
        while (reqs.length <= L.requirementsPerCriterion) reqs.push({ ...reqs[0] });
      }),
    ).toContain('groups[0].criteria[0].requirements');
    expect(
      over((d) => {
        const scale = entry(d.scales as Record<string, string[]>, 'loai_don_vi');
        scale[0] = 'x'.repeat(L.value + 1);
      }),
    ).toContain('scales.loai_don_vi[0]');
  });

  test.each(['r', 'c', 'rc', 'r1', 'c2', 'r1c', 'rc1', 'r1c1', 'R12C3', 'a1', 'xfd9'])(
    '“%s” looks like a cell reference (Excel refuses it as a name)',
    (id) => expect(looksLikeCellRef(id)).toBe(true),
  );

  test.each(['rcx', 'ten_don_vi', 'r1c1_so', 'c_x', 'tc1'])('“%s” is a valid name', (id) =>
    expect(looksLikeCellRef(id)).toBe(/^[a-z]{1,3}[0-9]+$/i.test(id)),
  );
});
