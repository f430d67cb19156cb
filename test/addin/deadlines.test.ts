/**
 * The pane's pure helpers added for the review after Đánh giá: the upcoming deadlines of a sheet
 * under its plan, the list of what to fix (grouped, most severe first, counted), and the help page
 * covering every action in both languages.
 */
import { evaluate } from '../../src/engine/evaluate';
import { excelDate } from '../../src/engine/dates';
import { getBuiltinPack } from '../../src/pack/registry';
import { defaultPlan, getBuiltinPlan } from '../../src/plan/registry';
import { upcomingDeadlines } from '../../src/taskpane/deadlines';
import { HELP, HELP_TOPIC_IDS } from '../../src/taskpane/help';
import { renderHelpPage } from '../../src/taskpane/helpPage';
import { FIX_STATUSES, fixCount, fixGroups } from '../../src/taskpane/model';
import { fullPassValues } from '../helpers/samples';
import { at } from '../helpers/at';

const xa = getBuiltinPack('xa');
if (!xa) throw new Error('pack xa missing');

describe('upcoming deadlines', () => {
  it('lists the next dated requirements of criteria not met and the plan dates, soonest first, with days left', () => {
    const plan = defaultPlan(); // period 16/11 – 15/11, mid-year 15/06, review and dossier 30/11
    const today = excelDate(2026, 2, 1);
    const ev = evaluate(xa, { nam: 2026 }, { today, plan });
    const list = upcomingDeadlines(xa, plan, ev, today, 50);
    expect(list.length).toBeGreaterThan(3);
    for (let i = 1; i < list.length; i++)
      expect(at(list, i).date).toBeGreaterThanOrEqual(at(list, i - 1).date);
    for (const d of list) expect(d.daysLeft).toBe(d.date - today);
    // TC2: the Đảng ủy resolution is due within Quý I (31/03)
    const tc2 = list.find((d) => d.criterion?.id === 'TC2');
    expect(tc2).toMatchObject({ date: excelDate(2026, 3, 31), daysLeft: excelDate(2026, 3, 31) - today });
    // "het_ky" is the plan's period end
    expect(list.some((d) => d.criterion && d.date === excelDate(2026, 11, 15))).toBe(true);
    expect(list.filter((d) => d.plan).map((d) => [d.plan, d.date])).toEqual([
      ['midYear', excelDate(2026, 6, 15)],
      ['review', excelDate(2026, 11, 30)],
      ['dossier', excelDate(2026, 11, 30)],
    ]);
    // the default list is short
    expect(upcomingDeadlines(xa, plan, ev, today)).toEqual(list.slice(0, 5));
  });

  it('leaves out what has passed, criteria already met, and follows the plan of the sheet', () => {
    const plan = getBuiltinPlan('dong-thap-2023');
    if (!plan) throw new Error('plan missing');
    const today = excelDate(2025, 4, 10);
    const met = evaluate(xa, fullPassValues(xa, { year: 2025 }), { today, plan });
    const list = upcomingDeadlines(xa, plan, met, today, 50);
    expect(list.every((d) => d.date >= today)).toBe(true);
    expect(
      list.filter(
        (d) => d.criterion && met.criteria.find((c) => c.id === d.criterion?.id)?.status === 'pass',
      ),
    ).toEqual([]);
    // Đồng Tháp: period ends 15/10, the review is 15/10; the selection list (05/01) has passed
    expect(list.filter((d) => d.plan).map((d) => d.plan)).toEqual(['midYear', 'review']);
    expect(list.find((d) => d.plan === 'review')?.date).toBe(excelDate(2025, 10, 15));
  });
});

describe('what to fix after Đánh giá', () => {
  it('groups by status, most severe first, and counts what it lists', () => {
    const today = excelDate(2026, 2, 1);
    const ev = evaluate(xa, { nam: 2026, tc1_quan_triet: 'Không', tc3_cach_lam_hay: 'nhiều' }, { today });
    const groups = fixGroups(ev);
    expect(groups.map((g) => g.status)).toEqual(['fail', 'invalid', 'missing']);
    expect(at(groups, 0).criteria.map((c) => c.id)).toEqual(['TC1']);
    expect(at(groups, 1).criteria.map((c) => c.id)).toEqual(['TC3']);
    for (const g of groups) expect(g.criteria.every((c) => c.status === g.status)).toBe(true);
    const listed = ev.criteria.filter((c) => (FIX_STATUSES as readonly string[]).includes(c.status)).length;
    expect(fixCount(ev)).toBe(listed);
    expect(
      fixCount(evaluate(xa, fullPassValues(xa, { year: 2025 }), { today: excelDate(2025, 12, 31) })),
    ).toBe(0);
  });
});

describe('help page', () => {
  it('covers every action in Vietnamese and in English', () => {
    for (const lang of ['vi', 'en'] as const) {
      expect(HELP[lang].map((t) => t.id)).toEqual([...HELP_TOPIC_IDS]);
      for (const t of HELP[lang]) {
        expect(t.title.length).toBeGreaterThan(3);
        expect(t.paragraphs.join(' ').length).toBeGreaterThan(60);
      }
    }
    const vi = HELP.vi.map((t) => t.paragraphs.join(' ')).join(' ');
    for (const action of [
      'Chèn bảng tiêu chí',
      'Đánh giá',
      'Xóa đánh dấu',
      'Hồ sơ',
      'Tổng hợp',
      'Số liệu năm trước',
      'Kế hoạch',
    ])
      expect(`${HELP.vi.map((t) => t.title).join(' ')} ${vi}`).toContain(action);
  });
});

describe('help.html', () => {
  it('is rendered from the same texts, every topic in both languages, HTML-escaped', () => {
    const html = renderHelpPage();
    for (const lang of ['vi', 'en'] as const) {
      for (const t of HELP[lang]) {
        expect(html).toContain(`<section id="${lang}-${t.id}"><h3>`);
        expect(html).toContain(
          at(t.paragraphs, 0).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
        );
      }
    }
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).not.toMatch(/<script/i);
  });
});
