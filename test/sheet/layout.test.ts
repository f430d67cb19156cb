/**
 * Golden checks of the worksheet layout (pure SheetSpec): the defined-name contract, input cells,
 * validations, protection, freeze, print setup, and portable formulas (Excel 2010 functions only,
 * length < 8192, nesting < 64, every referenced name defined).
 */
import { inputIds, packIndicators } from '../../src/pack/inputs';
import { ID_PATTERN, evidenceId, looksLikeCellRef, statusName, type Pack } from '../../src/pack/schema';
import { excelDate } from '../../src/engine/dates';
import { defaultPlan } from '../../src/plan/registry';
import {
  CRITERIA_SHEET_NAME,
  MAX_ERROR,
  MAX_PROMPT,
  PAGE_BODY_PT,
  buildCriteriaSheet,
  evidenceHint,
  PRINT_MARGINS_MM,
} from '../../src/sheet/layout';
import type { CellSpec, SheetSpec } from '../../src/sheet/spec';
import { builtinPacksForTests } from '../helpers/cases';
import { RESERVED_NAMES, STAMP_NAMES, isReservedName } from '../../src/pack/workbookNames';
import { parseAddress } from '../helpers/hf';
import { at } from '../helpers/at';

const packs = builtinPacksForTests();

/** Functions of Excel 2007/2010 the generated formulas may use (all exist in LibreOffice and WPS). */
const ALLOWED_FUNCTIONS = new Set([
  'IF',
  'AND',
  'OR',
  'NOT',
  'TRUE',
  'FALSE',
  'LEN',
  'TRIM',
  'ISNUMBER',
  'ISLOGICAL',
  'ISTEXT',
  'SUBSTITUTE',
  'VALUE',
  'INT',
  'ROUND',
  'MOD',
  'DATE',
  'YEAR',
  'MONTH',
  'DAY',
  'TODAY',
  'LEFT',
  'RIGHT',
  'MID',
  'CHOOSE',
  'MAX',
  'INDEX',
  'MATCH',
  'COUNTIF',
]);

/** Formula text with string literals emptied (so their contents are not taken for code). */
function code(f: string): string {
  return f.replace(/"(?:[^"]|"")*"/g, '""');
}

function nesting(f: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of code(f)) {
    if (ch === '(') max = Math.max(max, ++depth);
    else if (ch === ')') depth--;
  }
  return max;
}

function cellAt(spec: SheetSpec, address: string): CellSpec | undefined {
  const a = address.replace(/\$/g, '');
  return spec.cells.find(
    (c) => c.address === a && (c.value !== undefined || c.formula !== undefined || c.input),
  );
}

function nameAddress(spec: SheetSpec, name: string): string {
  const n = spec.names.find((x) => x.name === name);
  if (!n) throw new Error(`no defined name ${name}`);
  return n.address.replace(/\$/g, '');
}

/** Rectangles of the merges, to check they never overlap. */
function rect(r: string): { r1: number; c1: number; r2: number; c2: number } {
  const [a = '', b] = r.split(':');
  const p = parseAddress(a);
  const q = parseAddress(b ?? a);
  return { r1: p.row, c1: p.col, r2: q.row, c2: q.col };
}

