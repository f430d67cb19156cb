import fc from 'fast-check';
import { EXPLANATION_PREFIX, HIGHLIGHT_FILL } from '../../src/excel/officeHost';
import { excelDate } from '../../src/engine/dates';
import { stampHash, stampTimeText } from '../../src/sheet/stampState';
import { inputIds } from '../../src/pack/inputs';
import type { FakeExcel } from '../fakes/fakeExcel';
import { clone, NOW, pack, setup, SHEET, syncsOf } from './helpers';
import { measureSyncBudget, SYNC_LIMITS } from './syncBudget';
import type { ExcelHost } from '../../src/excel/host';
import { at } from '../helpers/at';

const TODAY = excelDate(2025, 6, 15);
const OURS = /N\("tieuchi:danh_dau"\)/;

async function inserted(packId = 'xa', excelApi?: string): Promise<{ fake: FakeExcel; host: ExcelHost }> {
  const s = setup(excelApi ? { excelApi } : {});
  await s.host.insertCriteriaSheet({ packId, unitName: 'Xã Thử', year: 2025 });
  return s;
}

const ourRules = (fake: FakeExcel, sheet = SHEET): Array<{ formula: string; address: string }> =>
  fake
    .sheet(sheet)
    .cfs.filter((c) => OURS.test(c.formula))
    .map((c) => ({
      formula: c.formula,
      address: `${c.rect.row},${c.rect.col},${c.rect.rows},${c.rect.cols}`,
    }));

