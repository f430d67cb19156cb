/**
 * Engine ↔ worksheet agreement: evaluates a case with the TS engine and with the generated sheet
 * formulas in HyperFormula, and lists every difference (empty list = they agree).
 */
import { colToLetters } from '../../src/sheet/address';
import { serialFromJsDate } from '../../src/engine/dates';
import type { Pack } from '../../src/pack/schema';
import { statusName } from '../../src/pack/schema';
import { evaluate } from '../../src/engine/evaluate';
import { buildCriteriaSheet } from '../../src/sheet/layout';
import { inputIds } from '../../src/pack/inputs';
import { SheetHarness, parseAddress } from './hf';
import type { AgreementCase } from './cases';
import type { CellValue } from '../../src/engine/values';
import { APPLICABLE_NAME, FROZEN_AS_OF_ID, PASSED_NAME, VERDICT_NAME } from '../../src/pack/workbookNames';
import type { Plan } from '../../src/plan/schema';

/** Reasons print numbers with the host's decimal separator; compare them with a comma. */
const normDecimals = (s: string): string => s.replace(/(\d)\.(\d)/g, '$1,$2');

export class AgreementChecker {
  readonly harness: SheetHarness;
  private readonly reasonAddr = new Map<string, string>();

  constructor(
    readonly pack: Pack,
    readonly plan?: Plan,
  ) {
    const spec = buildCriteriaSheet(pack, plan ? { plan } : {});
    this.harness = new SheetHarness(spec, [...inputIds(pack), FROZEN_AS_OF_ID]);
    for (const n of spec.names) {
      if (!n.name.startsWith('kq_tc')) continue;
      const p = parseAddress(n.address);
      this.reasonAddr.set(n.name, `${colToLetters(p.col + 2)}${p.row + 1}`);
    }
  }

  /** Differences between engine and sheet for one case (empty = agreement). */
  check(c: AgreementCase): string[] {
    const h = this.harness;
    // HyperFormula evaluates TODAY() while it recalculates; give the engine that same day, and
    // recalculate again if midnight passed in between (a run may straddle midnight).
    let today: number;
    let day = serialFromJsDate(new Date());
    do {
      today = day;
      h.setInputs(c.values);
      day = serialFromJsDate(new Date());
    } while (day !== today);
    return compareWithEngine(
      this.pack,
      { ...c, today, ...(this.plan ? { plan: this.plan } : {}) },
      (name) => h.read(name),
      (name) => h.readAt(this.reasonAddr.get(name) ?? 'A1'),
    );
  }
}

/**
 * Compares a computed sheet (read through `read(name)` and the reason beside each `kq_tcN`) with
 * the engine's evaluation of the same values.
 */
export function compareWithEngine(
  pack: Pack,
  c: AgreementCase,
  read: (name: string) => CellValue,
  readReason: (statusName: string) => CellValue,
): string[] {
  const ev = evaluate(pack, c.values, { today: c.today, ...(c.plan ? { plan: c.plan } : {}) });
  const diffs: string[] = [];
  for (const cr of ev.criteria) {
    const name = statusName(cr);
    const got = read(name);
    if (got !== cr.label)
      diffs.push(`${cr.id}: engine “${cr.label}” (${cr.reasons.join(' | ')}), sheet “${String(got)}”`);
    const want = cr.status === 'pass' || cr.status === 'na' ? '' : (cr.reasons[0] ?? '');
    const reason = readReason(name);
    const gotReason = reason === null || reason === undefined ? '' : String(reason);
    if (normDecimals(gotReason) !== normDecimals(want)) {
      diffs.push(`${cr.id} lý do: engine “${want}”, sheet “${gotReason}”`);
    }
  }
  const verdict = read(VERDICT_NAME);
  if (verdict !== ev.verdict.label)
    diffs.push(`ket_luan: engine “${ev.verdict.label}”, sheet “${String(verdict)}”`);
  const passed = read(PASSED_NAME);
  if (passed !== ev.passed) diffs.push(`so_dat: engine ${ev.passed}, sheet ${String(passed)}`);
  const applicable = read(APPLICABLE_NAME);
  if (applicable !== ev.applicable)
    diffs.push(`so_ap_dung: engine ${ev.applicable}, sheet ${String(applicable)}`);
  const asOf = read('ngay_tinh');
  if (asOf !== ev.asOf) diffs.push(`ngay_tinh: engine ${ev.asOf}, sheet ${String(asOf)}`);
  const year = read('nam_tinh');
  if (year !== ev.year) diffs.push(`nam_tinh: engine ${ev.year}, sheet ${String(year)}`);
  return diffs;
}
