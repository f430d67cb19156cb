import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPrior } from '../../src/cli/prior';
import { getBuiltinPack } from '../../src/pack/registry';
import type { Pack } from '../../src/pack/schema';
import { buildCriteriaSheet } from '../../src/sheet/layout';
import { prefillFromPrior, priorNotes } from '../../src/sheet/prior';
import { fullPassValues } from '../helpers/samples';
import { writeUnitWorkbook } from './fixtures';

const xa = getBuiltinPack('xa') as Pack;
const coquan = getBuiltinPack('coquan') as Pack;

test('last year’s figures fill this year’s “năm trước” inputs, following the pack mapping', () => {
  const last = new Map<string, string | number | null>([
    ['ten_don_vi', 'Xã An Phú'],
    ['loai_don_vi', 'Xã'],
    ['tinh', '  '],
    ['tc18_nam_nay', 40],
    ['tc18_nam_truoc', 45],
    ['tc19_nghien_nam_nay', 12],
    ['tc15_phan_loai', 'Khá'],
  ]);
  expect(prefillFromPrior(xa, last)).toEqual({
    ten_don_vi: 'Xã An Phú',
    loai_don_vi: 'Xã',
    tc18_nam_truoc: 40,
    tc19_nghien_nam_truoc: 12,
    phan_loai_nam_truoc: 'Khá',
  });
  expect(priorNotes(xa, last)).toEqual({
    tc18_nam_nay: 'Năm trước: 40',
    tc19_nghien_nam_nay: 'Năm trước: 12',
    tc15_phan_loai: 'Năm trước: Khá',
  });
});

test('`template --prior`: last year’s workbook → prefilled inputs, next year, notes beside the inputs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tieuchi-prior-'));
  try {
    const file = join(dir, 'nam-2024.xlsx');
    const values = {
      ...fullPassValues(xa, { year: 2024 }),
      ten_don_vi: 'Xã An Phú',
      tc18_nam_nay: 37,
      tc15_phan_loai: 'Khá',
    };
    await writeUnitWorkbook(file, xa, values);
    const prior = await loadPrior(file, xa);
    expect(prior.lastYear).toBe(2024);
    expect(prior.values).toMatchObject({
      ten_don_vi: 'Xã An Phú',
      tc18_nam_truoc: 37,
      phan_loai_nam_truoc: 'Khá',
    });
    const sheet = buildCriteriaSheet(xa, { year: 2025, values: prior.values, priorNotes: prior.notes });
    const named = (id: string) => {
      const n = sheet.names.find((x) => x.name === id);
      return sheet.cells.find((c) => n && c.address === n.address.replace(/\$/g, ''));
    };
    expect(named('tc18_nam_truoc')?.value).toBe(37);
    const nayRow = named('tc18_nam_nay')?.address.replace(/^[A-Z]+/, '');
    expect(
      sheet.cells.some(
        (c) =>
          new RegExp(`^[A-Z]+${nayRow}$`).test(c.address) && String(c.value ?? '').includes('Năm trước: 37'),
      ),
    ).toBe(true);
    await expect(loadPrior(file, coquan)).rejects.toThrow(
      /là bảng tính của bộ tiêu chí "xa", không phải "coquan"/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
