/**
 * Totality: for any values of any type and any `today`, `evaluate` returns (never throws), every
 * status is a known code, every message is readable Vietnamese text, and the result is deterministic.
 */
import fc from 'fast-check';
import { scaleOf } from '../../src/engine/compile';
import { packIndicators } from '../../src/pack/inputs';
import { evaluate, type Evaluation } from '../../src/engine/evaluate';
import { STATUS_CODES, STATUS_LABELS, VERDICT_CODES } from '../../src/engine/status';
import type { CellValue } from '../../src/engine/values';
import { getBuiltinPack } from '../../src/pack/registry';
import { evidenceId, packSchema, type Pack } from '../../src/pack/schema';

const BAD_TEXT = /undefined|NaN|\[object|Infinity|null/;

function packById(id: string): Pack {
  const p = getBuiltinPack(id);
  if (!p) throw new Error(`built-in pack ${id} not found`);
  return p;
}
const xa = packById('xa');
const coquan = packById('coquan');
const xaLenient = packSchema.parse({
  ...xa,
  id: 'xa_kiem_che',
  parameters: {
    ...xa.parameters,
    tc18_chap_nhan_kiem_che: true,
    tc18_giam_pct: 4.5,
    tc29_tai_pham_pct: 2.25,
  },
});

function allIds(pack: Pack): string[] {
  const ids = [...packIndicators(pack).keys()];
  for (const g of pack.groups) for (const c of g.criteria) ids.push(evidenceId(c));
  return ids;
}

function labelsOf(pack: Pack): string[] {
  const out = new Set<string>(['Có', 'Không', 'có', 'KHÔNG', 'Co', 'khong', ...pack.unitTypes]);
  for (const ind of packIndicators(pack).values()) for (const l of scaleOf(ind, pack)) out.add(l);
  return [...out];
}

function cellValue(pack: Pack): fc.Arbitrary<CellValue | undefined> {
  return fc.oneof(
    fc.double(),
    fc.integer({ min: -1000, max: 1000 }),
    fc.nat({ max: 20 }),
    fc.integer({ min: 44000, max: 47500 }), // dates 2020–2030
    fc.integer({ min: 2018, max: 2105 }), // around the valid years
    fc.constantFrom(
      0,
      -0,
      1,
      12,
      13,
      2025,
      2958465,
      2958466,
      1e21,
      1e308,
      -1e308,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      Number.MAX_SAFE_INTEGER,
      0.5,
      1.5,
      NaN,
      Infinity,
      -Infinity,
    ),
    fc.constantFrom(...labelsOf(pack), '', ' ', '    ', '2025', '2025-03-31', '31/03/2025', '\t'),
    fc.string().filter((s) => !BAD_TEXT.test(s)),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  );
}

function valuesArb(pack: Pack): fc.Arbitrary<Record<string, CellValue | undefined>> {
  const model: Record<string, fc.Arbitrary<CellValue | undefined>> = {};
  const arb = cellValue(pack);
  for (const id of allIds(pack)) model[id] = arb;
  return fc.record(model, { requiredKeys: [] });
}

const todayArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 44000, max: 47500 }),
  fc.integer({ min: -1e7, max: 1e7 }),
  fc.double(),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    0,
    1,
    59,
    60,
    61,
    2958465,
    2958466,
    1e15,
    -1e15,
    Number.MAX_VALUE,
  ),
);

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

function checkReadable(text: string, where: string): void {
  check(typeof text === 'string' && text.trim() !== '', `${where}: empty text`);
  check(!BAD_TEXT.test(text), `${where}: unreadable text “${text}”`);
}

const STATUS_SET = new Set<string>(STATUS_CODES);
const VERDICT_SET = new Set<string>(VERDICT_CODES);

/** Plain checks (not `expect`) keep hundreds of runs fast. */
function checkEvaluation(pack: Pack, e: Evaluation): void {
  const total = pack.groups.reduce((n, g) => n + g.criteria.length, 0);
  check(e.criteria.length === total, `criteria: ${e.criteria.length} ≠ ${total}`);
  check(VERDICT_SET.has(e.verdict.code), `verdict code ${e.verdict.code}`);
  checkReadable(e.verdict.label, 'verdict');
  check(/^\d{4}-\d{2}-\d{2}$/.test(e.asOfIso), `asOfIso ${e.asOfIso}`);
  check(Number.isFinite(e.asOf) && Number.isFinite(e.year), `asOf ${e.asOf}, year ${e.year}`);
  for (const c of e.criteria) {
    check(STATUS_SET.has(c.status), `${c.id}: status ${c.status}`);
    check(c.label === STATUS_LABELS[c.status], `${c.id}: label ${c.label}`);
    check(c.requirements.length > 0, `${c.id}: no requirements`);
    for (const r of c.requirements) {
      check(STATUS_SET.has(r.status), `${c.id}: requirement status ${r.status}`);
      checkReadable(r.reason, `${c.id} (${r.status})`);
    }
    check(c.reasons.length > 0, `${c.id}: no reasons`);
  }
  for (const w of e.warnings) checkReadable(w.message, `warning ${w.code}`);
  const applicable = e.criteria.filter((c) => c.status !== 'na');
  check(e.applicable === applicable.length, 'applicable count');
  check(e.passed === applicable.filter((c) => c.status === 'pass').length, 'passed count');
  const has = (s: string) => e.criteria.some((c) => c.status === s);
  const expected = has('fail')
    ? 'fail'
    : has('invalid') || has('missing')
      ? 'incomplete'
      : has('not_due')
        ? 'on_track'
        : 'pass';
  check(e.verdict.code === expected, `verdict ${e.verdict.code}, expected ${expected}`);
}

describe.each([
  ['xa', xa],
  ['coquan', coquan],
  ['xa with kiềm chế and fractional percentages', xaLenient],
])('evaluate is total on %s', (_name, pack) => {
  it('never throws, only known codes, readable messages, deterministic', () => {
    fc.assert(
      fc.property(valuesArb(pack), todayArb, (values, today) => {
        const a = evaluate(pack, values, { today });
        checkEvaluation(pack, a);
        // a frozen copy: evaluate never writes to its input
        const b = evaluate(pack, Object.freeze({ ...values }), { today });
        check(JSON.stringify(b) === JSON.stringify(a), 'not deterministic');
      }),
      { numRuns: 300 },
    );
  });

  it('the same holds for sparse answer sets (most cells blank)', () => {
    const sparse = fc.dictionary(fc.constantFrom(...allIds(pack)), cellValue(pack), { maxKeys: 8 });
    fc.assert(
      fc.property(sparse, todayArb, (values, today) => {
        checkEvaluation(pack, evaluate(pack, values, { today }));
      }),
      { numRuns: 200 },
    );
  });
});
