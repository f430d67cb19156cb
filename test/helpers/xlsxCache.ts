/**
 * Minimal reader of the cached values of an .xlsx written by a spreadsheet application: the first
 * worksheet's cells (number, text, boolean, error) and the workbook's defined names. ExcelJS is not
 * used here because it drops cached formula results equal to 0.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { CellValue } from '../../src/engine/values';
import { at } from './at';

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#([0-9]+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

export interface CachedBook {
  /** defined name (lower case) → cell address without "$" on the first sheet */
  names: Map<string, string>;
  /** A1 address → cached value; errors as "#ERROR <code>" */
  cells: Map<string, CellValue>;
}

export function readCachedBook(bytes: Uint8Array): CachedBook {
  const files = unzipSync(bytes);
  const text = (p: string): string => {
    const f = files[p];
    if (!f) throw new Error(`xlsx thiếu phần ${p}`);
    return strFromU8(f);
  };
  const shared: string[] = [];
  if (files['xl/sharedStrings.xml']) {
    for (const m of text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)) {
      const parts = [...at(m, 1).matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => decode(at(t, 1)));
      shared.push(parts.join(''));
    }
  }
  const names = new Map<string, string>();
  for (const m of text('xl/workbook.xml').matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = /name="([^"]+)"/.exec(at(m, 1))?.[1];
    if (!name) continue;
    const ref = decode(at(m, 2));
    names.set(name.toLowerCase(), ref.slice(ref.lastIndexOf('!') + 1).replace(/\$/g, ''));
  }
  const cells = new Map<string, CellValue>();
  const sheet = text('xl/worksheets/sheet1.xml');
  for (const m of sheet.matchAll(/<c r="([A-Z]+[0-9]+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, address = '', attrs = '', body] = m;
    if (body === undefined) continue;
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const inline = /<is>([\s\S]*?)<\/is>/.exec(body)?.[1];
    const t = /\st="([a-z]+)"/.exec(attrs)?.[1] ?? 'n';
    if (t === 'inlineStr' && inline !== undefined) {
      cells.set(
        address,
        [...inline.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((x) => decode(at(x, 1))).join(''),
      );
      continue;
    }
    if (v === undefined) continue;
    if (t === 's') cells.set(address, shared[Number(v)] ?? null);
    else if (t === 'str') cells.set(address, decode(v));
    else if (t === 'b') cells.set(address, v === '1');
    else if (t === 'e') cells.set(address, `#ERROR ${decode(v)}`);
    else cells.set(address, Number(v));
  }
  return { names, cells };
}
