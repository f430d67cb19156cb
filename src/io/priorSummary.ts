/**
 * Last year's consolidation for `--prior-summary`: either its `tieuchi consolidate --json` output
 * (validated with zod) or the summary workbook itself (the "Tổng hợp" sheet, first in the workbook,
 * read as rows by ./rosterXlsx.ts: the unit table under its header, the targets by label). Only
 * the fields the change needs are kept. Read under the limits like every other input (./files.ts).
 */
import { z } from 'zod';
import type { PriorSummary } from '../sheet/aggregate';
import { InputError, reason } from './errors';

const schema = z.object({
  year: z.number().int().nullable().optional(),
  units: z.array(
    z.object({
      unit: z.string(),
      unitType: z.string(),
      verdict: z.object({ label: z.string() }),
      passed: z.number(),
      applicable: z.number(),
      year: z.number().int().optional(),
      excluded: z.string().optional(),
    }),
  ),
  targets: z.array(z.object({ id: z.string(), label: z.string().optional(), value: z.number().nullable() })),
});

export function parsePriorSummary(data: unknown, file: string): PriorSummary {
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    const problem = issue?.message ?? reason('prior.badShape');
    throw new InputError(file, 'prior.notJson', {
      problem: where ? reason('prior.at', { path: where, problem }) : problem,
    });
  }
  const d = r.data;
  // only the units counted last year compare with this year's (other-year files were flagged)
  const units = d.units
    .filter((u) => u.excluded !== 'other_year')
    .map((u) => ({
      unit: u.unit,
      unitType: u.unitType,
      verdict: u.verdict.label,
      passed: u.passed,
      applicable: u.applicable,
    }));
  return {
    file,
    year: d.year ?? null,
    units,
    targets: d.targets.map((t) => ({ id: t.id, label: t.label, value: t.value })),
  };
}

const num = (s: string | undefined): number | null => {
  const t = (s ?? '').trim();
  return /^-?\d+(\.\d+)?(E-?\d+)?$/i.test(t) ? Number(t) : null;
};

/** The rows of a summary workbook's first sheet ("Tổng hợp", as written by this program) → last year. */
export function priorFromSummaryRows(rows: readonly (readonly string[])[], file: string): PriorSummary {
  const head = rows.findIndex((r) => r[0] === 'STT' && r[1] === 'Đơn vị');
  if (head < 0) {
    throw new InputError(file, 'prior.noTable', { heading: 'STT, Đơn vị' });
  }
  const header = rows[head] ?? [];
  const at = (name: string): number => header.indexOf(name);
  const cols = {
    unit: at('Đơn vị'),
    unitType: at('Loại đơn vị'),
    verdict: at('Kết luận'),
    passed: at('Số tiêu chí đạt'),
    applicable: at('Số tiêu chí áp dụng'),
    counted: at('Tính vào số liệu'),
  };
  if (Object.values(cols).some((i) => i < 0)) {
    throw new InputError(file, 'prior.columns', {
      columns: 'Đơn vị, Loại đơn vị, Kết luận, Số tiêu chí đạt, Số tiêu chí áp dụng',
    });
  }
  const units: PriorSummary['units'][number][] = [];
  let i = head + 1;
  for (let r = rows[i]; r !== undefined && num(r[0]) !== null; r = rows[++i]) {
    if ((r[cols.counted] ?? '').includes('năm khác')) continue;
    const passed = num(r[cols.passed]);
    const applicable = num(r[cols.applicable]);
    if (passed === null || applicable === null) continue;
    units.push({
      unit: r[cols.unit] ?? '',
      unitType: r[cols.unitType] ?? '',
      verdict: r[cols.verdict] ?? '',
      passed,
      applicable,
    });
  }
  const targets: Array<{ label: string; value: number | null }> = [];
  const th = rows.findIndex((r, k) => k > head && r[0] === 'STT' && r[1] === 'Chỉ tiêu');
  if (th >= 0) {
    for (let k = th + 1, r = rows[k]; r !== undefined && num(r[0]) !== null; r = rows[++k]) {
      targets.push({ label: r[1] ?? '', value: num(r[7]) });
    }
  }
  const year = /^Năm (\d{4})\b/.exec(rows.find((r) => /^Năm \d{4}\b/.test(r[0] ?? ''))?.[0] ?? '');
  return { file, year: year ? Number(year[1]) : null, units, targets };
}
