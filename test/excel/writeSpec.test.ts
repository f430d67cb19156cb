import { parseArea } from '../../src/sheet/address';
import { ALL_FEATURES, needsTextFormat, queueSheetSpec, rectangles } from '../../src/excel/writeSpec';
import { serialToIso } from '../../src/engine/dates';
import { buildCriteriaSheet, CRITERIA_SHEET_NAME } from '../../src/sheet/layout';
import type { SheetSpec } from '../../src/sheet/spec';
import { FakeExcel } from '../fakes/fakeExcel';
import { clone, pack, setup, SHEET, syncsOf } from './helpers';
import { SYNC_LIMITS } from './syncBudget';
import { PACK_ID_NAME } from '../../src/pack/workbookNames';

function rc(address: string): { row: number; col: number } {
  const r = parseArea(address);
  if (!r) throw new Error(address);
  return { row: r.row, col: r.col };
}

describe.each(['xa', 'coquan'])('insert the %s criteria sheet', (packId) => {
  it('writes every spec cell, name, validation and rule in ≤ 2 syncs', async () => {
    const { fake, host } = setup();
    const syncs = await syncsOf(fake, async () => {
      await expect(host.insertCriteriaSheet({ packId, unitName: 'Xã Thử', year: 2025 })).resolves.toEqual({
        kind: 'inserted',
        sheetName: SHEET,
      });
    });
    expect(syncs).toBeLessThanOrEqual(SYNC_LIMITS.insert);
    expect(fake.errors).toEqual([]);
    const spec = buildCriteriaSheet(pack(packId), { sheetName: SHEET, unitName: 'Xã Thử', year: 2025 });
    const ws = fake.sheet(SHEET);
    // cells: the last spec entry for an address decides content
    const content = new Map<string, (typeof spec.cells)[number]>();
    for (const c of spec.cells)
      if (c.value !== undefined || c.formula !== undefined) content.set(c.address, c);
    for (const [address, c] of content) {
      const cell = fake.cell(SHEET, address);
      if (c.formula !== undefined) expect(cell.formula).toBe(`=${c.formula}`);
      else {
        expect(cell.value).toBe(c.value);
        expect(cell.formula).toBeUndefined();
      }
    }
    for (const c of spec.cells) {
      if (c.style?.numFmt) expect(fake.cell(SHEET, c.address).numberFormat).toBe(c.style.numFmt);
      if (c.style?.locked === false) expect(fake.cell(SHEET, c.address).format.locked).toBe(false);
      if (c.style?.fill) expect(fake.cell(SHEET, c.address).format.fill).toBe(`#${c.style.fill}`);
      if (c.style?.bold) expect(fake.cell(SHEET, c.address).format.bold).toBe(true);
    }
    // names: workbook scope, at the spec address
    expect(fake.workbookNames.size).toBe(spec.names.length);
    for (const n of spec.names) expect(fake.namedAddress(n.name)).toBe(n.address.replace(/\$/g, ''));
    // validations
    for (const v of spec.validations) {
      const val = fake.cell(SHEET, v.address).validation;
      if (v.type === 'list') expect(val?.rule.list?.source).toBe(v.values.join(','));
      if (v.type === 'whole') expect(val?.rule.wholeNumber?.formula1).toBe(v.min);
      if (v.type === 'date')
        expect(val?.rule.date).toEqual({
          formula1: serialToIso(v.min),
          formula2: serialToIso(v.max),
          operator: 'Between',
        });
      expect(val?.errorAlert?.message).toBe(v.error);
    }
    // conditional formats, merges, view, protection
    expect(ws.cfs.map((c) => c.formula).sort()).toEqual(
      spec.conditionalFormats.map((c) => `=${c.formula}`).sort(),
    );
    expect(ws.merges).toHaveLength(spec.merges.length);
    expect(ws.freeze).toEqual({ rows: spec.freeze.rows, columns: 0 });
    expect(ws.protection.protected).toBe(true);
    spec.columns.forEach((c, i) => {
      expect(ws.colWidths.get(i + 1)).toBeGreaterThan(c.width * 5);
      expect(ws.colHidden.has(i + 1)).toBe(c.hidden === true);
    });
    for (const r of spec.rows) expect(ws.rowHeights.get(r.row)).toBe(r.height);
    expect(ws.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      printArea: spec.print.area,
      // as the ExcelJS writer: a break between criterion blocks, the sheet's own page numbers
      rowBreaks: spec.print.rowBreaks,
      firstPageNumber: 1,
      footer: { left: '&10&A', right: '&10Trang &P/&N' },
    });
    expect(spec.print.rowBreaks?.length).toBeGreaterThan(0);
    expect(fake.activeSheetId).toBe(ws.id);
    // unit name and year prefilled into their inputs
    expect(fake.namedCell('ten_don_vi').value).toBe('Xã Thử');
    expect(fake.namedCell('nam').value).toBe(2025);
  });

  it('never overwrites an existing criteria sheet and leaves other sheets untouched', async () => {
    const { fake, host } = setup();
    fake.userEdit('Dữ liệu', 'A1', 'số liệu của tôi');
    fake.userFill('Dữ liệu', 'A1', '#00FF00');
    await host.insertCriteriaSheet({ packId, unitName: 'A', year: 2025 });
    fake.userEdit(SHEET, fake.namedAddress('ten_don_vi'), 'Đã sửa');
    const before = clone([
      ...fake.sheets.map((s) => [...s.cells.entries()]),
      [...fake.workbookNames.entries()],
    ]);
    await expect(host.insertCriteriaSheet({ packId, unitName: 'B', year: 2026 })).resolves.toEqual({
      kind: 'exists',
      sheetName: SHEET,
    });
    expect(
      clone([...fake.sheets.map((s) => [...s.cells.entries()]), [...fake.workbookNames.entries()]]),
    ).toEqual(before);
    expect(fake.sheets).toHaveLength(2);
    // an explicit name that is taken is never overwritten either
    await expect(
      host.insertCriteriaSheet({ packId, unitName: 'B', year: 2026, sheetName: 'dữ liệu' }),
    ).resolves.toEqual({ kind: 'exists', sheetName: 'Dữ liệu' });
    expect(fake.cell('Dữ liệu', 'A1')).toMatchObject({ value: 'số liệu của tôi' });
  });

  it('"add another" puts every name on the new sheet; the first sheet keeps the workbook names', async () => {
    const { fake, host } = setup();
    await host.insertCriteriaSheet({ packId, unitName: 'A', year: 2025 });
    const wbBefore = clone([...fake.workbookNames.entries()]);
    const syncs = await syncsOf(fake, async () => {
      await expect(
        host.insertCriteriaSheet({ packId, unitName: 'B', year: 2025, sheetName: 'Tiêu chí 2' }),
      ).resolves.toEqual({ kind: 'inserted', sheetName: 'Tiêu chí 2' });
    });
    expect(syncs).toBeLessThanOrEqual(2);
    expect(clone([...fake.workbookNames.entries()])).toEqual(wbBefore);
    const second = fake.sheet('Tiêu chí 2');
    const spec = buildCriteriaSheet(pack(packId));
    expect(second.names.size).toBe(spec.names.length);
    expect(fake.namedCell('ten_don_vi', 'Tiêu chí 2').value).toBe('B');
    expect(fake.namedCell('ten_don_vi').value).toBe('A');
    await expect(host.findCriteriaSheets()).resolves.toEqual([
      { sheetName: SHEET, packId },
      { sheetName: 'Tiêu chí 2', packId },
    ]);
    const state = await host.readState('Tiêu chí 2');
    expect(state?.values.ten_don_vi).toBe('B');
  });
});

