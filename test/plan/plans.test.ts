/**
 * The built-in plans (src/plan/builtin/*.json): each validates, traces its fields to the seed plans
 * (every «quoted» passage of `sources` occurs in the named lines of the named seed), and is
 * documented in docs/plans.md; `validatePlan` reports bad plans with their paths, in Vietnamese.
 * Seeds 000–002 are the copies under ../pack/fixtures, 003–004 under ./fixtures (byte-identical to
 * ../shared/seeds/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { BUILTIN_PLAN_SOURCES } from '../../src/plan/builtin';
import { DEFAULT_PLAN_ID, builtinPlans } from '../../src/plan/registry';
import { planSchema, type Plan } from '../../src/plan/schema';
import { planDayOrdinal, validatePlan } from '../../src/plan/validate';
import { getBuiltinPack } from '../../src/pack/registry';
import type { PackIssue } from '../../src/pack/validate';
import macDinh from '../../src/plan/builtin/mac-dinh.json';

const SEED_DIRS = [path.join(__dirname, 'fixtures'), path.join(__dirname, '..', 'pack', 'fixtures')];
const seedCache = new Map<string, string[]>();

/** Lines of seed NNN (1-based: index 0 is line 1). */
function seedLines(n: string): string[] {
  const hit = seedCache.get(n);
  if (hit) return hit;
  const dir = SEED_DIRS.find((d) => fs.existsSync(path.join(d, `seed-${n}.txt`)));
  if (!dir) throw new Error(`seed ${n} is not among the test fixtures`);
  const lines = fs.readFileSync(path.join(dir, `seed-${n}.txt`), 'utf8').split('\n');
  seedCache.set(n, lines);
  return lines;
}

/** Whitespace collapsed: the seeds break sentences across lines and pad them with spaces. */
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface Quote {
  seed: string;
  from: number;
  to: number;
  text: string;
}

/** `seed 002 l.123: «…»` and `seed 001 l.3–5: «…»`; any «…» not in that form is an error. */
function quotesOf(source: string): { quotes: Quote[]; unplaced: string[] } {
  const quotes: Quote[] = [];
  const placed = /seed (\d{3}) l\.(\d+)(?:–(\d+))?: «([^»]+)»/g;
  for (const m of source.matchAll(placed)) {
    const from = Number(m[2]);
    quotes.push({ seed: m[1] ?? '', from, to: m[3] === undefined ? from : Number(m[3]), text: m[4] ?? '' });
  }
  const unplaced = [...source.replace(placed, '').matchAll(/«([^»]*)»/g)].map((m) => m[1] ?? '');
  return { quotes, unplaced };
}

const plans = builtinPlans();
const rawById = new Map(BUILTIN_PLAN_SOURCES.map(({ data }) => [data.id, data as Record<string, unknown>]));

/** Fields a plan may trace in `sources`: every field of the schema except the bookkeeping ones. */
const ROLE_KEYS = ['reviewBody', 'proposer', 'signer', 'receiver', 'recogniser'];
const TRACED = [
  ...Object.keys(planSchema.shape).filter(
    (k) => !['schemaVersion', 'id', 'version', 'sources', 'roles'].includes(k),
  ),
  ...ROLE_KEYS.map((k) => `roles.${k}`),
];

