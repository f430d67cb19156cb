/**
 * HyperFormula harness: loads a SheetSpec (formulas and defined names exactly as the writers emit
 * them) into a real formula engine, sets input values by id and reads computed cells by name.
 * Used by the agreement property test and by the agreement benchmark.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { quoteSheet } from '../../src/sheet/address';
import type { SheetSpec } from '../../src/sheet/spec';
import type { CellValue, Values } from '../../src/engine/values';
import { at } from './at';

export const HF_CONFIG = {
  licenseKey: 'gpl-v3',
  caseSensitive: false,
  accentSensitive: true,
  // Excel's 1900 date system, including the fictitious 29/02/1900 (the engine models it too).
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 31 },
  // No undo history: every case rewrites all inputs, and the undo stack made each run slower.
  undoLimit: 0,
} as const;

interface Pos {
  row: number;
  col: number;
}

export function parseAddress(a: string): Pos {
  const m = /^\$?([A-Z]+)\$?([0-9]+)$/.exec(a);
  if (!m) throw new Error(`bad address ${a}`);
  let col = 0;
  for (const ch of at(m, 1)) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Raw HF content of a literal: strings are forced to text with a leading apostrophe. */
function content(v: CellValue | undefined): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return `'${v}`;
  return v;
}

export class SheetHarness {
  readonly hf: HyperFormula;
  private readonly sheet: number;
  private readonly names = new Map<string, Pos>();

  constructor(
    readonly spec: SheetSpec,
    readonly inputIds: readonly string[],
  ) {
    const data: Array<Array<string | number | boolean | null>> = [];
    for (const c of spec.cells) {
      if (c.formula === undefined && c.value === undefined) continue;
      const { row, col } = parseAddress(c.address);
      while (data.length <= row) data.push([]);
      const r = at(data, row);
      while (r.length <= col) r.push(null);
      r[col] = c.formula !== undefined ? `=${c.formula}` : content(c.value);
    }
    const q = quoteSheet(spec.name);
    const named = spec.names.map((n) => ({ name: n.name, expression: `=${q}!${n.address}` }));
    for (const n of spec.names) this.names.set(n.name.toLowerCase(), parseAddress(n.address));
    this.hf = HyperFormula.buildFromSheets({ [spec.name]: data }, { ...HF_CONFIG }, named);
    const id = this.hf.getSheetId(spec.name);
    if (id === undefined) throw new Error('sheet not built');
    this.sheet = id;
    for (const i of inputIds)
      if (!this.names.has(i.toLowerCase())) throw new Error(`no defined name for input ${i}`);
  }

  /** Sets every input: ids missing from `values` become blank cells. */
  setInputs(values: Values): void {
    this.hf.batch(() => {
      for (const id of this.inputIds) {
        const p = this.pos(id);
        this.hf.setCellContents({ sheet: this.sheet, row: p.row, col: p.col }, content(values[id]));
      }
    });
  }

  private pos(name: string): Pos {
    const p = this.names.get(name.toLowerCase());
    if (!p) throw new Error(`unknown name ${name}`);
    return p;
  }

  /** The computed value of a named cell; errors come back as "#ERROR:<type> <message>". */
  read(name: string): CellValue {
    const p = this.pos(name);
    const v = this.hf.getCellValue({ sheet: this.sheet, row: p.row, col: p.col });
    if (v instanceof DetailedCellError) return `#ERROR:${v.type} ${v.message}`;
    return v;
  }

  /** Value at an A1 address of the sheet. */
  readAt(address: string): CellValue {
    const p = parseAddress(address);
    const v = this.hf.getCellValue({ sheet: this.sheet, row: p.row, col: p.col });
    if (v instanceof DetailedCellError) return `#ERROR:${v.type} ${v.message}`;
    return v;
  }

  destroy(): void {
    this.hf.destroy();
  }
}
