/**
 * The upcoming deadlines of a criteria sheet under its plan: the next dated requirements of the
 * criteria not yet met (a pack requirement's `due` day of year `nam`, `het_ky` = the plan's period
 * end, a dated document's last day) and the plan's own dates (mid-year review, review meeting,
 * selection list and dossier deadlines), with the days left from today. Pure: the pane passes today.
 */
import type { Evaluation } from '../engine/evaluate';
import { excelDate, parseDayMonth } from '../engine/dates';
import { deadlineOf, PERIOD_END_DUE } from '../kinds';
import type { Pack } from '../pack/schema';
import type { Plan, PlanDay } from '../plan/schema';

export type PlanDateKind = 'midYear' | 'selection' | 'review' | 'dossier';

export interface Deadline {
  /** Excel serial of the day */
  date: number;
  /** days from today (0 = today) */
  daysLeft: number;
  /** a criterion's requirement, or one of the plan's dates */
  criterion?: { id: string; title: string };
  plan?: PlanDateKind;
}

function dayOfYear(dm: string, year: number): number {
  const { m, d } = parseDayMonth(dm);
  return excelDate(year, m, d);
}

function planDay(d: PlanDay, year: number): number {
  return dayOfYear(d.dayMonth, year + d.yearOffset);
}

/**
 * The next `limit` deadlines on or after today, soonest first. Criteria already met or not
 * applicable are left out: their deadlines no longer ask anything of the unit.
 */
export function upcomingDeadlines(
  pack: Pack,
  plan: Plan,
  evaluation: Pick<Evaluation, 'year' | 'period' | 'criteria'>,
  today: number,
  limit = 5,
): Deadline[] {
  const year = evaluation.year;
  const open = new Map(
    evaluation.criteria.filter((c) => c.status !== 'pass' && c.status !== 'na').map((c) => [c.id, c]),
  );
  const out: Deadline[] = [];
  for (const g of pack.groups) {
    for (const c of g.criteria) {
      const result = open.get(c.id);
      if (!result) continue;
      // one line per criterion: its earliest deadline still ahead
      let best: number | undefined;
      for (const r of c.requirements) {
        const due = deadlineOf(r);
        if (due === undefined) continue;
        const date = due === PERIOD_END_DUE ? evaluation.period.end : dayOfYear(due, year);
        if (date >= today && (best === undefined || date < best)) best = date;
      }
      if (best !== undefined) {
        out.push({ date: best, daysLeft: best - today, criterion: { id: c.id, title: result.title } });
      }
    }
  }
  const planDates: Array<[PlanDateKind, PlanDay | undefined]> = [
    ['midYear', plan.midYearDate],
    ['selection', plan.selectionDeadline],
    ['review', plan.reviewDate],
    ['dossier', plan.dossierDeadline],
  ];
  for (const [kind, d] of planDates) {
    if (!d) continue;
    const date = planDay(d, year);
    if (date >= today) out.push({ date, daysLeft: date - today, plan: kind });
  }
  // stable: equal dates keep pack order, plan dates after the criteria due that day
  return out
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.date - b.d.date || a.i - b.i)
    .slice(0, limit)
    .map(({ d }) => d);
}
