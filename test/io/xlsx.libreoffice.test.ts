/**
 * The workbook reader on a file LibreOffice (`soffice`, headless) recalculated and saved: formula
 * cells give LibreOffice's cached results. Part of the jest project "libreoffice".
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookFile } from '../../src/io/files';
import { EXPECTED, excelJsWorkbook, SHEET, SHEET2 } from './excelJsWorkbook';

describe('readWorkbookBuffer on a LibreOffice-recalculated workbook', () => {
  test('formula cells give the cached results LibreOffice computed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-lo-'));
    try {
      const src = join(dir, 'src');
      const out = join(dir, 'out');
      mkdirSync(src);
      mkdirSync(out);
      writeFileSync(join(src, 'tinh.xlsx'), await excelJsWorkbook(false));
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--calc',
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          out,
          join(src, 'tinh.xlsx'),
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const data = await readWorkbookFile(join(out, 'tinh.xlsx'));
      expect(data.sheetNames).toEqual([SHEET, SHEET2]);
      expect(Object.fromEntries(data.names)).toEqual(EXPECTED);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