describe('insert, other cases', () => {
  it('a user sheet already called "Tiêu chí" is left alone; the criteria sheet gets a free name', async () => {
    const { fake, host } = setup({ sheets: [CRITERIA_SHEET_NAME] });
    fake.userEdit(CRITERIA_SHEET_NAME, 'A1', 'của người dùng');
    await expect(host.insertCriteriaSheet({ packId: 'xa', unitName: 'A', year: 2025 })).resolves.toEqual({
      kind: 'inserted',
      sheetName: 'Tiêu chí (2)',
    });
    expect(fake.sheet(CRITERIA_SHEET_NAME).cells.size).toBe(1);
    // the pack id is named where the layout of the new sheet puts it, and holds the pack's id
    const spec = buildCriteriaSheet(pack('xa'), { sheetName: 'Tiêu chí (2)', unitName: 'A', year: 2025 });
    const want = spec.names.find((n) => n.name === PACK_ID_NAME);
    expect(want?.address).toMatch(/^\$[A-Z]+\$[0-9]+$/);
    expect(fake.namedAddress(PACK_ID_NAME)).toBe(want?.address.replace(/\$/g, ''));
    expect(fake.resolveName(PACK_ID_NAME)?.sheet.name).toBe('Tiêu chí (2)');
    expect(fake.namedCell(PACK_ID_NAME).value).toBe('xa');
  });

  it('an invalid sheet name or an unknown pack is refused in Vietnamese, before touching Excel', async () => {
    const { fake, host } = setup();
    await expect(
      host.insertCriteriaSheet({ packId: 'xa', unitName: 'A', year: 2025, sheetName: 'a/b' }),
    ).rejects.toThrow('Tên trang “a/b” không hợp lệ: tên trang không được chứa \\ / ? * [ ] :.');
    // Excel reserves "History" (the taskpane's check refuses it too: one rule set, src/sheet/sheetName.ts)
    await expect(
      host.insertCriteriaSheet({ packId: 'xa', unitName: 'A', year: 2025, sheetName: 'history' }),
    ).rejects.toThrow('Tên trang “history” không hợp lệ: Excel dành riêng tên “History”.');
    await expect(host.insertCriteriaSheet({ packId: 'khong_co', unitName: 'A', year: 2025 })).rejects.toThrow(
      /Không có gói tiêu chí/,
    );
    expect(fake.syncCount).toBe(0);
  });

  it('works on an old Excel without conditional formats, validation, freeze panes or page layout', async () => {
    const { fake, host } = setup({ excelApi: '1.4' });
    await expect(
      host.insertCriteriaSheet({ packId: 'coquan', unitName: 'A', year: 2025 }),
    ).resolves.toMatchObject({
      kind: 'inserted',
    });
    expect(fake.errors).toEqual([]);
    expect(fake.sheet(SHEET).cfs).toEqual([]);
  });

  it('text that starts with = + - @ or looks like a number or date stays text', async () => {
    const fake = new FakeExcel({ sheets: ['S'] });
    const texts = [
      '=SUM(A1:A3)',
      '+84 912 345 678',
      '-5 điểm',
      '@tieuchi',
      '28/34',
      '1.0.0',
      'TRUE',
      'bình thường',
    ];
    const spec: SheetSpec = {
      name: 'T',
      columns: [{ width: 10 }],
      rows: [],
      cells: [
        ...texts.map((t, i) => ({ address: `A${i + 1}`, value: t })),
        { address: 'B1', value: 42 },
        { address: 'B2', formula: 'B1*2' },
        { address: 'B3', value: '=x', style: { locked: false } },
      ],
      merges: [],
      names: [],
      validations: [],
      conditionalFormats: [],
      freeze: { rows: 0, columns: 0 },
      print: { orientation: 'portrait', paper: 'A4', fitToWidth: false },
      protect: false,
    };
    await fake.run(async (ctx) => {
      queueSheetSpec(ctx, spec, { sheetName: 'T', nameScope: 'workbook', features: ALL_FEATURES });
      await ctx.sync();
    });
    texts.forEach((t, i) => {
      const c = fake.cell('T', `A${i + 1}`);
      expect(c.value).toBe(t);
      expect(c.formula).toBeUndefined();
    });
    expect(fake.cell('T', 'A8').numberFormat).toBe('General');
    expect(fake.cell('T', 'B1').value).toBe(42);
    expect(fake.cell('T', 'B2').formula).toBe('=B1*2');
    expect(fake.cell('T', 'B3')).toMatchObject({ value: '=x', numberFormat: '@' });
  });
});

