import { FakeExcel, FakeExcelError } from '../fakes/fakeExcel';
import type { XlContext } from '../../src/excel/officeTypes';
import { at } from '../helpers/at';

describe('the fake Excel host obeys load/sync rules', () => {
  it('properties throw until loaded and synced; writes apply on sync', async () => {
    const fake = new FakeExcel({ sheets: ['S'] });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B1');
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      r.values = [[1, 'x']];
      expect(fake.cell('S', 'A1').value).toBe('');
      r.load('values');
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(r.values).toEqual([[1, 'x']]);
      expect(fake.cell('S', 'B1').value).toBe('x');
      expect(() => r.address).toThrow(/PropertyNotLoaded/);
    });
    expect(fake.syncCount).toBe(1);
  });

  it('loads are snapshots taken in queue order', async () => {
    const fake = new FakeExcel({ sheets: ['S'] });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.load('values');
      r.values = [[5]];
      await ctx.sync();
      expect(r.values).toEqual([['']]);
    });
  });

  it('getItem of a missing sheet fails the sync; isNullObject only after a sync', async () => {
    const fake = new FakeExcel({ sheets: ['S'] });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Không có');
        await ctx.sync();
      }),
    ).rejects.toThrow(/ItemNotFound/);
    await fake.run(async (ctx) => {
      const n = ctx.workbook.worksheets.getItemOrNullObject('Không có');
      expect(() => n.isNullObject).toThrow(FakeExcelError);
      await ctx.sync();
      expect(n.isNullObject).toBe(true);
    });
  });

  it('strings become formulas, numbers or dates like in Excel, unless the cell is Text', async () => {
    const fake = new FakeExcel({ sheets: ['S'] });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1:E1').values = [['=1+1', '+84', '12', '28/34', 'abc']];
      const b = ws.getRange('A2:B2');
      b.numberFormat = [['@', '@']];
      b.values = [['=1+1', '28/34']];
      await ctx.sync();
    });
    expect(fake.cell('S', 'A1').formula).toBe('=1+1');
    expect(fake.cell('S', 'B1').formula).toBe('=+84');
    expect(fake.cell('S', 'C1').value).toBe(12);
    expect(fake.cell('S', 'D1').value).not.toBe('28/34');
    expect(fake.cell('S', 'E1').value).toBe('abc');
    expect(fake.cell('S', 'A2')).toMatchObject({ value: '=1+1' });
    expect(fake.cell('S', 'A2').formula).toBeUndefined();
    expect(fake.cell('S', 'B2').value).toBe('28/34');
  });

  it('locked cells of a protected sheet refuse writes; unlocked ones accept them', async () => {
    const fake = new FakeExcel({ sheets: ['S'] });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('B2').format.protection.locked = false;
      ws.protection.protect();
      ws.getRange('B2').values = [[1]];
      await ctx.sync();
    });
    expect(fake.cell('S', 'B2').value).toBe(1);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toThrow(/AccessDenied/);
  });

  it('APIs above the host version fail with ApiNotFound', async () => {
    const fake = new FakeExcel({ sheets: ['S'], excelApi: '1.5' });
    expect(fake.isSetSupported('ExcelApi', '1.6')).toBe(false);
    expect(fake.isSetSupported('ExcelApi', '1.5')).toBe(true);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').conditionalFormats.add('Custom');
        await ctx.sync();
      }),
    ).rejects.toThrow(/ApiNotFound/);
  });
});

