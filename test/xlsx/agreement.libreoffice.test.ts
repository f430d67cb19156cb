/**
 * The generated template recalculated by a real spreadsheet application: the template is written
 * with writeWorkbook, cases are filled through the defined names, LibreOffice recalculates headless
 * (`soffice --headless --convert-to xlsx`), and every `kq_tcN`, its reason, `ket_luan`, `so_dat`
 * and `so_ap_dung` read back from the recalculated file must equal the engine's evaluation.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { Pack } from '../../src/pack/schema';
import { excelDate, serialFromJsDate } from '../../src/engine/dates';
import type { CellValue } from '../../src/engine/values';
import { buildCriteriaSheet } from '../../src/sheet/layout';
import { inputIds } from '../../src/pack/inputs';
import { writeWorkbook } from '../../src/xlsx/write';
import { compareWithEngine } from '../helpers/agreement';
import { makeProfile, sofficeArgs } from '../helpers/libreoffice';
import { FROZEN_AS_OF_ID } from '../../src/pack/workbookNames';
import { readCachedBook } from '../helpers/xlsxCache';
import { builtinPacksForTests, caseArb, passingValues, type AgreementCase } from '../helpers/cases';
import { at } from '../helpers/at';

/** On PATH (not `soffice --version`, which starts LibreOffice once more for nothing). */
function sofficeAvailable(): boolean {
  return spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
}

const HAS_SOFFICE = sofficeAvailable();
if (!HAS_SOFFICE) {
  console.warn(
    'BỎ QUA test LibreOffice: không tìm thấy lệnh `soffice` (cài libreoffice-calc-nogui để chạy).',
  );
}
const describeLo = HAS_SOFFICE ? describe : describe.skip;

function address(wb: ExcelJS.Workbook, name: string): string {
  const loc = wb.definedNames.getRanges(name).ranges[0];
  if (!loc) throw new Error(`workbook has no defined name ${name}`);
  return loc.slice(loc.lastIndexOf('!') + 1).replace(/\$/g, '');
}

function shiftCol(a: string, by: number): string {
  const m = /^([A-Z]+)([0-9]+)$/.exec(a);
  if (!m) throw new Error(a);
  const col =
    at(m, 1)
      .split('')
      .reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0) + by;
  let s = '';
  let n = col;
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s + m[2];
}

