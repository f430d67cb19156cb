/**
 * Sentences and tables every document draws from the evaluation: the criterion lines with their
 * figures and evidence, the failing and missing criteria, the selection prerequisites, the plan's
 * dates and the criteria table of the appendix. Pure; nothing here invents what a person must write.
 */
import { excelDate, parseDayMonth, serialToVi } from '../engine/dates';
import type { CriterionResult, PrerequisiteResult } from '../engine/evaluate';
import { isBlank, rawText, type CellValue } from '../engine/values';
import type { Criterion, Indicator } from '../pack/schema';
import { evidenceId } from '../pack/workbookNames';
import type { PlanDay } from '../plan/schema';
import { BLANK, norm, type DossierContext } from './context';
import { bold, p, type Cell, type Para, type Run, type Table } from './model';

/** A value as a reader of the report expects it (dates dd/mm/yyyy, decimal comma, blank → "…"). */
export function formatIndicatorValue(ind: Pick<Indicator, 'type'>, v: CellValue | undefined): string {
  if (isBlank(v ?? null)) return BLANK;
  if (ind.type === 'date' && typeof v === 'number' && Number.isFinite(v) && v >= 1) return serialToVi(v);
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  return typeof v === 'string' ? norm(v) : rawText(v ?? null);
}

export const PREREQUISITE_STATES: Record<PrerequisiteResult['state'], string> = {
  met: 'đáp ứng',
  unmet: 'chưa đáp ứng',
  blank: 'chưa nhập',
  invalid: 'dữ liệu không hợp lệ',
};

/** A plan day in the evaluation year as dd/mm/yyyy. */
export function planDate(ctx: DossierContext, day: PlanDay | undefined): string | undefined {
  if (!day) return undefined;
  const { m, d } = parseDayMonth(day.dayMonth);
  return serialToVi(excelDate(ctx.evaluation.year + day.yearOffset, m, d));
}

/** "từ ngày 16/11/2024 đến ngày 15/11/2025" */
export function periodText(ctx: DossierContext): string {
  const { start, end } = ctx.evaluation.period;
  return `từ ngày ${serialToVi(start)} đến ngày ${serialToVi(end)}`;
}

export function criterionOf(ctx: DossierContext, id: string): Criterion | undefined {
  for (const g of ctx.pack.groups) for (const c of g.criteria) if (c.id === id) return c;
  return undefined;
}

/** "Tên chỉ số: giá trị" of a criterion (evidence excluded). */
export function figures(ctx: DossierContext, c: Criterion): string[] {
  return c.indicators.map((i) => `${i.label}: ${formatIndicatorValue(i, ctx.values[i.id])}`);
}

export function evidence(ctx: DossierContext, c: Criterion): string {
  return formatIndicatorValue({ type: 'text' }, ctx.values[evidenceId(c)]);
}

/** Why a criterion is not met (its deciding reasons), "" when it passes or does not apply. */
export function reasonsOf(r: CriterionResult): string {
  return r.status !== 'pass' && r.status !== 'na' && r.reasons.length ? r.reasons.join('; ') : '';
}

/** Criteria not met, with data missing or invalid (in pack order). */
export function shortfalls(ctx: DossierContext): CriterionResult[] {
  return ctx.evaluation.criteria.filter((c) => ['fail', 'missing', 'invalid'].includes(c.status));
}

/** "- TC3 (Tiêu đề): Không đạt — lý do" */
export function shortfallLine(r: CriterionResult): Para {
  const why = reasonsOf(r);
  return p([bold(`- ${r.id}`), { text: ` (${r.title}): ${r.label}${why ? ` — ${why}` : ''}.` }], {
    align: 'justify',
    firstLine: true,
    after: 3,
  });
}

/** "- Năm trước được công nhận …: đáp ứng" for each selection prerequisite. */
export function prerequisiteLines(ctx: DossierContext): Para[] {
  return ctx.evaluation.prerequisites.map((x) =>
    p(`- ${x.label}: ${PREREQUISITE_STATES[x.state]}.`, { align: 'justify', firstLine: true, after: 3 }),
  );
}

/** "đạt 33/34 tiêu chí áp dụng" */
export function tally(ctx: DossierContext): string {
  return `đạt ${ctx.evaluation.passed}/${ctx.evaluation.applicable} tiêu chí áp dụng`;
}

/** The verdict sentence, ineligibility included. */
export function verdictText(ctx: DossierContext): string {
  return `Kết luận đánh giá: ${ctx.evaluation.verdict.label}.`;
}

/** One criterion in the body of a report: heading line, then figures, evidence and reasons. */
export function criterionParas(ctx: DossierContext, c: Criterion): Para[] {
  const r = ctx.evaluation.criteria.find((x) => x.id === c.id);
  const head: Run[] = [bold(`${c.id}. ${c.title}: `), { text: r?.label ?? BLANK, italic: true }];
  const out: Para[] = [p(head, { align: 'justify', firstLine: true, after: 3, keepNext: true })];
  if (r?.status === 'na') return out;
  for (const f of figures(ctx, c)) out.push(p(`- ${f}`, { align: 'justify', firstLine: true, after: 0 }));
  out.push(p(`- Minh chứng: ${evidence(ctx, c)}`, { align: 'justify', firstLine: true, after: 0 }));
  const why = r ? reasonsOf(r) : '';
  if (why)
    out.push(
      p([{ text: `- Ghi chú: ${why}`, italic: true }], { align: 'justify', firstLine: true, after: 0 }),
    );
  const last = out.pop();
  if (last) out.push({ ...last, after: 6 });
  return out;
}

export const APPENDIX_COLUMNS = [14, 50, 22, 52, 27];
export const APPENDIX_HEADERS = ['TC', 'Nội dung tiêu chí', 'Kết quả', 'Số liệu', 'Minh chứng'];

const cellOf = (
  text: string,
  opts: { bold?: boolean; align?: Para['align']; keepNext?: boolean } = {},
): Cell => ({
  paras: text
    .split('\n')
    .map((t) =>
      p([{ text: t, bold: opts.bold }], { align: opts.align ?? 'left', after: 0, keepNext: opts.keepNext }),
    ),
});

/** The criteria table: one row per criterion, a shaded row per group, the header repeated. */
export function criteriaTable(ctx: DossierContext): Table {
  const rows: Cell[][] = [
    APPENDIX_HEADERS.map((h) => ({ ...cellOf(h, { bold: true, align: 'center' }), shade: true })),
  ];
  for (const g of ctx.pack.groups) {
    rows.push([
      {
        ...cellOf(`${roman(g.number)}. ${g.title}`, { bold: true, keepNext: true }),
        span: APPENDIX_COLUMNS.length,
        shade: true,
      },
    ]);
    for (const c of g.criteria) {
      const r = ctx.evaluation.criteria.find((x) => x.id === c.id);
      const why = r ? reasonsOf(r) : '';
      rows.push([
        cellOf(c.id, { align: 'center' }),
        cellOf(c.title),
        cellOf(r?.label ?? BLANK, { align: 'center', bold: r?.status === 'fail' }),
        cellOf([...figures(ctx, c), ...(why ? [`Ghi chú: ${why}`] : [])].join('\n')),
        cellOf(evidence(ctx, c)),
      ]);
    }
  }
  return { kind: 'table', columns: APPENDIX_COLUMNS, rows, borders: true, headerRows: 1, size: 11 };
}

export function roman(n: number): string {
  const table: Array<[number, string]> = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let x = n;
  for (const [v, s] of table)
    while (x >= v) {
      out += s;
      x -= v;
    }
  return out;
}
