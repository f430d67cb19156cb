/**
 * Requirement sets (issue 8 item 5): the table is generated from @types/office-js, and every
 * Office.js member the add-in uses is behind a run-time check — run every operation on a host of
 * every ExcelApi version (the fake enforces each member's set from the table): an operation either
 * works or refuses with a plain Vietnamese HostError; never ApiNotFound.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { excelDate } from '../../src/engine/dates';
import { HostError } from '../../src/excel/officeHost';
import { setup, SHEET } from './helpers';

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
    const { fake, host } = setup({ excelApi: v });
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
        () => host.findCriteriaSheets(),
      ])
        await outcome(op);
    }
    expect(fake.errors.filter((e) => e.code === 'ApiNotFound')).toEqual([]);
    // the baseline the add-in needs: below it, refused before touching Excel
    expect(inserted).toBe(Number(v.split('.')[1]) >= 4 ? 'ok' : 'refused');
  });
});