describe('read and evaluate', () => {
  it('readState reads every input and in-sheet status in one sync', async () => {
    const { fake, host } = await inserted();
    fake.userEdit(SHEET, fake.namedAddress('tc16_tu_diem'), 2);
    fake.userEdit(SHEET, fake.namedAddress('tc2_nghi_quyet_ngay'), excelDate(2025, 2, 1));
    fake.userEdit(SHEET, fake.namedAddress('tc1_quan_triet'), 'Có');
    fake.setCachedResult(SHEET, fake.namedAddress('kq_tc16'), 'Không đạt');
    let state: Awaited<ReturnType<ExcelHost['readState']>>;
    const syncs = await syncsOf(fake, async () => {
      state = await host.readState(SHEET);
    });
    expect(syncs).toBe(SYNC_LIMITS.refresh);
    expect(state!).toMatchObject({ sheetName: SHEET, packId: 'xa', packVersion: pack('xa').version });
    expect(state!.values).toMatchObject({
      tc16_tu_diem: 2,
      tc2_nghi_quyet_ngay: excelDate(2025, 2, 1),
      tc1_quan_triet: 'Có',
      ten_don_vi: 'Xã Thử',
      nam: 2025,
      tc3_hoi_nghi: null,
    });
    // every input, and the as-of date an evaluation froze (blank here)
    expect(Object.keys(state!.values).sort()).toEqual([...inputIds(pack('xa')), 'dg_ngay_tinh'].sort());
    expect(state!.sheetStatuses).toEqual({ TC16: 'Không đạt' });
    // without a sheet name: the active sheet, or the workbook's criteria sheet
    await expect(host.readState()).resolves.toMatchObject({ sheetName: SHEET });
    fake.activeSheetId = fake.sheet('Dữ liệu').id;
    await expect(host.readState()).resolves.toMatchObject({ sheetName: SHEET });
    await expect(host.readState('Không có')).resolves.toBeUndefined();
  });

  it('a workbook without a criteria sheet reads as undefined', async () => {
    const { host } = setup();
    await expect(host.readState()).resolves.toBeUndefined();
    await expect(host.evaluateAndHighlight(TODAY)).resolves.toBeUndefined();
    await expect(host.findCriteriaSheets()).resolves.toEqual([]);
  });

  it('Evaluate: ≤ 2 syncs, stamp, highlight rules only on failing criteria, explanations, selection, disagreements', async () => {
    const { fake, host } = await inserted();
    fake.userEdit(SHEET, fake.namedAddress('tc16_tu_diem'), 2); // TC16 fail
    fake.userEdit(SHEET, fake.namedAddress('tc22_vu_viec'), 1); // TC22 fail
    fake.userEdit(SHEET, fake.namedAddress('tc23_vu_an'), 'hai'); // TC23 invalid
    fake.userEdit(SHEET, fake.namedAddress('tc24_vu_viec'), 0); // TC24 pass
    // the sheet's own formulas: TC24 tampered (says Không đạt while the engine says Đạt)
    fake.setCachedResult(SHEET, fake.namedAddress('kq_tc16'), 'Không đạt');
    fake.setCachedResult(SHEET, fake.namedAddress('kq_tc24'), 'Không đạt');
    fake.activeSheetId = fake.sheet('Dữ liệu').id;

    let result: Awaited<ReturnType<ExcelHost['evaluateAndHighlight']>>;
    const syncs = await syncsOf(fake, async () => {
      result = await host.evaluateAndHighlight(TODAY, SHEET);
    });
    expect(syncs).toBeLessThanOrEqual(SYNC_LIMITS.evaluate);
    expect(fake.errors).toEqual([]);
    const ev = result!.evaluation;
    const status = (id: string): string | undefined => ev.criteria.find((c) => c.id === id)?.status;
    expect([status('TC16'), status('TC22'), status('TC23'), status('TC24')]).toEqual([
      'fail',
      'fail',
      'invalid',
      'pass',
    ]);
    expect(result!.disagreements).toEqual([{ criterion: 'TC24', sheet: 'Không đạt', engine: 'Đạt' }]);

    // stamp
    const state = await host.readState(SHEET);
    expect(fake.namedCell('dg_goi').value).toBe(`xa ${pack('xa').version}`);
    expect(fake.namedCell('dg_ty_le').value).toBe(`${ev.passed}/${ev.applicable}`);
    expect(fake.namedCell('dg_sha256').value).toBe(stampHash(pack('xa'), state!.values));
    expect(fake.namedCell('dg_thoi_gian').value).toBe(stampTimeText(NOW));
    // the as-of date is frozen as a real date: the sheet's formulas use it from now on
    expect(fake.namedCell('dg_ngay_tinh').value).toBe(excelDate(2025, 6, 15));
    expect(fake.namedCell('dg_ngay_tinh').numberFormat).toBe('dd/mm/yyyy');
    expect(fake.namedCell('dg_ket_luan').value).toBe(ev.verdict.label);
    for (const n of ['dg_goi', 'dg_ty_le']) expect(fake.namedCell(n).numberFormat).toBe('@');

    // highlight rules: exactly the failing/invalid criteria, on their status cell and failing inputs
    const rules = fake.sheet(SHEET).cfs.filter((c) => OURS.test(c.formula));
    const failing = ev.criteria.filter((c) => c.status === 'fail' || c.status === 'invalid').map((c) => c.id);
    const referenced = new Set(rules.map((r) => /kq_tc(\d+)/.exec(r.formula)?.[0]));
    expect([...referenced].sort()).toEqual(failing.map((id) => `kq_${id.toLowerCase()}`).sort());
    const covers = (name: string): boolean => {
      const r = fake.resolveName(name)!.rect;
      return rules.some(
        (c) =>
          r.row >= c.rect.row &&
          r.row < c.rect.row + c.rect.rows &&
          r.col >= c.rect.col &&
          r.col < c.rect.col + c.rect.cols,
      );
    };
    for (const n of ['kq_tc16', 'tc16_tu_diem', 'kq_tc22', 'tc22_vu_viec', 'kq_tc23', 'tc23_vu_an'])
      expect(covers(n)).toBe(true);
    expect(covers('tc24_vu_viec')).toBe(false);
    expect(covers('kq_tc24')).toBe(false);
    for (const c of rules) {
      expect(c.fill).toBe(HIGHLIGHT_FILL);
      expect(c.formula).toMatch(
        /^=AND\(N\("tieuchi:danh_dau"\)=0,OR\(kq_tc\d+="Không đạt",kq_tc\d+="Sai dữ liệu"\)\)$/,
      );
    }
    // user formatting untouched: no direct fill was set on any input
    for (const id of inputIds(pack('xa'))) expect(fake.namedCell(id).format.fill).toBe('#FFF9E5');

    // explanations next to the failing rows, nowhere else
    const explanations = [...fake.sheet(SHEET).cells.values()].filter(
      (c) => typeof c.value === 'string' && c.value.startsWith(EXPLANATION_PREFIX),
    );
    expect(explanations).toHaveLength(failing.length);
    for (const id of failing) {
      const kq = fake.resolveName(`kq_${id.toLowerCase()}`)!.rect;
      const row = [...fake.sheet(SHEET).cells.entries()].filter(
        ([k, c]) => k.startsWith(`${kq.row},`) && c === explanations.find((e) => e === c),
      );
      expect(row).toHaveLength(1);
      expect(String(at(row, 0)[1].value)).toContain(`${id} `);
    }
    // first failing input selected, on the activated criteria sheet; protection restored
    expect(result!.selected).toBe(ev.criteria.find((c) => c.id === failing[0])?.indicators[0]);
    expect(fake.activeSheetId).toBe(fake.sheet(SHEET).id);
    expect(fake.selection).toEqual({
      sheetId: fake.sheet(SHEET).id,
      address: fake.namedAddress(result!.selected!),
    });
    expect(fake.sheet(SHEET).protection.protected).toBe(true);

    // a second Evaluate replaces, never duplicates
    const before = ourRules(fake);
    await host.evaluateAndHighlight(TODAY, SHEET);
    expect(ourRules(fake).sort((a, b) => a.address.localeCompare(b.address))).toEqual(
      before.sort((a, b) => a.address.localeCompare(b.address)),
    );
    // fixing the data and evaluating again removes highlight and explanation
    fake.userEdit(SHEET, fake.namedAddress('tc16_tu_diem'), 0);
    await host.evaluateAndHighlight(TODAY, SHEET);
    expect(ourRules(fake).some((r) => r.formula.includes('kq_tc16'))).toBe(false);
    const kq16 = fake.resolveName('kq_tc16')!.rect;
    expect(
      [...fake.sheet(SHEET).cells.entries()].some(
        ([k, c]) => k.startsWith(`${kq16.row},`) && String(c.value).startsWith(EXPLANATION_PREFIX),
      ),
    ).toBe(false);
  });

  it('Xóa đánh dấu removes only our rules and explanations; the user’s rules, fills and notes survive', async () => {
    const { fake, host } = await inserted();
    fake.userEdit(SHEET, fake.namedAddress('tc16_tu_diem'), 2);
    fake.userEdit(SHEET, fake.namedAddress('tc22_vu_viec'), 3);
    const tc22 = fake.namedAddress('tc22_vu_viec');
    fake.userFill(SHEET, tc22, '#00B0F0');
    fake.userConditionalFormat(SHEET, tc22, { formula: '=E1>100', fill: '#FFFF00' });
    fake.userConditionalFormat(SHEET, 'A1', { type: 'CellValue', formula: '=1' });
    // the user wrote a note where TC22's explanation would go
    const kq22 = fake.resolveName('kq_tc22')!.rect;
    const noteCol = String.fromCharCode(64 + kq22.col + 4);
    fake.sheet(SHEET).protection.protected = false;
    fake.userEdit(SHEET, `${noteCol}${kq22.row}`, 'ghi chú của tôi');
    fake.sheet(SHEET).protection.protected = true;
    const specRules = fake
      .sheet(SHEET)
      .cfs.filter((c) => !OURS.test(c.formula))
      .map((c) => c.formula)
      .sort();

    await host.evaluateAndHighlight(TODAY, SHEET);
    expect(ourRules(fake).length).toBeGreaterThan(0);
    expect(fake.cell(SHEET, `${noteCol}${kq22.row}`).value).toBe('ghi chú của tôi');

    const syncs = await syncsOf(fake, () => host.clearHighlights(SHEET));
    expect(syncs).toBeLessThanOrEqual(2);
    expect(ourRules(fake)).toEqual([]);
    expect(
      fake
        .sheet(SHEET)
        .cfs.map((c) => c.formula)
        .sort(),
    ).toEqual(specRules);
    expect(fake.cell(SHEET, tc22).format.fill).toBe('#00B0F0');
    expect(fake.cell(SHEET, `${noteCol}${kq22.row}`).value).toBe('ghi chú của tôi');
    expect(
      [...fake.sheet(SHEET).cells.values()].some(
        (c) => typeof c.value === 'string' && c.value.startsWith(EXPLANATION_PREFIX),
      ),
    ).toBe(false);
    expect(fake.sheet(SHEET).protection.protected).toBe(true);
    // the stamp stays: it records the last evaluation
    expect(fake.namedCell('dg_sha256').value).not.toBe('');
  });

  it('go to: activates the sheet and selects the named input cell', async () => {
    const { fake, host } = await inserted();
    fake.activeSheetId = fake.sheet('Dữ liệu').id;
    await host.goTo('tc7_khen_thuong', SHEET);
    expect(fake.activeSheetId).toBe(fake.sheet(SHEET).id);
    expect(fake.selection?.address).toBe(fake.namedAddress('tc7_khen_thuong'));
    await expect(host.goTo('khong_co', SHEET)).rejects.toThrow(/Không tìm thấy ô/);
  });

  it('change events: user edits notify, the add-in’s own writes do not; unsubscribe removes the handlers', async () => {
    const { fake, host } = await inserted();
    const listener = jest.fn();
    const unsubscribe = await host.onInputsChanged(listener);
    expect(fake.handlerCount(SHEET)).toBe(1);
    fake.userEdit(SHEET, fake.namedAddress('tc16_tu_diem'), 1);
    await fake.settleEvents();
    expect(listener).toHaveBeenCalledTimes(1);
    await host.evaluateAndHighlight(TODAY, SHEET);
    await fake.settleEvents();
    expect(listener).toHaveBeenCalledTimes(1);
    await unsubscribe();
    expect(fake.handlerCount()).toBe(0);
    fake.userEdit(SHEET, fake.namedAddress('tc16_tu_diem'), 2);
    await fake.settleEvents();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('capabilities follow the requirement sets', () => {
    expect(setup({ excelApi: '1.14' }).host.capabilities()).toEqual({
      events: true,
      triggerSource: true,
      conditionalFormats: true,
    });
    expect(setup({ excelApi: '1.7' }).host.capabilities()).toEqual({
      events: true,
      triggerSource: false,
      conditionalFormats: true,
    });
    expect(setup({ excelApi: '1.5' }).host.capabilities()).toEqual({
      events: false,
      triggerSource: false,
      conditionalFormats: false,
    });
  });

  it('without the conditional-format API: direct fills, recorded, and removed exactly by Xóa đánh dấu', async () => {
    const { fake, host } = await inserted('xa', '1.5');
    fake.userEdit(SHEET, fake.namedAddress('tc16_tu_diem'), 2);
    const tc16 = fake.namedAddress('tc16_tu_diem');
    fake.userFill(SHEET, tc16, '#00B0F0');
    const formats = (): Array<[string, unknown]> =>
      clone(
        [...fake.sheet(SHEET).cells.entries()]
          .filter(([, c]) => c.format.fill !== undefined)
          .map(([k, c]) => [k, c.format]),
      );
    const before = formats();
    await host.evaluateAndHighlight(TODAY, SHEET);
    expect(fake.errors).toEqual([]);
    expect(fake.cell(SHEET, tc16).format.fill).toBe(HIGHLIGHT_FILL);
    expect(fake.cell(SHEET, fake.namedAddress('kq_tc16')).format.fill).toBe(HIGHLIGHT_FILL);
    expect(
      [...fake.sheet(SHEET).names.keys()].filter((n) => n.startsWith('tc_danh_dau_')).length,
    ).toBeGreaterThan(0);
    await host.evaluateAndHighlight(TODAY, SHEET); // again: no double bookkeeping
    await host.clearHighlights(SHEET);
    expect([...fake.sheet(SHEET).names.keys()].filter((n) => n.startsWith('tc_danh_dau_'))).toEqual([]);
    expect(formats()).toEqual(before);
    expect(fake.cell(SHEET, tc16).format.fill).toBe('#00B0F0');
  });
});

describe('sync budgets do not grow with the pack', () => {
  it.each(['xa', 'coquan'])('%s', async (packId) => {
    const b = await measureSyncBudget(packId);
    expect(b.insert).toBeLessThanOrEqual(SYNC_LIMITS.insert);
    expect(b.refresh).toBeLessThanOrEqual(SYNC_LIMITS.refresh);
    expect(b.evaluate).toBeLessThanOrEqual(SYNC_LIMITS.evaluate);
    expect(b.clear).toBeLessThanOrEqual(2);
    expect(b.summary).toBeLessThanOrEqual(SYNC_LIMITS.summary);
    expect(b.dossier).toBeLessThanOrEqual(SYNC_LIMITS.dossier);
    expect(b.prior).toBeLessThanOrEqual(SYNC_LIMITS.prior);
    // each action really talked to the host
    expect(Math.min(b.summary, b.dossier, b.prior)).toBeGreaterThan(0);
  });
});

describe('property: Evaluate and refresh never change an input value or the user’s formatting', () => {
  it('random values and fills on input cells', async () => {
    const ids = inputIds(pack('xa'));
    const valueArb = fc.oneof(
      fc.constant(''),
      fc.integer({ min: -3, max: 40 }),
      fc.constantFrom('Có', 'Không', 'Tốt', '=1+1', ' ', 'abc'),
      fc.integer({ min: 45000, max: 46500 }),
      fc.boolean(),
    );
    const fillArb = fc.option(fc.constantFrom('#FF0000', '#00B0F0', '#FFFFFF', '#92D050'), {
      nil: undefined,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...ids), valueArb, fillArb), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        async (edits, twice) => {
          const { fake, host } = await inserted();
          for (const [id, v, fill] of edits) {
            const c = fake.namedCell(id);
            c.value = v;
            delete c.formula;
            if (fill !== undefined) c.format.fill = fill;
            c.format.bold = fill !== undefined;
          }
          const snap = (): unknown => clone(ids.map((id) => [id, fake.namedCell(id)]));
          const before = snap();
          await host.readState(SHEET);
          await host.evaluateAndHighlight(TODAY, SHEET);
          if (twice) await host.evaluateAndHighlight(TODAY + 200, SHEET);
          await host.readState(SHEET);
          expect(snap()).toEqual(before);
          await host.clearHighlights(SHEET);
          expect(snap()).toEqual(before);
          expect(fake.errors).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
