/**
 * What every sheet under construction collects — cells, merges, names, validations, row heights —
 * and the SheetSpec defaults a generated sheet starts from. One builder for the criteria sheet
 * (./layout.ts), the summary sheets (./summary.ts) and the dossier sheets (../dossier/sheets.ts).
 * Pure.
 */
import { absoluteCell, cellAddress, rectAddress } from './address';
import type { CellSpec, CellStyle, DefinedNameSpec, SheetSpec, ValidationSpec } from './spec';

/** The parts a sheet must state; the rest defaults to nothing (no names, freeze or protection). */
export type SheetParts = Pick<SheetSpec, 'name' | 'columns' | 'rows' | 'cells' | 'merges' | 'print'> &
  Partial<SheetSpec>;

/** A SheetSpec from its parts: no names, validations, conditional formats, freeze or protection unless given. */
export function sheetSpec(parts: SheetParts): SheetSpec {
  return {
    names: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 0, columns: 0 },
    protect: false,
    ...parts,
  };
}

export class SpecBuilder {
  readonly cells: CellSpec[] = [];
  readonly merges: string[] = [];
  readonly names: DefinedNameSpec[] = [];
  readonly validations: ValidationSpec[] = [];
  /** row → height in points */
  readonly heights = new Map<number, number>();

  /** A cell by address ("B7"). */
  put(address: string, cell: Omit<CellSpec, 'address'>): void {
    this.cells.push({ address, ...cell });
  }

  set(row: number, col: number, cell: Omit<CellSpec, 'address'>): void {
    this.put(cellAddress(row, col), cell);
  }

  /** Style the cells of a merged area (borders and fills show on every cell) and merge it. */
  merge(r1: number, c1: number, r2: number, c2: number, style?: CellStyle): void {
    if (r1 === r2 && c1 === c2) return;
    this.merges.push(rectAddress({ row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 }));
    if (!style) return;
    for (let r = r1; r <= r2; r++) {
      for (let c = c1; c <= c2; c++) {
        if (r === r1 && c === c1) continue;
        this.set(r, c, { style });
      }
    }
  }

  /** A defined name for one cell (absolute address). */
  name(name: string, row: number, col: number): void {
    this.names.push({ name, address: absoluteCell(row, col) });
  }

  /** A defined name for the cell at `at` (absolute address). */
  nameAt(name: string, at: { row: number; col: number }): void {
    this.name(name, at.row, at.col);
  }

  /** Raise row `row` to at least `pts` points. */
  minHeight(row: number, pts: number): void {
    this.heights.set(row, Math.max(this.heights.get(row) ?? 0, pts));
  }

  /** The heights set, in row order, as SheetSpec rows. */
  rows(): SheetSpec['rows'] {
    return [...this.heights.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
  }
}