async function fill(template: Buffer, pack: Pack, values: Record<string, CellValue>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = at(wb.worksheets, 0);
  for (const id of [...inputIds(pack), FROZEN_AS_OF_ID]) {
    const v = values[id];
    if (v === null || v === undefined) continue;
    ws.getCell(address(wb, id)).value = v;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * LibreOffice keeps a logical TRUE/FALSE as the number 1/0 and does not report it as logical in a
 * date cell, so it reads TRUE typed into a date cell as the date 31/12/1899 while Excel, HyperFormula
 * and the engine report "Sai dữ liệu". The sheet's date validation keeps users from typing it; the
 * HyperFormula agreement test covers the case. Here such values are left out.
 */
function withoutLogicalDates(pack: Pack, values: Record<string, CellValue>): Record<string, CellValue> {
  const out = { ...values };
  const dates = [...pack.profile, ...pack.groups.flatMap((g) => g.criteria.flatMap((c) => c.indicators))]
    .filter((i) => i.type === 'date')
    .map((i) => i.id);
  for (const id of [...dates, FROZEN_AS_OF_ID]) if (typeof out[id] === 'boolean') out[id] = null;
  return out;
}

interface NamedCase extends AgreementCase {
  label: string;
}

function fixedCases(pack: Pack): NamedCase[] {
  const today = excelDate(2025, 7, 1);
  const full = passingValues(pack, 2025);
  const blanks = Object.fromEntries(Object.keys(full).map((k) => [k, null]));
  const mid: Record<string, CellValue> = { ...full, ngay_danh_gia: excelDate(2025, 6, 15) };
  // monthly counts so far: the default plan's period began on 16/11/2024, so 7 months by 15/06/2025
  for (const [k, v] of Object.entries(full)) if (v === 12) mid[k] = 7;
  for (const k of Object.keys(mid))
    if (/_(hoi_nghi|tong_ket|khen_thuong|cach_lam_hay|an_sinh)$/.test(k)) mid[k] = null;
  const failures: Record<string, CellValue> = { ...full };
  const fails =
    pack.id === 'xa' ? { tc18_nam_nay: 21, tc16_tu_diem: 2, tc19_trong_cay: 'Có' } : { tc9_vu_viec: 1 };
  Object.assign(failures, fails);
  const invalid: Record<string, CellValue> = {
    ...full,
    ...(pack.id === 'xa'
      ? {
          tc5_thang_tiep_dan: 13,
          tc16_tu_diem: 'không có',
          tc1_quan_triet: 'có thể',
          tc26_thon_kiem_tra: 'chín',
          tc2_nghi_quyet_ngay: '15/02/2025',
          // accepted as people type them: digits as text, padded and decomposed labels, Co/Khong
          tc9_tuyen_truyen: ' 12 ',
          tc8_kien_toan: ' co ',
          tc6_dang_bo: 'Hoàn thành tốt nhiệm vụ'.normalize('NFD'),
          tc19_trong_cay: 'KHONG',
        }
      : { tc6_vi_pham: -1, tc1_quan_triet: 'có thể', tc14_danh_hieu: 'Giỏi', tc4_tuyen_truyen: '007' }),
  };
  return [
    { label: 'đạt toàn bộ', values: full, today },
    { label: 'giữa năm', values: mid, today },
    { label: 'không đạt', values: failures, today },
    { label: 'sai dữ liệu', values: invalid, today },
    { label: 'để trống', values: { ...blanks, nam: 2025, ngay_danh_gia: excelDate(2025, 12, 31) }, today },
    { label: 'trước năm đánh giá', values: { ...full, ngay_danh_gia: excelDate(2024, 12, 31) }, today },
  ];
}

describeLo('LibreOffice recalculation of the template agrees with the engine', () => {
  const packs = [builtinPacksForTests().xa, builtinPacksForTests().coquan];
  let dir: string;
  const outDir = (): string => join(dir, 'out');
  const casesOf = new Map<string, { cases: Array<AgreementCase & { label: string }>; fixed: number }>();
  /** the day LibreOffice computed TODAY() on */
  let today = 0;

  // every case of both packs in one LibreOffice run (one start instead of one per pack)
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tieuchi-lo-'));
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    const files: string[] = [];
    for (const pack of packs) {
      const template = await writeWorkbook([buildCriteriaSheet(pack)]);
      const random = fc
        .sample(caseArb(pack), { numRuns: 6, seed: 9745 })
        .map((c, i) => ({ ...c, values: withoutLogicalDates(pack, c.values), label: `ngẫu nhiên ${i + 1}` }));
      const fixed = fixedCases(pack);
      const cases = [...fixed, ...random];
      casesOf.set(pack.id, { cases, fixed: fixed.length });
      for (const [i, kase] of cases.entries()) {
        const f = join(inDir, `${pack.id}-case${i}.xlsx`);
        writeFileSync(f, await fill(template, pack, kase.values));
        files.push(f);
      }
    }
    const profile = makeProfile(join(dir, 'profile'));
    const convert = (): ReturnType<typeof spawnSync> =>
      spawnSync('soffice', sofficeArgs(profile, 'xlsx', outDir(), files), {
        encoding: 'utf8',
        timeout: 240_000,
      });
    // LibreOffice evaluates TODAY() during the conversion: give the engine that same day, and
    // convert again if midnight passed meanwhile.
    let r: ReturnType<typeof spawnSync>;
    let day = serialFromJsDate(new Date());
    do {
      today = day;
      r = convert();
      day = serialFromJsDate(new Date());
    } while (day !== today && r.status === 0);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(packs.map((p) => [p.id, p] as const))('pack %s: fixed and random cases', (_id, pack) => {
    const { cases, fixed } = casesOf.get(pack.id) ?? { cases: [], fixed: 0 };
    expect(cases.length).toBeGreaterThan(4);
    const problems: string[] = [];
    for (const [i, kase] of cases.entries()) {
      const book = readCachedBook(readFileSync(join(outDir(), `${pack.id}-case${i}.xlsx`)));
      const addressOf = (name: string): string => {
        const a = book.names.get(name.toLowerCase());
        if (!a) throw new Error(`recalculated workbook lost the defined name ${name}`);
        return a;
      };
      const read = (name: string): CellValue => book.cells.get(addressOf(name)) ?? null;
      const readReason = (name: string): CellValue => book.cells.get(shiftCol(addressOf(name), 1)) ?? null;
      // random cases may leave ngay_danh_gia blank: their "today" is the day LibreOffice computed
      const c = i >= fixed ? { ...kase, today } : kase;
      const diffs = compareWithEngine(pack, c, read, readReason);
      if (diffs.length) problems.push(`${kase.label}:\n  ${diffs.join('\n  ')}`);
      // the fixed cases cover every verdict
      if (i === 0) expect(read('ket_luan')).toMatch(/^Đạt — /);
      if (i === 1) expect(read('ket_luan')).toMatch(/^Đang đạt \(tạm tính đến ngày 15\/06\/2025\)$/);
      if (i === 2) expect(read('ket_luan')).toMatch(/^Chưa đạt: TC/);
      if (i === 3) expect(read('ket_luan')).toBe('Chưa đủ dữ liệu');
    }
    expect(problems).toEqual([]);
  });
});
