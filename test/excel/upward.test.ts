/**
 * The add-in's upward-flow actions against the fake host: Tổng hợp (summary sheet from picked
 * files), Hồ sơ (the dossier's Word documents, the dossier sheets), Số liệu năm trước (prior-year values). Round trips are counted;
 * other sheets, existing sheets and the user's inputs must never change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consolidatePicked, type PickedFile } from '../../src/consolidate/picked';
import { excelDate } from '../../src/engine/dates';
import { freeSheetName } from '../../src/sheet/sheetName';
import { builtinPacks } from '../../src/pack/registry';
import { writeDocx } from '../../src/docx/write';
import { dossierDocuments } from '../../src/dossier/documents';
import type { DocModel } from '../../src/dossier/model';
import { MINUTES_SHEET, REPORT_SHEET, SUBMISSION_SHEET, sheetsOfDocuments } from '../../src/dossier/sheets';
import { getBuiltinPlan } from '../../src/plan/registry';
import type { Plan } from '../../src/plan/schema';
import { evaluate } from '../../src/engine/evaluate';
import { inputIds } from '../../src/pack/inputs';
import { CHARTS_SHEET, CRITERIA_SHEET, ROSTER_SHEET, SUMMARY_SHEET } from '../../src/sheet/summary';
import { consolidateFiles } from '../../src/taskpane/upward';
import type { FakeExcel, FakeSheet } from '../fakes/fakeExcel';
import { writeTwoUnits } from '../consolidate/fixtures';
import { pack, setup, SHEET, syncsOf } from './helpers';
import { at } from '../helpers/at';

const TODAY = excelDate(2025, 12, 31);

/** Everything a sheet holds, as comparable data. */
function snapshot(s: FakeSheet): string {
  return JSON.stringify({
    name: s.name,
    cells: [...s.cells.entries()].sort(),
    names: [...s.names.entries()].sort(),
    cfs: s.cfs,
    merges: s.merges,
    protection: s.protection,
    colWidths: [...s.colWidths.entries()],
    rowHeights: [...s.rowHeights.entries()],
  });
}

function userData(fake: FakeExcel): void {
  fake.cell('Dữ liệu', 'A1').value = 'Số liệu riêng của đơn vị';
  fake.cell('Dữ liệu', 'B2').value = 42;
  fake.userFill('Dữ liệu', 'B2', '#FFFF00');
}

/** The non-empty texts of the dossier sheets rendered from `docs`, sheet by sheet. */
function dossierSheetsFromDocs(docs: DocModel[]): string[][] {
  return sheetsOfDocuments(docs).map((s) =>
    s.cells.filter((c) => typeof c.value === 'string' && c.value !== '').map((c) => String(c.value)),
  );
}

/** Text of every cell of a sheet. */
const texts = (s: FakeSheet): string[] => [...s.cells.values()].map((c) => String(c.value));

function picked(name: string, bytes: Uint8Array): PickedFile & { reads: number } {
  const f = {
    name,
    size: bytes.length,
    lastModified: 0,
    reads: 0,
    arrayBuffer: async (): Promise<ArrayBuffer> => {
      f.reads++;
      return bytes.slice().buffer;
    },
  };
  return f;
}

