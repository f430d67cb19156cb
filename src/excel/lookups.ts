/**
 * Reads that need no criteria sheet read: which sheets are criteria sheets (by their
 * `goi_tieu_chi` name, workbook or sheet scope), a roster sheet's first two columns, and moving
 * the selection to a named cell.
 */
import { PACK_ID_NAME } from '../pack/workbookNames';
import { cellAddress, parseReference } from '../sheet/address';
import type { HostCore } from './hostCore';
import type { XlRange } from './officeTypes';
import { HostError } from './protection';
import { sheetsAndNames } from './insertSheets';

/** Rows of a roster sheet the add-in reads (a district or province has far fewer units). */
export const ROSTER_SHEET_ROWS = 2000;

export async function findCriteriaSheets(
  core: HostCore,
): Promise<Array<{ sheetName: string; packId: string }>> {
  return await core.run(async (ctx) => {
    const wb = ctx.workbook;
    const { sheets, names } = await sheetsAndNames(ctx);
    const found = new Map<string, XlRange>();
    const wbPack = names.get(PACK_ID_NAME);
    const wbRef = wbPack && typeof wbPack.value === 'string' ? parseReference(wbPack.value) : undefined;
    if (wbRef && sheets.some((s) => s.toLowerCase() === wbRef.sheet.toLowerCase())) {
      const r = wb.worksheets.getItem(wbRef.sheet).getRange(wbRef.address);
      r.load('values');
      found.set(wbRef.sheet.toLowerCase(), r);
    }
    if (core.api('1.4')) {
      const colls = sheets.map((s) => {
        const c = wb.worksheets.getItem(s).names;
        c.load('items/name,items/type,items/value');
        return { sheet: s, c };
      });
      await ctx.sync();
      let more = false;
      for (const { sheet, c } of colls) {
        const n = c.items.find((x) => x.name.toLowerCase() === PACK_ID_NAME);
        const ref = n && typeof n.value === 'string' ? parseReference(n.value) : undefined;
        if (!ref || ref.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
        const r = wb.worksheets.getItem(sheet).getRange(ref.address);
        r.load('values');
        found.set(sheet.toLowerCase(), r);
        more = true;
      }
      if (more || found.size) await ctx.sync();
    } else if (found.size) await ctx.sync();
    const out: Array<{ sheetName: string; packId: string }> = [];
    for (const s of sheets) {
      const r = found.get(s.toLowerCase());
      if (r) out.push({ sheetName: s, packId: String(r.values[0]?.[0] ?? '').trim() });
    }
    return out;
  });
}

export async function readRosterSheet(core: HostCore, sheetName: string): Promise<string[][] | undefined> {
  return await core.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    // sheet names are case-insensitive in Excel
    const ws = sheets.items.find((w) => w.name.toLowerCase() === sheetName.toLowerCase());
    if (!ws) return undefined;
    // a bounded rectangle, never the used range (the web's 5 MB payload limit)
    const range = ws.getRange(`A1:B${ROSTER_SHEET_ROWS}`);
    range.load('values');
    await ctx.sync();
    return range.values.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))));
  });
}

export async function goTo(core: HostCore, id: string, sheetName?: string): Promise<void> {
  await core.run(async (ctx) => {
    const r = await core.reader.readIn(ctx, sheetName, { cfs: false });
    if (!r) throw new HostError('Không tìm thấy bảng tiêu chí trong sổ tính này.');
    const rect = r.names.get(id.toLowerCase());
    if (!rect) throw new HostError(`Không tìm thấy ô “${id}” trên trang “${r.sheetName}”.`);
    r.ws.activate();
    r.ws.getRange(cellAddress(rect.row, rect.col)).select();
    await ctx.sync();
  });
}
