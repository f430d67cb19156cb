/**
 * `--lang en` says in English what a pack or plan file's validation finds (the shape check, the
 * cross-field checks, a kind's own checks, the plan's dates), an answers file's odd values, and
 * the consolidation's warnings; without it every line stays the Vietnamese it was, and the JSON
 * keeps its Vietnamese `message` / `warnings` with the English beside them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBuiltinPack } from '../../src/pack/registry';
import type { Pack } from '../../src/pack/schema';
import type { Values } from '../../src/engine/values';
import { validatePack } from '../../src/pack/validate';
import { validatePlan } from '../../src/plan/validate';
import { fullPassValues } from '../helpers/samples';
import { writeUnitWorkbook } from '../consolidate/fixtures';
import { at } from '../helpers/at';
import { tieuchi } from './run';

const VIETNAMESE = /[À-ỹ]/;
const ROOT = join(__dirname, '..', '..');
type Json = Record<string, unknown>;
const builtin = (path: string): Json => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Json;
const obj = (v: unknown): Json => v as Json;
const list = (v: unknown): unknown[] => v as unknown[];

/** A copy of the built-in pack `xa` with a mistake of each family. */
function brokenPack(): Json {
  const p = builtin('src/pack/builtin/xa.json');
  const groups = list(p.groups).map(obj);
  const crit = (g: number, c: number): Json => obj(list(at(groups, g).criteria)[c]);
  const req = (g: number, c: number, r: number): Json => obj(list(crit(g, c).requirements)[r]);
  p.version = 5; // wrong type
  delete p.title; // a missing field
  p.id = 'Goi-Xa'; // the schema's own message (id pattern)
  at(groups, 0).number = 3; // numbering
  crit(0, 0).id = 'TC9'; // criterion id against its number
  crit(1, 1).extra = 1; // an unknown field
  obj(list(p.profile)[0]).id = 'kq_tc1'; // a reserved name
  req(1, 0, 0).indicator = 'khong_co'; // an unknown indicator
  const reqs = groups.flatMap((g) => list(g.criteria).flatMap((c) => list(obj(c).requirements).map(obj)));
  const first = (kind: string): Json => {
    const r = reqs.find((x) => x.kind === kind);
    if (!r) throw new Error(`xa has no ${kind} requirement`);
    return r;
  };
  first('atLeast').min = -1.5; // a threshold (a kind's check)
  first('reduction').percent = 150; // a percentage
  first('datedDocument').to = '31/02'; // a day that does not exist
  first('complete').due = '1/3'; // the schema's day format
  first('rating').atLeast = 'Tuyệt vời'; // not a label of the scale (a kind's check)
  return p;
}

/** The built-in default plan with its dates broken (the shape is right). */
function brokenPlanDates(): Json {
  const p = builtin('src/plan/builtin/mac-dinh.json');
  const day = (dayMonth: string, yearOffset: number): Json => ({ dayMonth, yearOffset });
  p.period = { start: day('16/11', 0), end: day('15/11', 0) };
  p.midYearDate = day('15/12', 0);
  p.dossierDeadline = day('29/11', 0);
  obj(obj(p.roles).signer).khac = { capacity: '', title: 'X' };
  return p;
}

/** The default plan with its shape broken. */
function brokenPlanShape(): Json {
  const p = builtin('src/plan/builtin/mac-dinh.json');
  p.id = 'Ke Hoach';
  p.version = '1';
  delete p.title;
  obj(p.period).start = { dayMonth: '31/02', yearOffset: -1 };
  return p;
}

