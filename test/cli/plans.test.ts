/**
 * The plan on the command line: `plans`, `plan validate`, `--plan` on template and check, and a
 * workbook that records a plan this machine does not have (refused, naming the plan).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import macDinh from '../../src/plan/builtin/mac-dinh.json';
import { readWorkbookFile } from '../../src/io/files';
import { ROOT, oneLine, tempDir, tieuchi } from './run';

const SAMPLE_XA = join(ROOT, 'samples', 'xa.json');
const SAMPLE_COQUAN = join(ROOT, 'samples', 'coquan.json');

describe('plans on the command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('plans lists the built-in plans, the default marked; --json gives them whole', async () => {
    const r = await tieuchi(['plans']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^mac-dinh \*\s+1\.0\s+16\/11 năm trước – 15\/11\s+30\/11/m);
    for (const id of [
      'lai-chau-2024',
      'phong-tho-2024',
      'thanh-hoa-2023',
      'bac-quang-2024',
      'dong-thap-2023',
    ])
      expect(r.stdout).toContain(id);
    const j = JSON.parse((await tieuchi(['plans', '--json'])).stdout) as Array<{
      id: string;
      period: unknown;
    }>;
    expect(j.map((p) => p.id)).toContain('dong-thap-2023');
    expect(j[0]?.period).toEqual(macDinh.period);
  });

  test('plan validate: a good file, and every problem of a bad one with its path', async () => {
    const good = join(dir, 'ke-hoach.json');
    writeFileSync(good, JSON.stringify({ ...macDinh, id: 'tinh-moi', title: 'Kế hoạch tỉnh mới' }));
    const ok = await tieuchi(['plan', 'validate', good]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(
      'hợp lệ: kế hoạch tinh-moi phiên bản 1.0, kỳ đánh giá 16/11 năm trước – 15/11',
    );
    const bad = join(dir, 'ke-hoach-hong.json');
    writeFileSync(
      bad,
      JSON.stringify({
        ...macDinh,
        id: 'Tinh Moi',
        period: { start: { dayMonth: '16/11' }, end: { dayMonth: '31/02' } },
      }),
    );
    const r = await tieuchi(['plan', 'validate', bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('id: mã kế hoạch chỉ gồm chữ thường');
    const unreadable = await tieuchi(['plan', 'validate', join(dir, 'khong-co.json')]);
    expect(unreadable.status).toBe(2);
    expect(oneLine(unreadable.stderr)).toContain('khong-co.json');
  });

  test('template --plan records the plan; check reads it back and scores under it', async () => {
    const out = join(dir, 'dong-thap.xlsx');
    expect(
      (await tieuchi(['template', '--pack', 'xa', '--plan', 'dong-thap-2023', '--out', out])).status,
    ).toBe(0);
    const data = await readWorkbookFile(out);
    expect([data.names.get('ke_hoach'), data.names.get('phien_ban_ke_hoach')]).toEqual([
      'dong-thap-2023',
      '1.0',
    ]);
    const j = JSON.parse((await tieuchi(['check', out, '--json', '--as-of', '2026-06-30'])).stdout) as {
      plan: { id: string };
      period: { start: string; end: string };
    };
    expect(j.plan.id).toBe('dong-thap-2023');
    expect(j.period).toEqual({ start: '2025-10-16', end: '2026-10-15' });
  });

  test('check --plan ID|FILE, and a plan that does not apply to the pack', async () => {
    const j = JSON.parse(
      (await tieuchi(['check', SAMPLE_XA, '--json', '--plan', 'lai-chau-2024'])).stdout,
    ) as {
      plan: { id: string };
    };
    expect(j.plan.id).toBe('lai-chau-2024');
    const wrongPack = await tieuchi(['check', SAMPLE_COQUAN, '--plan', 'lai-chau-2024']);
    expect(wrongPack.status).toBe(2);
    expect(oneLine(wrongPack.stderr)).toContain('không áp dụng cho bộ tiêu chí "coquan"');
    const unknown = await tieuchi(['check', SAMPLE_XA, '--plan', 'khong-co']);
    expect(unknown.status).toBe(2);
    expect(oneLine(unknown.stderr)).toContain('không có kế hoạch "khong-co"');
  });

  test('a workbook recording a plan this machine does not have is refused, naming the plan', async () => {
    const file = join(dir, 'tinh-x.xlsx');
    expect((await tieuchi(['template', '--pack', 'xa', '--out', file])).status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const loc = wb.definedNames.getRanges('ke_hoach').ranges[0] ?? '';
    const [sheet, cell] = loc.split('!');
    const ws = wb.getWorksheet(sheet?.replace(/^'|'$/g, '') ?? '');
    if (!ws) throw new Error(`no sheet for ${loc}`);
    ws.getCell(cell?.replace(/\$/g, '') ?? 'A1').value = 'tinh-x';
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await tieuchi(['check', file]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/tinh-x\.xlsx.*kế hoạch “tinh-x” phiên bản 1\.0.*--plan/);
    // … and read under a plan given on the command line
    expect((await tieuchi(['check', file, '--plan', 'mac-dinh'])).status).toBe(1);
  });

  test('consolidate reads a workbook made under a user plan file only when given that file', async () => {
    const planFile = join(dir, 'tinh-moi.json');
    writeFileSync(planFile, JSON.stringify({ ...macDinh, id: 'tinh-moi', title: 'Kế hoạch tỉnh mới' }));
    const box = join(dir, 'hop-thu');
    mkdirSync(box);
    const unit = join(box, 'xa-a.xlsx');
    expect((await tieuchi(['template', '--pack', 'xa', '--plan', planFile, '--out', unit])).status).toBe(0);
    const without = JSON.parse((await tieuchi(['consolidate', box, '--json'])).stdout) as {
      units: unknown[];
      errors: Array<{ file: string; message: string }>;
    };
    expect(without.units).toHaveLength(0);
    expect(without.errors[0]?.message).toMatch(/kế hoạch “tinh-moi” phiên bản 1\.0/);
    const withPlan = JSON.parse(
      (await tieuchi(['consolidate', box, '--json', '--plan', planFile])).stdout,
    ) as {
      units: Array<{ plan?: { id: string } }>;
      errors: unknown[];
    };
    expect(withPlan.errors).toEqual([]);
    expect(withPlan.units.map((u) => u.plan?.id)).toEqual(['tinh-moi']);
  });
});
