import { FakeExcel, FakeExcelError } from '../fakes/fakeExcel';

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