let dir = '';
let unitA: Uint8Array;
let unitB: Uint8Array;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tieuchi-upward-'));
  const xa = pack('xa');
  ({ a: unitA, b: unitB } = await writeTwoUnits(dir, xa));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Tổng hợp in the add-in', () => {
  it('reads picked files one by one; an unreadable or oversized file is listed with its reason', async () => {
    const progress: string[] = [];
    const big = picked('qua-lon.xlsx', new Uint8Array(10));
    big.size = 50 * 1024 * 1024;
    const files = [
      picked('a.xlsx', unitA),
      picked('rac.xlsx', new TextEncoder().encode('không phải tệp Excel')),
      big,
      picked('b.xlsx', unitB),
    ];
    const result = await consolidatePicked(files, {
      packs: builtinPacks(),
      today: TODAY,
      onProgress: (i, n, name) => {
        progress.push(`${i}/${n}: ${name}`);
      },
    });
    expect(progress).toEqual(['1/4: a.xlsx', '2/4: rac.xlsx', '3/4: qua-lon.xlsx', '4/4: b.xlsx']);
    expect(result.units.map((u) => [u.file, u.unit, u.verdict.code])).toEqual([
      ['a.xlsx', 'Xã An Phú', 'pass'],
      ['b.xlsx', 'Xã Bình Minh', 'fail'],
    ]);
    expect(result.errors.map((e) => e.file)).toEqual(['rac.xlsx', 'qua-lon.xlsx']);
    expect(at(result.errors, 0).message).toMatch(/^Không đọc được tệp "rac\.xlsx": .+/);
    expect(at(result.errors, 1).message).toMatch(/tệp quá lớn/);
    expect(big.reads).toBe(0); // refused before reading
  });

  it('writes a new "Tổng hợp" sheet in ≤ 2 syncs, never over an existing one; other sheets untouched', async () => {
    const { fake, host } = setup();
    userData(fake);
    const result = await consolidatePicked(
      [picked('a.xlsx', unitA), picked('rac.xlsx', new Uint8Array([1, 2, 3])), picked('b.xlsx', unitB)],
      { packs: builtinPacks(), today: TODAY },
    );
    const other = snapshot(fake.sheet('Dữ liệu'));
    let sheetNames: string[] = [];
    const syncs = await syncsOf(fake, async () => {
      sheetNames = (await host.insertSummarySheet(result)).sheetNames;
    });
    expect(syncs).toBeLessThanOrEqual(2);
    expect(sheetNames).toEqual([SUMMARY_SHEET, CRITERIA_SHEET, CHARTS_SHEET]);
    const summary = fake.sheet(SUMMARY_SHEET);
    // a filter button on each header cell; the charts as native Excel charts (ExcelApi 1.1)
    expect(summary.autoFilter).toMatch(/^A5:[A-Z]+7$/);
    const charts = fake.sheet(CHARTS_SHEET).charts ?? [];
    expect(charts.map((c) => [c.type, c.source, c.title.text, c.seriesName])).toEqual([
      ['Pie', 'A5:B9', 'Kết luận của các đơn vị', 'Số đơn vị'],
      ['BarClustered', 'A13:B13', 'Tiêu chí nhiều đơn vị không đạt nhất', 'Số đơn vị không đạt'],
    ]);
    expect(at(charts, 0).position).toEqual(['D4', 'K19']);
    expect(charts.map((c) => [c.dataLabels.showValue, c.categoryAxis.reversePlotOrder])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(texts(summary)).toEqual(expect.arrayContaining(['Xã An Phú', 'Xã Bình Minh']));
    expect(texts(summary).some((t) => t.includes('rac.xlsx'))).toBe(true);
    expect(snapshot(fake.sheet('Dữ liệu'))).toBe(other);

    // again: "Tổng hợp (2)"; the first summary is left exactly as it was
    const first = snapshot(summary);
    const again = await host.insertSummarySheet(result);
    expect(again.sheetNames).toEqual([
      `${SUMMARY_SHEET} (2)`,
      `${CRITERIA_SHEET} (2)`,
      `${CHARTS_SHEET} (2)`,
    ]);
    expect(snapshot(fake.sheet(SUMMARY_SHEET))).toBe(first);
    expect(fake.sheets.map((s) => s.name)).toEqual([
      'Dữ liệu',
      SUMMARY_SHEET,
      CRITERIA_SHEET,
      CHARTS_SHEET,
      `${SUMMARY_SHEET} (2)`,
      `${CRITERIA_SHEET} (2)`,
      `${CHARTS_SHEET} (2)`,
    ]);
  });

  it('on ExcelApi 1.4 (no autofilter, no axis order) the summary and its charts are still written', async () => {
    const { fake, host } = setup({ excelApi: '1.4' });
    const result = await consolidatePicked([picked('a.xlsx', unitA), picked('b.xlsx', unitB)], {
      packs: builtinPacks(),
      today: TODAY,
    });
    await host.insertSummarySheet(result);
    expect(fake.sheet(SUMMARY_SHEET).autoFilter).toBeUndefined();
    const charts = fake.sheet(CHARTS_SHEET).charts ?? [];
    expect(charts.map((c) => [c.type, c.categoryAxis.reversePlotOrder])).toEqual([
      ['Pie', false],
      ['BarClustered', false],
    ]);
  });

  it('a "Danh sách đơn vị" sheet of the workbook serves as the roster (no file picked)', async () => {
    const { fake, host } = setup();
    expect(await host.readRosterSheet(ROSTER_SHEET)).toBeUndefined();
    fake.createSheet(ROSTER_SHEET);
    fake.cell(ROSTER_SHEET, 'A1').value = 'Tên đơn vị';
    fake.cell(ROSTER_SHEET, 'B1').value = 'Loại';
    fake.cell(ROSTER_SHEET, 'A2').value = 'Xã An Phú';
    fake.cell(ROSTER_SHEET, 'A3').value = 'Xã Mới';
    fake.cell(ROSTER_SHEET, 'B3').value = 'Xã';
    const rows = await host.readRosterSheet(ROSTER_SHEET);
    expect(rows?.slice(0, 4)).toEqual([
      ['Tên đơn vị', 'Loại'],
      ['Xã An Phú', ''],
      ['Xã Mới', 'Xã'],
      ['', ''],
    ]);
    const result = await consolidateFiles(
      [picked('a.xlsx', unitA), picked('b.xlsx', unitB)],
      TODAY,
      () => Promise.resolve(),
      {},
      { rows: rows ?? [], name: `trang “${ROSTER_SHEET}”` },
    );
    expect(result.missingUnits).toEqual([{ unit: 'Xã Mới', unitType: 'Xã' }]);
    expect(result.warnings).toContain('1 đơn vị không có trong danh sách đơn vị: “Xã Bình Minh”.');
    // a roster naming a unit twice is refused with the sheet and the reason
    await expect(
      consolidateFiles(
        [picked('a.xlsx', unitA)],
        TODAY,
        () => Promise.resolve(),
        {},
        {
          rows: [['Xã A'], ['Xã A']],
          name: `trang “${ROSTER_SHEET}”`,
        },
      ),
    ).rejects.toThrow(
      'Không đọc được tệp "trang “Danh sách đơn vị”": đơn vị “Xã A” có hai lần trong danh sách',
    );
  });

  it('free sheet names stay within 31 characters', () => {
    expect(freeSheetName('Tổng hợp', new Set())).toBe('Tổng hợp');
    expect(freeSheetName('Tổng hợp', new Set(['tổng hợp', 'tổng hợp (2)']))).toBe('Tổng hợp (3)');
    const long = 'x'.repeat(31);
    const name = freeSheetName(long, new Set([long]));
    expect(name).toBe(`${'x'.repeat(27)} (2)`);
    expect(name.length).toBe(31);
  });
});