let dir = '';
const file = (name: string): string => join(dir, name);
const xa = getBuiltinPack('xa') as Pack;
const unit = (name: string, year: number): Values => ({
  ...fullPassValues(xa, { year }),
  ten_don_vi: name,
  loai_don_vi: 'Xã',
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tieuchi-issues-'));
  writeFileSync(file('goi.json'), JSON.stringify(brokenPack()));
  writeFileSync(file('ke-hoach-ngay.json'), JSON.stringify(brokenPlanDates()));
  writeFileSync(file('ke-hoach.json'), JSON.stringify(brokenPlanShape()));
  writeFileSync(
    file('tra-loi.json'),
    JSON.stringify({ pack: 'coquan', values: { tc1_quan_triet: { a: 1 }, khong_co: 1 }, ghi_chu: 'x' }),
  );
  mkdirSync(file('don-vi'));
  await writeUnitWorkbook(file('don-vi/a.xlsx'), xa, unit('An Phu', 2025));
  await writeUnitWorkbook(file('don-vi/b.xlsx'), xa, unit('Binh Minh', 2024));
  writeFileSync(file('roster.csv'), 'Tên đơn vị,Loại\r\nDong Hoa,Xã\r\n');
  writeFileSync(file('prior.json'), JSON.stringify({ year: 2023, units: [], targets: [] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The problem lines of `validate`'s output (after the first line). */
const problemLines = (out: string): string[] =>
  out
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.trim());

describe.each([
  ['pack', 'goi.json', 14],
  ['plan', 'ke-hoach-ngay.json', 4],
  ['plan', 'ke-hoach.json', 3],
] as const)('%s validate %s', (command, name, atLeast) => {
  test('every problem in English under --lang en, the Vietnamese unchanged without it', async () => {
    const e = await tieuchi([command, 'validate', file(name), '--lang', 'en']);
    const v = await tieuchi([command, 'validate', file(name)]);
    expect([e.status, v.status]).toEqual([1, 1]);
    const en = problemLines(e.stdout);
    const vi = problemLines(v.stdout);
    expect(en.length).toBeGreaterThanOrEqual(atLeast);
    expect(en).toHaveLength(vi.length);
    expect(e.stdout.split('\n')[0]).toMatch(/^".*" is not valid \(\d+ problems?\):$/);
    // the file's own data (quoted values, a scale's labels) is said as it is
    const ours = (l: string): string => l.replace(/“[^”]*”/g, '“”').replace(/expected one of: .*$/, '');
    for (const line of en) expect(ours(line)).not.toMatch(VIETNAMESE);
    // the paths are the same; the Vietnamese lines are the validator's messages as before
    expect(en.map((l) => l.split(': ')[0])).toEqual(vi.map((l) => l.split(': ')[0]));
    const r = command === 'pack' ? validatePack(JSON.parse(readFileSync(file(name), 'utf8'))) : undefined;
    if (r && !r.ok) expect(vi).toEqual(r.issues.map((i) => `${i.path}: ${i.message}`));
  });
});

test('the pack: each family of mistake said in English', async () => {
  const { stdout } = await tieuchi(['pack', 'validate', file('goi.json'), '--lang', 'en']);
  const lines = problemLines(stdout);
  for (const expected of [
    'version: wrong type: text (a string) expected, got the number 5',
    'title: a required field is missing (text (a string) expected)',
    'id: an id may contain only unaccented lowercase letters, digits and underscores, must start with a letter and be at most 64 characters long',
    'groups[1].criteria[1].extra: the field “extra” is not supported',
    "profile[0].id: this id cannot be used: “kq_tc1” is the name of a criterion's result cell (kq_tcN) in the workbook",
    'groups[0].number: groups must be numbered in sequence from 1: 1 expected, it is 3',
    'groups[0].criteria[0].id: the criterion id “TC9” does not match its number 1 (“TC1” expected)',
    'groups[1].criteria[0].requirements[0].indicator: the indicator “khong_co” does not exist in the pack',
  ])
    expect(lines).toContain(expected);
  for (const pattern of [
    /: the minimum must be a non-negative whole number; it is -1\.5$/,
    /: a percentage must be greater than 0 and at most 100; it is 150$/,
    /\.to: the day “31\/02” is not valid: month 2 has no day 31$/,
    /\.due: a day must be written DD\/MM, e\.g\. 31\/03$/,
    /\.atLeast: “Tuyệt vời” is not in the scale “\w+”; expected one of: /,
  ])
    expect(lines.some((l) => pattern.test(l))).toBe(true);
});

test('every problem of the broken files has a key of the table (none passed through as text)', () => {
  const packIssues = validatePack(brokenPack());
  const planIssues = [validatePlan(brokenPlanDates()), validatePlan(brokenPlanShape())];
  for (const r of [packIssues, ...planIssues]) {
    expect(r.ok).toBe(false);
    if (!r.ok) for (const i of r.issues) expect(`${i.path}: ${i.key}`).not.toMatch(/zod\.other$/);
  }
});

test('the plan: dates and the schema said in English', async () => {
  const d = problemLines(
    (await tieuchi(['plan', 'validate', file('ke-hoach-ngay.json'), '--lang', 'en'])).stdout,
  );
  expect(d).toEqual(
    expect.arrayContaining([
      'period.end: the period must end after it starts',
      'midYearDate: the mid-year review must fall within the evaluation period',
      'roles.signer.khac: the plan does not apply to the criteria pack “khac”',
    ]),
  );
  const s = problemLines((await tieuchi(['plan', 'validate', file('ke-hoach.json'), '--lang', 'en'])).stdout);
  expect(s).toEqual(
    expect.arrayContaining([
      'id: a plan id may contain only unaccented lowercase letters, digits and hyphens',
      'version: a version must be written 1.0 or 1.0.0',
      'title: a required field is missing (text (a string) expected)',
    ]),
  );
});

const ANSWERS = [
  [
    'tệp khai báo bộ tiêu chí "coquan" nhưng đang đánh giá theo bộ "xa"',
    'the file declares the criteria pack "coquan" but is evaluated with "xa"',
  ],
  [
    'trường "ghi_chu" không được dùng (chỉ dùng "pack" và "values"), bỏ qua',
    'the field "ghi_chu" is not used (only "pack" and "values" are); ignored',
  ],
  [
    'giá trị của "tc1_quan_triet" phải là số, chuỗi, true/false hoặc null',
    'the value of "tc1_quan_triet" must be a number, a string, true/false or null',
  ],
  [
    'không có chỉ số "khong_co" trong bộ tiêu chí "xa" (bỏ qua)',
    'the criteria pack "xa" has no indicator "khong_co" (ignored)',
  ],
] as const;

test('an answers file with odd values: its problems in the chosen language; --json carries both', async () => {
  const flat = (s: string): string => s.replace(/\s+/g, ' ');
  const args = ['check', file('tra-loi.json'), '--pack', join(ROOT, 'src/pack/builtin/xa.json')];
  const e = await tieuchi([...args, '--lang', 'en']);
  const v = await tieuchi(args);
  for (const [vi, en] of ANSWERS) {
    expect(flat(e.stdout)).toContain(`• ${en}`);
    expect(en).not.toMatch(VIETNAMESE);
    expect(flat(v.stdout)).toContain(`• ${vi}`);
    expect(e.stdout).not.toContain(vi);
  }
  const json = JSON.parse((await tieuchi([...args, '--json', '--lang', 'en'])).stdout) as {
    warnings: Array<{ code: string; message: string; messageEn?: string }>;
  };
  const input = json.warnings.filter((w) => w.code === 'du_lieu_vao');
  expect(input.map((w) => [w.message, w.messageEn])).toEqual(ANSWERS.map(([vi, en]) => [vi, en]));
});

const WARNINGS = [
  [
    'Các bảng tính thuộc nhiều năm (2024, 2025): tổng hợp năm 2025; 1 bảng tính của năm khác được đánh dấu và không tính vào số liệu.',
    'The workbooks belong to several years (2024, 2025): the summary covers 2025; workbooks of another year (1) are marked and left out of the figures.',
  ],
  ['1 đơn vị không có trong danh sách đơn vị: “An Phu”.', 'Units not in the roster (1): “An Phu”.'],
  [
    'Bảng tổng hợp dùng để so sánh là của năm 2023, không phải năm 2024 (năm trước năm tổng hợp 2025).',
    'The summary used for comparison is for 2023, not 2024 (the year before the summary year 2025).',
  ],
] as const;

test('consolidate: its warnings in the chosen language; --json keeps warnings and adds warningsEn', async () => {
  const flat = (s: string): string => s.replace(/\s+/g, ' ');
  const args = [
    'consolidate',
    file('don-vi'),
    '--roster',
    file('roster.csv'),
    '--prior-summary',
    file('prior.json'),
  ];
  const e = await tieuchi([...args, '--lang', 'en']);
  const v = await tieuchi(args);
  expect([e.status, v.status]).toEqual([0, 0]);
  for (const [vi, en] of WARNINGS) {
    expect(flat(e.stdout)).toContain(en);
    expect(en).not.toMatch(VIETNAMESE);
    expect(flat(v.stdout)).toContain(vi);
    expect(flat(e.stdout)).not.toContain(vi);
  }
  const json = JSON.parse((await tieuchi([...args, '--json', '--lang', 'en'])).stdout) as {
    warnings: string[];
    warningsEn: string[];
  };
  expect([json.warnings, json.warningsEn]).toEqual([WARNINGS.map((w) => w[0]), WARNINGS.map((w) => w[1])]);
});