describe('the fake Excel host is as strict as real Excel (docs/real-excel.md)', () => {
  it('checks each member against the generated requirement-set table', async () => {
    const fake = new FakeExcel({ sheets: ['S'], excelApi: '1.5' });
    // Range.conditionalFormats is ExcelApi 1.6; Worksheet.onChanged 1.7; values 1.1
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').conditionalFormats.add('Custom');
        await ctx.sync();
      }),
    ).rejects.toThrow(/ApiNotFound: Range.conditionalFormats needs ExcelApi 1.6/);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').protection.load('options');
        await ctx.sync();
      }),
    ).resolves.toBeUndefined();
  });

  it('web: a request or a response over 5 MB fails', async () => {
    const big = [[`${'x'.repeat(6 * 1024 * 1024)}`]];
    for (const web of [false, true]) {
      const fake = new FakeExcel({ sheets: ['S'], web });
      const write = fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = big;
        await ctx.sync();
      });
      if (web) await expect(write).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
      else await expect(write).resolves.toBeUndefined();
    }
    const fake = new FakeExcel({ sheets: ['S'], web: true });
    fake.cell('S', 'A1').value = at(at(big, 0), 0);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
        await ctx.sync();
      }),
    ).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
  });

  it('cell-edit mode fails batches unless they wait for it', async () => {
    const fake = new FakeExcel({ sheets: ['S'] });
    fake.enterCellEdit();
    const batch = async (ctx: XlContext): Promise<void> => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
      await ctx.sync();
    };
    await expect(fake.run(batch)).rejects.toThrow(/InvalidOperationInCellEditMode/);
    const delayed = fake.run(batch, undefined, { delayForCellEdit: true });
    await Promise.resolve();
    expect(fake.cell('S', 'A1').value).toBe('');
    fake.exitCellEdit();
    await delayed;
    expect(fake.cell('S', 'A1').value).toBe(1);
  });

  it('1904 workbooks: DATE answers 1462 days lower', async () => {
    for (const [date1904, want] of [
      [false, 1462],
      [true, 0],
    ] as const) {
      const fake = new FakeExcel({ sheets: ['S'], date1904 });
      await fake.run(async (ctx) => {
        const d = ctx.workbook.functions.date(1904, 1, 1);
        d.load('value');
        await ctx.sync();
        expect(d.value).toBe(want);
      });
    }
  });

  it('protection: full options reported, a password needed to unprotect, the undo log', async () => {
    const fake = new FakeExcel({ sheets: ['S'], undo: true });
    fake.protectSheet('S', { allowSort: true }, 'pw');
    await fake.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('S').protection;
      p.load('protected,options');
      await ctx.sync();
      expect(p.options).toMatchObject({ allowSort: true, allowFormatCells: false, selectionMode: 'Normal' });
      p.unprotect();
      await expect(ctx.sync()).rejects.toThrow(/InvalidArgument/);
      p.unprotect('pw');
      await ctx.sync();
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(fake.sheet('S').protection.protected).toBe(false);
    // with API undo: only the unprotect cleared the stack; without: every write
    expect(fake.undoLog).toEqual(['WorksheetProtection.unprotect']);
    const old = new FakeExcel({ sheets: ['S'] });
    await old.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(old.undoLog).toEqual(['Range.values']);
  });

  it('formulas bind names when written; rule items are positions unless their id is loaded', async () => {
    const fake = new FakeExcel({ sheets: ['S'] });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('B1').formulas = [['=a_name+1']];
      ctx.workbook.names.add('a_name', "='S'!$A$1");
      ws.getRange('B2').formulas = [['=a_name+SUM(A1:A2)+"a_name"']];
      await ctx.sync();
    });
    const sheetId = fake.sheet('S').id;
    expect(fake.cell('S', 'B1').bindings).toEqual({ a_name: '' });
    expect(fake.cell('S', 'B2').bindings).toEqual({ a_name: sheetId });

    for (const withId of [false, true]) {
      const f = new FakeExcel({ sheets: ['S'] });
      for (let i = 0; i < 3; i++) f.userConditionalFormat('S', 'A1', { formula: `=${i}`, priority: i });
      await f.run(async (ctx) => {
        const coll = ctx.workbook.worksheets.getItem('S').getRange().conditionalFormats;
        coll.load(withId ? 'items/id' : 'items/type');
        await ctx.sync();
        // delete the first and the second rule, one after the other
        at(coll.items, 0).delete();
        at(coll.items, 1).delete();
        await ctx.sync();
      });
      expect(f.sheet('S').cfs.map((c) => c.formula)).toEqual(withId ? ['=2'] : ['=1']);
    }
  });

  it('change events: format changes fire, list picks on the web do not', async () => {
    const fake = new FakeExcel({ sheets: ['S'], web: true });
    const seen: Array<{ before: unknown; after: unknown } | undefined> = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').onChanged.add(async (args) => {
        seen.push(args.details && { before: args.details.valueBefore, after: args.details.valueAfter });
      });
      await ctx.sync();
    });
    fake.userEdit('S', 'A1', 5);
    fake.userFill('S', 'A1', '#FFFF00');
    fake.userPick('S', 'A2', 'Có');
    await fake.settleEvents();
    expect(seen).toEqual([
      { before: '', after: 5 },
      { before: 5, after: 5 },
    ]);
    expect(fake.cell('S', 'A2').value).toBe('Có');
  });
});