describe('built-in plans', () => {
  test('every built-in plan validates; ids are unique; the default comes first', () => {
    for (const { file, data } of BUILTIN_PLAN_SOURCES) {
      const r = validatePlan(data);
      if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.issues)}`);
      expect(`${r.plan.id}.json`).toBe(file);
    }
    expect(new Set(plans.map((p) => p.id)).size).toBe(plans.length);
    expect(plans[0]?.id).toBe(DEFAULT_PLAN_ID);
    expect(plans.map((p) => p.id)).toEqual([
      'mac-dinh',
      'lai-chau-2024',
      'phong-tho-2024',
      'thanh-hoa-2023',
      'bac-quang-2024',
      'dong-thap-2023',
    ]);
  });

  test.each(plans.map((p) => [p.id, p] as const))(
    '%s: sources cover period, reviewDate, roles and every field present',
    (_id, plan) => {
      const sources = plan.sources;
      for (const k of ['period', 'reviewDate', ...ROLE_KEYS.map((r) => `roles.${r}`)])
        expect(sources[k]?.trim()).toBeTruthy();
      // every traced field that the plan has (or deliberately lacks) is explained
      const raw = rawById.get(plan.id) ?? {};
      for (const k of TRACED.filter((t) => !t.startsWith('roles.')))
        if (raw[k] !== undefined && !(k === 'parameters' && Object.keys(plan.parameters).length === 0))
          expect([k, sources[k]?.trim()]).toEqual([k, expect.any(String)]);
      // and nothing else: a key must name a field of the schema
      for (const k of Object.keys(sources)) expect(TRACED).toContain(k);
    },
  );

  test.each(plans.map((p) => [p.id, p] as const))(
    '%s: every «quoted» passage occurs in the named lines of the named seed',
    (_id, plan) => {
      let count = 0;
      for (const [field, source] of Object.entries(plan.sources)) {
        const { quotes, unplaced } = quotesOf(source);
        expect([field, unplaced]).toEqual([field, []]);
        for (const q of quotes) {
          const lines = seedLines(q.seed);
          expect(q.from).toBeGreaterThanOrEqual(1);
          expect(q.to).toBeGreaterThanOrEqual(q.from);
          expect(q.to).toBeLessThanOrEqual(lines.length);
          const passage = squash(lines.slice(q.from - 1, q.to).join(' '));
          if (!passage.includes(squash(q.text)))
            throw new Error(
              `${plan.id} sources.${field}: «${q.text}» is not in seed ${q.seed} l.${q.from}–${q.to}:\n${passage}`,
            );
          count++;
        }
      }
      // the presets quote their seed; the default cites public documents and a few seed lines
      expect(count).toBeGreaterThan(plan.id === DEFAULT_PLAN_ID ? 3 : 15);
    },
  );

  test.each(plans.map((p) => [p.id, p] as const))(
    '%s: dates are coherent (start < end ≤ review ≤ dossier; sơ kết inside the period)',
    (_id, plan) => {
      const start = planDayOrdinal(plan.period.start);
      const end = planDayOrdinal(plan.period.end);
      const review = planDayOrdinal(plan.reviewDate);
      expect(plan.period.end.yearOffset).toBe(0);
      expect(start).toBeLessThan(end);
      expect(review).toBeGreaterThanOrEqual(end);
      // a dossier due before the period ends would carry a provisional verdict
      if (plan.dossierDeadline) expect(planDayOrdinal(plan.dossierDeadline)).toBeGreaterThanOrEqual(review);
      if (plan.midYearDate) {
        expect(planDayOrdinal(plan.midYearDate)).toBeGreaterThan(start);
        expect(planDayOrdinal(plan.midYearDate)).toBeLessThan(end);
      }
    },
  );

  test.each(plans.map((p) => [p.id, p] as const))(
    '%s: packs, unit types and parameter overrides exist in the built-in packs',
    (_id, plan) => {
      for (const id of plan.packs) {
        const pack = getBuiltinPack(id);
        if (!pack) throw new Error(`${plan.id}: no built-in pack ${id}`);
        for (const t of plan.unitTypes?.[id] ?? []) expect(pack.unitTypes).toContain(t);
        for (const [name, value] of Object.entries(plan.parameters[id] ?? {}))
          expect([name, typeof pack.parameters[name]]).toEqual([name, typeof value]);
      }
      for (const id of Object.keys(plan.unitTypes ?? {})) expect(plan.packs).toContain(id);
    },
  );

  test('the seed readings: periods, deadlines and the Đồng Tháp prerequisite', () => {
    const by = (id: string): Plan => {
      const p = plans.find((x) => x.id === id);
      if (!p) throw new Error(id);
      return p;
    };
    const days = (p: Plan): string[] => [
      `${p.period.start.dayMonth}${p.period.start.yearOffset ? '-1' : ''}`,
      p.period.end.dayMonth,
      p.reviewDate.dayMonth,
    ];
    expect(days(by('mac-dinh'))).toEqual(['16/11-1', '15/11', '30/11']);
    expect(days(by('lai-chau-2024'))).toEqual(['01/01', '10/10', '10/10']);
    expect(days(by('phong-tho-2024'))).toEqual(['16/11-1', '15/11', '30/11']);
    expect(days(by('thanh-hoa-2023'))).toEqual(['26/10-1', '25/10', '25/10']);
    expect(days(by('bac-quang-2024'))).toEqual(['01/01', '05/11', '05/11']);
    expect(days(by('dong-thap-2023'))).toEqual(['16/10-1', '15/10', '15/10']);
    expect(by('dong-thap-2023').parameters).toEqual({
      xa: { phan_loai_toi_thieu: 'Xuất sắc' },
      coquan: { phan_loai_toi_thieu: 'Xuất sắc' },
    });
    expect(plans.filter((p) => p.prerequisitesGate).map((p) => p.id)).toEqual([
      'mac-dinh',
      'thanh-hoa-2023',
      'dong-thap-2023',
    ]);
  });

  test('docs/plans.md shows every plan and every source text', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'plans.md'), 'utf8');
    for (const plan of plans) {
      expect(doc).toContain(`\`${plan.id}\``);
      for (const [field, source] of Object.entries(plan.sources))
        if (!doc.includes(source.replace(/\|/g, '\\|'))) throw new Error(`${plan.id} sources.${field}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;
const base = (): Json => JSON.parse(JSON.stringify(macDinh)) as Json;
const obj = (v: unknown): Json => v as Json;

function issuesOf(data: unknown): PackIssue[] {
  const r = validatePlan(data);
  if (r.ok) throw new Error('expected validation to fail');
  return r.issues;
}
const VIETNAMESE = /[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/i;

describe('validatePlan: bad plans are reported with paths, in Vietnamese', () => {
  test('the default plan file itself is valid', () => {
    expect(validatePlan(base()).ok).toBe(true);
  });

  test.each<[string, (d: Json) => void, string, RegExp]>([
    [
      'end before start',
      (d) => {
        obj(d.period).start = { dayMonth: '16/11', yearOffset: 0 };
      },
      'period.end',
      /kết thúc kỳ phải sau ngày bắt đầu/,
    ],
    [
      'end in the next year',
      (d) => {
        obj(d.period).start = { dayMonth: '01/02', yearOffset: 0 };
        obj(d.period).end = { dayMonth: '31/01', yearOffset: 1 };
        d.reviewDate = { dayMonth: '15/02', yearOffset: 1 };
      },
      'period.end.yearOffset',
      /kết thúc trong năm đánh giá/,
    ],
    [
      'end in the year before',
      (d) => {
        obj(d.period).start = { dayMonth: '01/01', yearOffset: -1 };
        obj(d.period).end = { dayMonth: '31/12', yearOffset: -1 };
      },
      'period.end.yearOffset',
      /yearOffset 0/,
    ],
    [
      'review before the period end',
      (d) => {
        d.reviewDate = { dayMonth: '10/11', yearOffset: 0 };
      },
      'reviewDate',
      /không được trước ngày kết thúc kỳ/,
    ],
    [
      'a day that does not exist (31/02) would roll over in DATE()',
      (d) => {
        obj(d.period).end = { dayMonth: '31/02', yearOffset: 0 };
      },
      'period.end.dayMonth',
      /tháng 2 không có ngày 31/,
    ],
    [
      'the dossier due before the review',
      (d) => {
        d.dossierDeadline = { dayMonth: '20/11', yearOffset: 0 };
      },
      'dossierDeadline',
      /hạn gửi hồ sơ không được trước ngày họp xét/,
    ],
    [
      'the mid-year review outside the period',
      (d) => {
        d.midYearDate = { dayMonth: '20/11', yearOffset: 0 };
      },
      'midYearDate',
      /sơ kết 6 tháng phải nằm trong kỳ/,
    ],
    [
      'a period longer than a year',
      (d) => {
        obj(d.period).start = { dayMonth: '01/11', yearOffset: -1 };
      },
      'period.end',
      /dài hơn một năm/,
    ],
    [
      'a signer for a pack the plan does not apply to',
      (d) => {
        obj(obj(d.roles).signer).thon = { capacity: '', title: 'TRƯỞNG THÔN' };
      },
      'roles.signer.thon',
      /không áp dụng cho bộ tiêu chí “thon”/,
    ],
    [
      'no signer for a pack of the plan',
      (d) => {
        delete obj(obj(d.roles).signer).coquan;
      },
      'roles.signer',
      /thiếu người ký tờ trình cho bộ tiêu chí “coquan”/,
    ],
    [
      'no proposer for a pack of the plan',
      (d) => {
        delete obj(obj(d.roles).proposer).xa;
      },
      'roles.proposer',
      /thiếu cơ quan đề nghị cho bộ tiêu chí “xa”/,
    ],
    [
      'overrides for a pack the plan does not apply to',
      (d) => {
        d.parameters = { thon: { phan_loai_toi_thieu: 'Khá' } };
      },
      'parameters.thon',
      /không áp dụng/,
    ],
  ])('%s', (_name, mutate, wantPath, wantMessage) => {
    const d = base();
    mutate(d);
    const issues = issuesOf(d);
    const hit = issues.find((i) => i.path === wantPath);
    expect(hit?.message).toMatch(wantMessage);
    expect(hit?.message).toMatch(VIETNAMESE);
  });

  test('wrong types are reported at their paths, all at once', () => {
    const d = base();
    d.prerequisitesGate = 'có';
    d.packs = 'xa';
    obj(obj(d.period).start).dayMonth = '1/2';
    obj(d.reviewDate).yearOffset = 2;
    d.id = 'Mặc định';
    d.version = 'một';
    obj(obj(obj(d.roles).signer).xa).title = '';
    d.extra = true;
    const issues = issuesOf(d);
    const paths = issues.map((i) => i.path);
    for (const p of [
      'prerequisitesGate',
      'packs',
      'period.start.dayMonth',
      'reviewDate.yearOffset',
      'id',
      'version',
      'roles.signer.xa.title',
    ])
      expect(paths).toContain(p);
    expect(issues.length).toBeGreaterThanOrEqual(8);
    for (const i of issues) expect(i.message).toMatch(VIETNAMESE);
    expect(issues.find((i) => i.path === 'id')?.message).toMatch(/chữ thường không dấu/);
  });

  test('not an object at all', () => {
    for (const bad of [null, 42, 'kế hoạch', []]) {
      const issues = issuesOf(bad);
      expect(issues.length).toBeGreaterThan(0);
      for (const i of issues) expect(i.message).toMatch(VIETNAMESE);
    }
  });
});