describe.each([
  ['xa', packs.xa, 34],
  ['coquan', packs.coquan, 14],
])('layout of pack %s', (_id, pack: Pack, criteriaCount: number) => {
  const spec = buildCriteriaSheet(pack);
  const names = new Map(spec.names.map((n) => [n.name, n.address]));

  it('is the sheet "Tiêu chí" with one status cell per criterion', () => {
    expect(spec.name).toBe(CRITERIA_SHEET_NAME);
    const kq = spec.names.filter((n) => /^kq_tc[0-9]+$/.test(n.name));
    expect(kq).toHaveLength(criteriaCount);
    for (const g of pack.groups) for (const c of g.criteria) expect(names.has(statusName(c))).toBe(true);
  });

  it('gives every input id a defined name at an unlocked input cell with a validation by type', () => {
    const ids = inputIds(pack);
    expect(ids).toContain('ngay_danh_gia');
    expect(ids).toContain('nam');
    expect(ids).toContain(evidenceId({ number: 1 }));
    const inds = packIndicators(pack);
    for (const id of ids) {
      const a = nameAddress(spec, id);
      const cell = cellAt(spec, a);
      expect(cell?.input).toBe(true);
      expect(cell?.style?.locked).toBe(false);
      const ind = inds.get(id);
      const type = ind?.type ?? 'text';
      const v = spec.validations.find((x) => x.address === a);
      if (type === 'text') {
        expect(cell?.style?.numFmt).toBe('@');
        continue;
      }
      expect(v?.type).toBe(type === 'count' ? 'whole' : type === 'date' ? 'date' : 'list');
      if (type === 'bool') expect(v).toMatchObject({ type: 'list', values: ['Có', 'Không'] });
      if (type === 'choice') expect(v).toMatchObject({ type: 'list', values: pack.scales[ind?.scale ?? ''] });
      if (type === 'count') expect(v).toMatchObject({ type: 'whole', min: Math.max(0, ind?.min ?? 0) });
      if (type === 'count' && ind?.max !== undefined) expect(v).toMatchObject({ max: ind.max });
      if (type === 'date') {
        expect(v).toMatchObject({ type: 'date', min: 1, max: 2958465 });
        expect(cell?.style?.numFmt).toBe('dd/mm/yyyy');
      }
    }
  });

  it('unlocks input cells only, and protects the sheet', () => {
    expect(spec.protect).toBe(true);
    const unlocked = spec.cells.filter((c) => c.style?.locked === false);
    const inputs = new Set(inputIds(pack).map((id) => nameAddress(spec, id)));
    const mergedInto = (a: string): boolean => {
      const p = parseAddress(a);
      return spec.merges.some((m) => {
        const r = rect(m);
        return (
          p.row >= r.r1 && p.row <= r.r2 && p.col >= r.c1 && p.col <= r.c2 && inputs.has(at(m.split(':'), 0))
        );
      });
    };
    for (const c of unlocked) expect(inputs.has(c.address) || mergedInto(c.address)).toBe(true);
  });

  it('has valid, unique defined names that are not cell references', () => {
    const all = spec.names.map((n) => n.name);
    expect(new Set(all.map((n) => n.toLowerCase())).size).toBe(all.length);
    for (const n of all) {
      expect(n).toMatch(ID_PATTERN);
      expect(looksLikeCellRef(n)).toBe(false);
    }
    for (const n of spec.names) expect(n.address).toMatch(/^\$[A-Z]+\$[0-9]+$/);
    for (const n of [...RESERVED_NAMES, ...Object.values(STAMP_NAMES)]) {
      expect(names.has(n)).toBe(true);
    }
    // every name the sheet defines for itself is one pack validation keeps packs from using
    const inputs = new Set(inputIds(pack));
    expect(all.filter((n) => !inputs.has(n) && !isReservedName(n))).toEqual([]);
  });

  it('keeps the stamp block locked and blank, and records the pack id and version', () => {
    for (const n of Object.values(STAMP_NAMES)) {
      const c = spec.cells.find((x) => x.address === nameAddress(spec, n));
      expect(c?.value).toBeUndefined();
      expect(c?.formula).toBeUndefined();
      expect(c?.style?.locked).not.toBe(false);
    }
    expect(cellAt(spec, nameAddress(spec, 'goi_tieu_chi'))?.value).toBe(pack.id);
    expect(cellAt(spec, nameAddress(spec, 'phien_ban_goi'))?.value).toBe(pack.version);
  });

  it('freezes the rows down to the table header, which repeats on every printed page', () => {
    const header = spec.freeze.rows;
    expect(cellAt(spec, `A${header}`)?.value).toBe('Tiêu chí');
    expect(cellAt(spec, `G${header}`)?.value).toBe('Kết quả');
    expect(spec.print).toMatchObject({
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      titleRows: `${header}:${header}`,
    });
    // helper columns are hidden, visible ones are readable
    expect(spec.columns.filter((c) => c.hidden)).toHaveLength(2);
    for (const c of spec.columns.filter((x) => !x.hidden)) expect(c.width).toBeGreaterThanOrEqual(6);
  });

  it('writes only portable formulas: Excel 2010 functions, length < 8192, nesting < 64, defined names', () => {
    const defined = new Set(spec.names.map((n) => n.name.toLowerCase()));
    const formulas = [
      ...spec.cells.filter((c) => c.formula !== undefined).map((c) => c.formula ?? ''),
      ...spec.conditionalFormats.map((c) => c.formula),
    ];
    expect(formulas.length).toBeGreaterThan(criteriaCount * 3);
    let longest = 0;
    let deepest = 0;
    for (const f of formulas) {
      longest = Math.max(longest, f.length);
      deepest = Math.max(deepest, nesting(f));
      const body = code(f);
      for (const m of body.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g))
        expect(ALLOWED_FUNCTIONS).toContain(m[1]);
      for (const m of body.matchAll(/(?<![A-Za-z0-9_$])([a-z_][a-z0-9_]*)(?![A-Za-z0-9_(])/g)) {
        expect(defined).toContain(m[1]);
      }
      // string literals within Excel's 255-character limit
      for (const m of f.matchAll(/"((?:[^"]|"")*)"/g))
        expect(at(m, 1).replace(/""/g, '"').length).toBeLessThanOrEqual(255);
    }
    expect(longest).toBeLessThan(8192);
    expect(deepest).toBeLessThan(64);
  });

  it('colours statuses with conditional formats for every status label', () => {
    const all = spec.conditionalFormats.map((c) => c.formula).join(' ');
    for (const label of ['Đạt', 'Không đạt', 'Chưa nhập', 'Sai dữ liệu', 'Chưa đến hạn', 'Không áp dụng']) {
      expect(all).toContain(`"${label}"`);
    }
    const table = spec.conditionalFormats.find((c) => c.formula.includes('"Không đạt"'));
    expect(table?.style.fill).toBe('FFC7CE');
    expect(table?.range).toMatch(new RegExp(`^G${spec.freeze.rows + 1}:H[0-9]+$`));
  });

  it('never overlaps merged areas', () => {
    const rs = spec.merges.map(rect);
    for (let i = 0; i < rs.length; i++) {
      for (let j = i + 1; j < rs.length; j++) {
        const a = at(rs, i);
        const b = at(rs, j);
        const overlap = a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
        if (overlap) throw new Error(`merges overlap: ${spec.merges[i]} ${spec.merges[j]}`);
      }
    }
  });

  it('prints readably: text ≥ 10 pt, columns fit A4 landscape at 100 %, page breaks between blocks', () => {
    for (const c of spec.cells) expect(c.style?.size ?? 11).toBeGreaterThanOrEqual(10);
    // Excel column width w (characters of the default font) is w × 7 + 5 px at 96 dpi = 0.75 pt/px
    const widthPt = spec.columns.filter((c) => !c.hidden).reduce((t, c) => t + (c.width * 7 + 5) * 0.75, 0);
    const m = spec.print.margins;
    expect(m).toEqual(PRINT_MARGINS_MM);
    expect(widthPt).toBeLessThanOrEqual(((297 - (m?.left ?? 0) - (m?.right ?? 0)) / 25.4) * 72);
    // every break is at the first row of a criterion block or of the group heading just above it
    const header = spec.freeze.rows;
    const blockStarts = new Set<number>();
    for (const g of pack.groups) {
      for (const c of g.criteria) {
        const r = parseAddress(nameAddress(spec, statusName(c))).row + 1; // 0-based
        blockStarts.add(c === g.criteria[0] ? r - 1 : r);
      }
    }
    const breaks = spec.print.rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(0);
    for (const r of breaks) expect(blockStarts).toContain(r);
    // and each page's rows (with the repeated header) fit the page body
    const height = new Map(spec.rows.map((r) => [r.row, r.height]));
    const h = (r: number): number => height.get(r) ?? 15;
    const last = parseAddress(spec.print.area?.split(':')[1] ?? 'A1').row + 1;
    const starts = [1, ...breaks, last + 1];
    for (let i = 0; i + 1 < starts.length; i++) {
      let used = i === 0 ? 0 : h(header);
      for (let r = at(starts, i); r < at(starts, i + 1); r++) used += h(r);
      expect(used).toBeLessThanOrEqual(PAGE_BODY_PT);
    }
  });

  it('shows the evidence hint under each Minh chứng cell, locked, and marks a pass without evidence', () => {
    for (const c of pack.groups.flatMap((g) => g.criteria)) {
      const ev = parseAddress(nameAddress(spec, evidenceId(c)));
      const merge = spec.merges.map(rect).find((r) => r.r1 === ev.row && r.c1 === ev.col);
      // a one-row Minh chứng cell is not merged; the hint is the row below it (0-based rows)
      const hintRow = (merge?.r2 ?? ev.row) + 2;
      const hint = cellAt(spec, `C${hintRow}`);
      expect(hint?.value).toBe(evidenceHint(c));
      expect(String(hint?.value)).toContain(c.guidance?.evidence ?? '');
      expect(hint?.style?.locked).not.toBe(false);
      const row = ev.row + 1;
      const mark = spec.conditionalFormats.find((f) => f.range.startsWith(`F${row}:`));
      expect(mark?.formula).toMatch(
        new RegExp(`^AND\\(\\$G\\$${row}="Đạt",LEN\\(TRIM\\(\\$F\\$${row}\\)\\)=0\\)$`),
      );
    }
  });

  it('colours Sai dữ liệu unlike Chưa nhập, and explains every colour in a legend on the sheet', () => {
    const style = (label: string) =>
      spec.conditionalFormats.find((c) => c.formula.includes(`"${label}"`) && c.range.startsWith('G'))?.style;
    expect(style('Sai dữ liệu')).toMatchObject({ fill: 'E4DFEC', color: '5B2C6F', bold: true });
    expect(style('Sai dữ liệu')?.fill).not.toBe(style('Chưa nhập')?.fill);
    const texts = spec.cells.map((c) => String(c.value ?? ''));
    expect(texts.some((t) => t.includes('Chỉ nhập vào các ô nền vàng nhạt'))).toBe(true);
    expect(texts.some((t) => t.includes('Để trống “Ngày đánh giá” là tính đến hôm nay'))).toBe(true);
    for (const label of ['Đạt', 'Không đạt', 'Sai dữ liệu', 'Chưa nhập', 'Đạt nhưng chưa ghi minh chứng']) {
      expect(texts.some((t) => t.startsWith(label))).toBe(true);
    }
  });

  it('keeps validation texts within Excel limits', () => {
    for (const v of spec.validations) {
      expect(v.error.length).toBeLessThanOrEqual(MAX_ERROR);
      expect((v.prompt ?? '').length).toBeLessThanOrEqual(MAX_PROMPT);
      if (v.type === 'list') expect(v.values.join(',').length).toBeLessThanOrEqual(255);
    }
  });
});

