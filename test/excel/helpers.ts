import { FakeExcel, type FakeCell, type FakeExcelOptions } from '../fakes/fakeExcel';
import { createOfficeHost } from '../../src/excel/officeHost';
import type { ExcelHost } from '../../src/excel/host';
import { getBuiltinPack } from '../../src/pack/registry';
import type { Pack } from '../../src/pack/schema';

export const NOW = new Date('2025-06-15T03:00:00Z');
export const SHEET = 'Tiêu chí';

export function pack(id: string): Pack {
  const p = getBuiltinPack(id);
  if (!p) throw new Error(`no pack ${id}`);
  return p;
}

export function setup(options: FakeExcelOptions = {}): { fake: FakeExcel; host: ExcelHost } {
  const fake = new FakeExcel({ sheets: ['Dữ liệu'], ...options });
  const host = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported, now: () => NOW });
  return { fake, host };
}

export async function syncsOf(fake: FakeExcel, f: () => Promise<unknown>): Promise<number> {
  const before = fake.syncCount;
  await f();
  return fake.syncCount - before;
}

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** A deep copy of a cell for before/after comparisons. */
export function snapCell(c: FakeCell): FakeCell {
  return clone(c);
}
