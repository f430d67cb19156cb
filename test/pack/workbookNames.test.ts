/**
 * src/pack/workbookNames.ts owns every defined name of the workbook: it imports nothing, every
 * name the product writes is reserved from pack ids (except the profile ids packs must declare),
 * and docs/packs.md lists exactly the reserved set.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import * as N from '../../src/pack/workbookNames';

const ROOT = join(__dirname, '../..');

describe('WorkbookNames', () => {
  test('imports nothing (the engine, sheets and readers use it without zod)', () => {
    const src = readFileSync(join(ROOT, 'src/pack/workbookNames.ts'), 'utf8');
    expect(src).not.toMatch(/^\s*import\s/m);
    expect(src).not.toMatch(/\brequire\(/);
  });

  test('every name the product writes is reserved; the profile ids are not', () => {
    const written = [
      N.AS_OF_NAME,
      N.YEAR_NAME,
      N.VERDICT_NAME,
      N.PASSED_NAME,
      N.APPLICABLE_NAME,
      N.RATIO_NAME,
      N.PACK_ID_NAME,
      N.PACK_VERSION_NAME,
      N.PLAN_ID_NAME,
      N.PLAN_VERSION_NAME,
      N.PERIOD_NAME,
      N.FROZEN_AS_OF_ID,
      ...Object.values(N.STAMP_NAMES),
      N.statusName({ number: 1 }),
      N.statusName({ number: 48 }),
      N.evidenceId({ number: 7 }),
      `${N.FILL_REGISTRY_PREFIX}1`,
    ];
    for (const n of written) {
      expect([n, N.isReservedName(n)]).toEqual([n, true]);
      expect([n, N.isReservedName(n.toUpperCase())]).toEqual([n, true]);
    }
    for (const n of Object.values(N.STAMP_NAMES)) expect(n.startsWith(N.STAMP_PREFIX)).toBe(true);
    for (const n of [
      N.UNIT_NAME_ID,
      N.UNIT_TYPE_ID,
      N.YEAR_ID,
      N.AS_OF_ID,
      'kq_tc',
      'tc1_minh',
      'so_dat_2',
    ]) {
      expect([n, N.isReservedName(n)]).toEqual([n, false]);
    }
    expect(N.isStatusName('KQ_TC12')).toBe(true);
    expect(N.isStatusName('kq_tc')).toBe(false);
    expect(N.reservedNameReason('dg_x')).toBe('“dg_x” bắt đầu bằng “dg_”, tiền tố dành riêng của bảng tính');
    expect(N.reservedNameReason('ty_le_dat')).toBe('“ty_le_dat” là tên dành riêng của bảng tính');
  });

  test('docs/packs.md lists exactly the reserved names', () => {
    const doc = readFileSync(join(ROOT, 'docs/packs.md'), 'utf8');
    const m = /<!-- reserved-names -->([\s\S]*?)<!-- \/reserved-names -->/.exec(doc);
    expect(m).not.toBeNull();
    const listed = [...(m?.[1] ?? '').matchAll(/`([^`]+)`/g)].map((x) => x[1]);
    const expected = [...N.RESERVED_NAMES, ...N.RESERVED_PATTERNS.map((p) => p.shown)];
    expect([...listed].sort()).toEqual([...expected].sort());
  });
});