describe('Hồ sơ in the add-in', () => {
  it('adds the three dossier sheets in ≤ 2 syncs; existing sheets never overwritten', async () => {
    const { fake, host } = setup();
    userData(fake);
    await host.insertCriteriaSheet({ packId: 'xa', unitName: 'Xã Hòa Bình', year: 2025 });
    fake.userEdit(SHEET, fake.namedAddress('tc16_tu_diem'), 2);
    // the user already has a sheet called "Tờ trình"
    fake.createSheet(SUBMISSION_SHEET);
    fake.cell(SUBMISSION_SHEET, 'A1').value = 'Tờ trình của tôi';
    // never from a TODAY()-driven evaluation: Đánh giá first (it freezes the as-of date)
    await expect(host.insertDossier(TODAY, SHEET)).rejects.toThrow(/hãy bấm Đánh giá/);
    await host.evaluateAndHighlight(TODAY, SHEET);
    const before = fake.sheets.map((s) => [s.name, snapshot(s)] as const);

    let result: Awaited<ReturnType<typeof host.insertDossier>>;
    const syncs = await syncsOf(fake, async () => {
      result = await host.insertDossier(TODAY, SHEET);
    });
    expect(syncs).toBeLessThanOrEqual(2);
    expect(result!.source).toBe(SHEET);
    expect(result!.evaluation.failing).toContain('TC16');
    expect(result!.sheetNames).toEqual([REPORT_SHEET, MINUTES_SHEET, `${SUBMISSION_SHEET} (2)`]);
    for (const [name, snap] of before) expect(snapshot(fake.sheet(name))).toBe(snap);
    const report = texts(fake.sheet(REPORT_SHEET));
    expect(report).toEqual(expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']));
    expect(report.some((t) => t.includes('Hòa Bình'))).toBe(true);
    // the sheets say what the Word files say: the same documents, rendered from the workbook's data
    const names = [REPORT_SHEET, MINUTES_SHEET, `${SUBMISSION_SHEET} (2)`];
    const words = await host.dossierDocuments(TODAY, SHEET);
    const expected = dossierSheetsFromDocs(words!.documents);
    for (const [i, name] of names.entries()) {
      const shown = [...fake.sheet(name).cells.values()]
        .map((c) => c.value)
        .filter((v): v is string => typeof v === 'string' && v !== '');
      expect(shown.sort()).toEqual(at(expected, i).sort());
    }
    expect(report.some((t) => /Ký, ghi rõ/.test(t))).toBe(false);
    expect(fake.sheet(`${SUBMISSION_SHEET} (2)`).pageLayout.paperSize).toBe('A4');
    // Nghị định 30/2020 margins (20/20/30/15 mm) in points
    expect(fake.sheet(`${SUBMISSION_SHEET} (2)`).pageLayout.margins).toEqual({
      top: 56.69,
      bottom: 56.69,
      left: 85.04,
      right: 42.52,
    });

    // a second dossier: all " (2)"/" (3)", nothing overwritten
    const second = fake.sheets.map((s) => [s.name, snapshot(s)] as const);
    const again = await host.insertDossier(TODAY, SHEET);
    expect(again!.sheetNames).toEqual([
      `${REPORT_SHEET} (2)`,
      `${MINUTES_SHEET} (2)`,
      `${SUBMISSION_SHEET} (3)`,
    ]);
    for (const [name, snap] of second) expect(snapshot(fake.sheet(name))).toBe(snap);
  });

  it('without a criteria sheet there is nothing to do', async () => {
    const { fake, host } = setup();
    await expect(host.insertDossier(TODAY)).resolves.toBeUndefined();
    await expect(host.dossierDocuments(TODAY)).resolves.toBeUndefined();
    expect(fake.sheets.map((s) => s.name)).toEqual(['Dữ liệu']);
  });

  it('gives the Word documents of the sheet in 1 sync, writing nothing; refused before Đánh giá', async () => {
    const { fake, host } = setup();
    userData(fake);
    await host.insertCriteriaSheet({ packId: 'xa', unitName: 'Phường 1', year: 2025 });
    fake.userEdit(SHEET, fake.namedAddress('tc16_tu_diem'), 2);
    // the as-of date follows TODAY(): the verdict could change tomorrow, no dossier
    await expect(host.dossierDocuments(TODAY, SHEET)).rejects.toThrow(/hãy bấm Đánh giá/);
    await host.evaluateAndHighlight(TODAY, SHEET);
    const before = fake.sheets.map((s) => [s.name, snapshot(s)] as const);

    let result: Awaited<ReturnType<typeof host.dossierDocuments>>;
    const syncs = await syncsOf(fake, async () => {
      result = await host.dossierDocuments(TODAY, SHEET);
    });
    expect(syncs).toBe(1);
    for (const [name, snap] of before) expect(snapshot(fake.sheet(name))).toBe(snap);
    expect(fake.sheets.map((s) => s.name)).toEqual(before.map(([n]) => n));
    const r = result!;
    expect(r.source).toBe(SHEET);
    expect(r.evaluation.failing).toContain('TC16');
    expect(r.documents.map((d) => d.fileName)).toEqual([
      'to-trinh.docx',
      'bao-cao-ket-qua.docx',
      'bien-ban-hop-xet.docx',
    ]);
    // the same documents `tieuchi dossier` writes from these values and this evaluation
    const state = await host.readState(SHEET);
    const x = pack('xa');
    const plan = getBuiltinPlan(state!.planId) as Plan;
    const ev = evaluate(x, state!.values, { today: TODAY, plan });
    const cli = dossierDocuments(x, plan, state!.values, ev);
    for (const d of r.documents) expect(d).toEqual(cli.find((c) => c.id === d.id));
    const submission = at(r.documents, 0);
    const text = JSON.stringify(submission.blocks);
    expect(text).toContain('Phường 1, ngày … tháng … năm …');
    // the bytes the pane offers are a Word file (a zip with word/document.xml)
    const bytes = await writeDocx(submission);
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(Buffer.from(bytes).toString('latin1')).toContain('word/document.xml');
  });
});

describe('Số liệu năm trước in the add-in', () => {
  it('fills only blank "năm trước" inputs, reports the skipped ones, notes beside this year’s inputs', async () => {
    const { fake, host } = setup();
    userData(fake);
    await host.insertCriteriaSheet({ packId: 'xa', unitName: 'Xã Hòa Bình', year: 2025 });
    fake.userEdit(SHEET, fake.namedAddress('tc19_nghien_nam_truoc'), 5); // the user's own figure
    const xa = pack('xa');
    const ids = inputIds(xa);
    const before = new Map(ids.map((id) => [id, fake.namedCell(id).value]));
    const protectedBefore = fake.sheet(SHEET).protection.protected;
    const other = snapshot(fake.sheet('Dữ liệu'));

    const lastYear = {
      ten_don_vi: 'Xã An Phú',
      loai_don_vi: 'Xã',
      tc18_nam_nay: 40,
      tc19_nghien_nam_nay: 12,
      tc15_phan_loai: 'Khá',
    };
    let result: Awaited<ReturnType<typeof host.applyPriorYear>>;
    const syncs = await syncsOf(fake, async () => {
      result = await host.applyPriorYear(lastYear, SHEET);
    });
    expect(syncs).toBeLessThanOrEqual(2);
    expect(result!.written.sort()).toEqual(['loai_don_vi', 'phan_loai_nam_truoc', 'tc18_nam_truoc']);
    expect(result!.skipped).toEqual(
      expect.arrayContaining([
        { id: 'ten_don_vi', value: 'Xã Hòa Bình', lastYear: 'Xã An Phú' },
        { id: 'tc19_nghien_nam_truoc', value: 5, lastYear: 12 },
      ]),
    );
    expect(fake.namedCell('tc18_nam_truoc').value).toBe(40);
    expect(fake.namedCell('phan_loai_nam_truoc').value).toBe('Khá');
    expect(fake.namedCell('tc19_nghien_nam_truoc').value).toBe(5);
    expect(fake.namedCell('ten_don_vi').value).toBe('Xã Hòa Bình');
    // no other input changed
    for (const id of ids) {
      if (result!.written.includes(id)) continue;
      expect([id, fake.namedCell(id).value]).toEqual([id, before.get(id)]);
    }
    // "Năm trước: 40" beside this year's tc18 input, in the product's requirement cell (not an input)
    expect(result!.notes.sort()).toEqual(['tc15_phan_loai', 'tc18_nam_nay', 'tc19_nghien_nam_nay']);
    const s = fake.sheet(SHEET);
    const input = fake.namedAddress('tc18_nam_nay');
    const row = Number(/\d+$/.exec(input)![0]);
    const noteCells = [...s.cells.entries()].filter(
      ([, c]) => typeof c.value === 'string' && c.value.endsWith('\nNăm trước: 40'),
    );
    expect(noteCells).toHaveLength(1);
    expect(at(noteCells, 0)[1].format.locked).toBe(true);
    // the fake keys cells "row,col": the note is on the input's row, left of the input
    const [noteRow, noteCol] = at(noteCells, 0)[0].split(',').map(Number);
    expect(noteRow).toBe(row);
    expect(noteCol).toBeLessThan(fake.resolveName('tc18_nam_nay')!.rect.col);
    expect(fake.namedCell('tc18_nam_nay').value).toBe('');
    expect(s.protection.protected).toBe(protectedBefore);
    expect(snapshot(fake.sheet('Dữ liệu'))).toBe(other);

    // twice: nothing more to write, the notes are not repeated
    const again = await host.applyPriorYear(lastYear, SHEET);
    expect(again!.written).toEqual([]);
    expect(
      [...s.cells.values()].filter((c) => typeof c.value === 'string' && c.value.includes('Năm trước: 40')),
    ).toHaveLength(1);
  });
});
