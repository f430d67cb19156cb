/**
 * Unit workbooks for consolidation tests: every input of the pack plus the pack id/version and the
 * stamp cells, each in a cell with its defined name (what a filled-in template holds).
 */
import { deflateSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fullPassValues } from '../helpers/samples';
import type { CellValue, Values } from '../../src/engine/values';
import { evaluate } from '../../src/engine/evaluate';
import { excelDate } from '../../src/engine/dates';
import type { Pack } from '../../src/pack/schema';
import { buildCriteriaSheet } from '../../src/sheet/layout';
import { writeWorkbook } from '../../src/xlsx/write';
import { stampValues } from '../../src/sheet/stampState';
import { PACK_VERSION_NAME } from '../../src/pack/workbookNames';

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

/** A filled-in template (the real layout, written by the real writer), stamped like `check --out`. */
export async function writeUnitWorkbook(
  file: string,
  pack: Pack,
  values: Values,
  opts: UnitFileOptions = {},
): Promise<void> {
  const finalValues: Record<string, CellValue | undefined> = { ...values, ...(opts.editAfterStamp ?? {}) };
  if (opts.stamp !== false) {
    const year = typeof values.nam === 'number' ? values.nam : 2025;
    const ev = evaluate(pack, values, { today: excelDate(year, 12, 31) });
    const at = opts.stampAt ?? new Date(Date.UTC(year, 11, 1));
    Object.assign(finalValues, stampValues(pack, values, ev, at), opts.stampOverride ?? {});
  }
  const sheet = buildCriteriaSheet(pack, { values: finalValues });
  if (opts.version !== undefined) {
    const cell = sheet.names.find((n) => n.name === PACK_VERSION_NAME);
    const target = sheet.cells.find((c) => cell && c.address === cell.address.replace(/\$/g, ''));
    if (target) target.value = opts.version;
  }
  writeFileSync(file, await writeWorkbook([sheet]));
}

/** A zip whose single entry inflates to far more than the limits allow (a zip bomb, small). */
/**
 * Two `xa` unit workbooks in `dir`: a.xlsx (Xã An Phú, every criterion met) and b.xlsx (Xã Bình
 * Minh, TC16 failing); returns their bytes.
 */
export async function writeTwoUnits(dir: string, xa: Pack): Promise<{ a: Uint8Array; b: Uint8Array }> {
  await writeUnitWorkbook(join(dir, 'a.xlsx'), xa, {
    ...fullPassValues(xa, { year: 2025 }),
    ten_don_vi: 'Xã An Phú',
  });
  await writeUnitWorkbook(join(dir, 'b.xlsx'), xa, {
    ...fullPassValues(xa, { year: 2025 }),
    ten_don_vi: 'Xã Bình Minh',
    tc16_tu_diem: 2,
  });
  return {
    a: new Uint8Array(readFileSync(join(dir, 'a.xlsx'))),
    b: new Uint8Array(readFileSync(join(dir, 'b.xlsx'))),
  };
}

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
