/**
 * Unit workbooks for consolidation tests: every input of the pack plus the pack id/version and the
 * stamp cells, each in a cell with its defined name (what a filled-in template holds).
 */
import ExcelJS from 'exceljs';
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import type { CellValue, Values } from '../../src/engine/values';
import { evaluate } from '../../src/engine/evaluate';
import { excelDate } from '../../src/engine/dates';
import type { Pack } from '../../src/pack/schema';
import { PACK_ID_NAME, PACK_VERSION_NAME, inputIds } from '../../src/sheet/layout';
import { stampValues } from '../../src/sheet/stampState';

export interface UnitFileOptions {
  /** write the evaluation stamp (as `tieuchi check --out` does); default true */
  stamp?: boolean;
  /** stamp time; default 01/12 of the year */
  stampAt?: Date;
  /** overrides of the stamp cells (e.g. another pack version) */
  stampOverride?: Record<string, string>;
  /** input values changed after the stamp was computed */
  editAfterStamp?: Values;
  /** `phien_ban_goi` written in the workbook; default the pack's */
  version?: string;
}

export async function writeUnitWorkbook(
  file: string,
  pack: Pack,
  values: Values,
  opts: UnitFileOptions = {},
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiêu chí');
  let row = 1;
  const put = (name: string, v: CellValue | undefined): void => {
    const cell = ws.getCell(`B${row}`);
    ws.getCell(`A${row}`).value = name;
    if (v !== null && v !== undefined) cell.value = v;
    wb.definedNames.add(`'Tiêu chí'!$B$${row}`, name);
    row++;
  };
  put(PACK_ID_NAME, pack.id);
  put(PACK_VERSION_NAME, opts.version ?? pack.version);
  const finalValues: Values = { ...values, ...(opts.editAfterStamp ?? {}) };
  for (const id of inputIds(pack)) put(id, finalValues[id]);
  if (opts.stamp !== false) {
    const year = typeof values.nam === 'number' ? values.nam : 2025;
    const ev = evaluate(pack, values, { today: excelDate(year, 12, 31) });
    const st = {
      ...stampValues(pack, values, ev, opts.stampAt ?? new Date(Date.UTC(year, 11, 1))),
      ...(opts.stampOverride ?? {}),
    };
    for (const [k, v] of Object.entries(st)) put(k, v);
  }
  await wb.xlsx.writeFile(file);
}

/** A zip whose single entry inflates to far more than the limits allow (a zip bomb, small). */
export function writeZipBomb(file: string): void {
  const big = Buffer.alloc(200 * 1024 * 1024, 0x41);
  const data = deflateSync(big, { level: 9 });
  const name = Buffer.from('xl/workbook.xml');
  const crc = 0; // wrong on purpose; the reader must refuse before inflating anyway
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(big.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(big.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + name.length + data.length;
  const cdSize = central.length + name.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdOffset, 16);
  writeFileSync(file, Buffer.concat([local, name, data, central, name, end]));
}