describe('prefilled values', () => {
  const pack = packs.xa;
  it('writes strings as text, numbers as numbers and dates as serials in date cells', () => {
    const d = excelDate(2025, 2, 10);
    const spec = buildCriteriaSheet(pack, {
      values: { tc1_quan_triet: 'Có', tc2_nghi_quyet_ngay: d, tc16_tu_diem: 0, tc1_minh_chung: '=SUM(A1)' },
      unitName: 'Xã An Bình',
      year: 2025,
    });
    const at = (id: string): CellSpec | undefined => cellAt(spec, nameAddress(spec, id));
    expect(at('tc1_quan_triet')?.value).toBe('Có');
    expect(at('tc2_nghi_quyet_ngay')).toMatchObject({ value: d, style: { numFmt: 'dd/mm/yyyy' } });
    expect(at('tc16_tu_diem')?.value).toBe(0);
    expect(at('tc1_minh_chung')).toMatchObject({ value: '=SUM(A1)' });
    expect(at('tc1_minh_chung')?.formula).toBeUndefined();
    expect(at('ten_don_vi')?.value).toBe('Xã An Bình');
    expect(at('nam')?.value).toBe(2025);
    expect(at('tc3_hoi_nghi')?.value).toBeUndefined();
  });

  it('shows short expectations beside each indicator', () => {
    const spec = buildCriteriaSheet(pack);
    const expectOf = (id: string): unknown => {
      const p = parseAddress(nameAddress(spec, id));
      return cellAt(spec, `D${p.row + 1}`)?.value;
    };
    expect(expectOf('tc1_quan_triet')).toBe('= Có');
    expect(expectOf('tc3_cach_lam_hay')).toBe('≥ 1, hạn hết kỳ đánh giá');
    expect(expectOf('tc2_nghi_quyet_ngay')).toBe('trong 01/01–31/03');
    expect(expectOf('tc16_tu_diem')).toBe('= 0');
    expect(expectOf('tc10_moi_truong')).toBe('= Có, hạn 05/06');
    expect(expectOf('tc18_nam_nay')).toBe('giảm ≥ 5% so với cùng kỳ');
  });

  it('states the parameters in force: a plan’s override changes the expectation as it changes the formula', () => {
    const base = defaultPlan();
    const plan = {
      ...base,
      parameters: { ...base.parameters, xa: { tc18_giam_pct: 10, tc18_chap_nhan_kiem_che: true } },
    };
    const spec = buildCriteriaSheet(pack, { plan });
    const p = parseAddress(nameAddress(spec, 'tc18_nam_nay'));
    expect(cellAt(spec, `D${p.row + 1}`)?.value).toBe('không tăng hoặc giảm ≥ 10% so với cùng kỳ');
  });
});