describe('writeSpec helpers', () => {
  it('needsTextFormat', () => {
    for (const s of [
      '=1',
      '+1',
      '-x',
      '@a',
      '12',
      '1,5',
      '1.0.0',
      '28/34',
      '01/02/2025',
      '10%',
      'true',
      '(5)',
      '12:30',
    ])
      expect(needsTextFormat(s)).toBe(true);
    for (const s of ['Có', 'Không', 'xa 1.0.0', 'Nhóm 1', 'TC1', '', 'Đạt — đủ'])
      expect(needsTextFormat(s)).toBe(false);
  });

  it('rectangles cover exactly the given cells', () => {
    const cells = [
      { row: 1, col: 1 },
      { row: 1, col: 2 },
      { row: 2, col: 1 },
      { row: 2, col: 2 },
      { row: 3, col: 2 },
      { row: 5, col: 7 },
      rc('C1'),
    ];
    const rects = rectangles(cells);
    const covered = new Set<string>();
    for (const r of rects)
      for (let i = 0; i < r.rows; i++)
        for (let j = 0; j < r.cols; j++) covered.add(`${r.row + i},${r.col + j}`);
    expect(covered).toEqual(new Set(cells.map((c) => `${c.row},${c.col}`)));
    expect(rects.length).toBeLessThan(cells.length);
  });
});
