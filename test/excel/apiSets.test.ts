/**
 * Requirement sets (issue 8 item 5): the table is generated from @types/office-js, and every
 * Office.js member the add-in uses is behind a run-time check — run every operation on a host of
 * every ExcelApi version (the fake enforces each member's set from the table): an operation either
 * works or refuses with a plain Vietnamese HostError; never ApiNotFound.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { excelDate } from '../../src/engine/dates';
import { HostError, MIN_EXCEL_API } from '../../src/excel/officeHost';
import { API_SETS } from '../../src/excel/apiSets.generated';
import { NOW, SHEET } from './helpers';
import { FakeExcel } from '../fakes/fakeExcel';
import { createOfficeHost } from '../../src/excel/officeHost';
import { consolidatePicked } from '../../src/consolidate/picked';
import { builtinPacks } from '../../src/pack/registry';

const root = join(__dirname, '..', '..');

describe('requirement sets', () => {
  it('the committed table is what the generator makes from @types/office-js', () => {
    const fresh = execFileSync('node', [join(root, 'scripts/gen-api-sets.mjs'), '--stdout'], {
      encoding: 'utf8',
    });
    expect(readFileSync(join(root, 'src/excel/apiSets.generated.ts'), 'utf8')).toBe(fresh);
    expect(fresh).toMatch(/'Worksheet.onChanged': 'ExcelApi 1.7'/);
  });

  const versions = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.14'];
  it.each(versions)('ExcelApi %s: every operation works or says plainly what is missing', async (v) => {
    const fake = new FakeExcel({ sheets: ['Dữ liệu'], excelApi: v });
    const host = createOfficeHost({
      run: fake.run,
      isSetSupported: fake.isSetSupported,
      now: () => NOW,
      timers: { setInterval: () => 0, clearInterval: () => undefined },
      visible: () => true,
    });
    const summary = await consolidatePicked([], { packs: builtinPacks(), today: excelDate(2025, 6, 15) });
    const outcome = async (f: () => Promise<unknown>): Promise<string> => {
      try {
        await f();
        return 'ok';
      } catch (e) {
        if (e instanceof HostError) return 'refused';
        throw e;
      }
    };
    const inserted = await outcome(() =>
      host.insertCriteriaSheet({ packId: 'xa', unitName: 'X', year: 2025 }),
    );
    const today = excelDate(2025, 6, 15);
    if (inserted === 'ok') {
      fake.userEdit(SHEET, fake.namedAddress('tc16_tu_diem'), 2);
      for (const op of [
        () => host.readState(SHEET),
        () => host.evaluateAndHighlight(today, SHEET),
        () => host.clearHighlights(SHEET),
        () => host.applyPriorYear({ tc18_nam_nay: 3 }, SHEET),
        () => host.insertDossier(today, SHEET),
        () => host.dossierDocuments(today, SHEET),
        () => host.findCriteriaSheets(),
        () => host.activateSheet(SHEET),
        () => host.goTo('tc16_tu_diem', SHEET),
        async () => await (await host.onInputsChanged(() => undefined))(),
        () => host.insertSummarySheet(summary),
      ])
        // from the baseline on, every operation works
        expect(await outcome(op)).toBe('ok');
    }
    expect(fake.errors.filter((e) => e.code === 'ApiNotFound')).toEqual([]);
    // the baseline the add-in needs: below it, refused before touching Excel
    expect(inserted).toBe(Number(v.split('.')[1]) >= 4 ? 'ok' : 'refused');
  });
});

/** The Excel class each structural interface of src/excel/officeTypes.ts stands for. */
const EXCEL_CLASS: Record<string, string> = {
  XlContext: 'RequestContext',
  XlWorkbook: 'Workbook',
  XlFunctions: 'Functions',
  XlFunctionResult: 'FunctionResult',
  XlWorksheetCollection: 'WorksheetCollection',
  XlProtectionOptions: 'WorksheetProtectionOptions',
  XlWorksheetProtection: 'WorksheetProtection',
  XlFreezePanes: 'WorksheetFreezePanes',
  XlPageLayout: 'PageLayout',
  XlChangedArgs: 'WorksheetChangedEventArgs',
  XlRunOptions: 'RunOptions',
  XlWorksheet: 'Worksheet',
  XlNamedItemCollection: 'NamedItemCollection',
  XlNamedItem: 'NamedItem',
  XlBorder: 'RangeBorder',
  XlRangeFormat: 'RangeFormat',
  XlDataValidation: 'DataValidation',
  XlCustomConditionalFormat: 'CustomConditionalFormat',
  XlConditionalFormat: 'ConditionalFormat',
  XlConditionalFormatCollection: 'ConditionalFormatCollection',
  XlRange: 'Range',
};

/** Members with no `[Api set]` tag of their own in the type definitions (docs/real-excel.md). */
const UNTAGGED: Record<string, string> = {
  'RequestContext.sync': 'OfficeExtension.ClientRequestContext, every set',
  'RequestContext.workbook': 'the entry point, ExcelApi 1.1',
  'RunOptions.delayForCellEdit': 'no set documented; ignored where unknown',
};

describe('every Office.js member the add-in can call', () => {
  it('is in the generated requirement-set table (or listed as untagged)', () => {
    const file = join(root, 'src/excel/officeTypes.ts');
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const missing: string[] = [];
    const above: string[] = [];
    let seen = 0;
    sf.forEachChild((node) => {
      if (!ts.isInterfaceDeclaration(node)) return;
      const cls = EXCEL_CLASS[node.name.text];
      if (!cls) return;
      for (const m of node.members) {
        if (!m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) continue;
        const key = `${cls}.${m.name.text}`;
        seen++;
        const set = API_SETS[key];
        // `items` of a collection: the collection's own set; `isNullObject`: OfficeExtension.ClientObject,
        // set by an …OrNullObject method, which is in the table
        const inherited = m.name.text === 'items' || m.name.text === 'isNullObject';
        if (set === undefined && !UNTAGGED[key] && !inherited) missing.push(key);
        if (set && !versionAtMost(set, MIN_EXCEL_API)) above.push(`${key} (${set})`);
      }
    });
    expect(seen).toBeGreaterThan(80);
    expect(missing).toEqual([]);
    // members above the baseline: each is behind its own check (the sweep above proves it)
    expect(above.length).toBeGreaterThan(0);
  });
});

function versionAtMost(set: string, max: string): boolean {
  const [name, v] = set.split(' ');
  if (name !== 'ExcelApi') return false;
  const [a = 0, b = 0] = (v ?? '').split('.').map(Number);
  const [c = 0, d = 0] = max.split('.').map(Number);
  return a < c || (a === c && b <= d);
}
