/**
 * The ribbon's function file (issue 8 items 5, 6): the function is associated as soon as the
 * module loads (not after Office.onReady), and a plain message is shown when Excel is too old.
 */
import type { danhGia as DanhGia } from '../../src/commands/commands';
import { TOO_OLD } from '../../src/excel/officeHost';
import { at } from '../helpers/at';

describe('ribbon commands', () => {
  it('associates danhGia at load, before Office is ready; an old Excel gets a message, not a console line', async () => {
    const associated: string[] = [];
    const shown: string[] = [];
    let completed = 0;
    const office = {
      actions: { associate: (name: string) => associated.push(name) },
      onReady: () => new Promise<never>(() => undefined), // never ready in this test
      context: {
        requirements: { isSetSupported: (name: string) => name === 'DialogApi' },
        ui: {
          displayDialogAsync: (url: string) => shown.push(decodeURIComponent(at(url.split('thongbao='), 1))),
        },
      },
      AsyncResultStatus: { Failed: 'failed' },
    };
    const g = globalThis as unknown as Record<string, unknown>;
    g.Office = office;
    g.location = { origin: 'https://localhost:3000', pathname: '/commands.html', search: '' };
    let danhGia: typeof DanhGia | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      danhGia = (require('../../src/commands/commands') as { danhGia: typeof DanhGia }).danhGia;
    });
    expect(associated).toEqual(['danhGia']);
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
    await danhGia!({ completed: () => completed++ } as unknown as Office.AddinCommands.Event);
    expect(completed).toBe(1);
    expect(shown).toEqual([TOO_OLD]);
    delete g.Office;
    delete g.location;
  });
});
