/**
 * The built-in packs against the product spec (ids are a public contract) and the official wording
 * of QĐ 9745 Phụ lục I/II (seed 002). The spec and the seed are copied under ./fixtures so the test
 * is self-contained.
 */
import { fullPassValues } from '../helpers/samples';
import * as fs from 'fs';
import * as path from 'path';
import { compilePack, isRead } from '../../src/engine/compile';
import { excelDate } from '../../src/engine/dates';
import { evaluate } from '../../src/engine/evaluate';
import type { Values } from '../../src/engine/values';
import type { StatusExpr } from '../../src/engine/ast';
import type { StatusCode } from '../../src/engine/status';
import coquanData from '../../src/pack/builtin/coquan.json';
import xaData from '../../src/pack/builtin/xa.json';
import { BUILTIN_PACK_IDS, builtinPacks, getBuiltinPack } from '../../src/pack/registry';
import type { Criterion, Pack } from '../../src/pack/schema';
import { formatIssues, validatePack } from '../../src/pack/validate';
import { at } from '../helpers/at';

const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const SPEC = fixture('criteria-9745.md');
const SEED = fixture('seed-002.txt');
/** Seeds 000/001 (Lai Châu 2024) repeat Phụ lục I in their own words and show some wording correctly. */
const SEEDS: Record<'000' | '001' | '002', string> = {
  '000': fixture('seed-000.txt'),
  '001': fixture('seed-001.txt'),
  '002': SEED,
};

/**
 * Wording corrections against seed 002 (docs/packs.md, "Sửa lỗi chính tả so với văn bản nguồn"):
 * seed 002's own transcription defects, each shown correctly by another seed. Applied in order to
 * criterion N's passage of seed 002, they must give the pack text exactly; `shown` is a passage of
 * the cited seed (whitespace collapsed, Markdown `*` removed) that has the correct form.
 */
interface Correction {
  pack: 'xa' | 'coquan';
  criterion: string;
  from: string;
  to: string;
  /** occurrences of `from` in the criterion's passage of seed 002 (default 1) */
  count?: number;
  seed: '000' | '001' | '002';
  shown: string;
}
const ANTT = 'phong trào toàn dân bảo vệ ANTT';
const ANTQ = 'phong trào toàn dân bảo vệ ANTQ';
const CORRECTIONS: Correction[] = [
  {
    pack: 'xa',
    criterion: 'TC2',
    from: ANTT,
    to: ANTQ,
    count: 2,
    seed: '001',
    shown: 'chương trình công tác xây dựng phong trào toàn dân bảo vệ ANTQ, triển khai',
  },
  {
    pack: 'xa',
    criterion: 'TC2',
    from: 'ANTQ ...)',
    to: 'ANTQ...).',
    seed: '001',
    shown: 'phát động phong trào toàn dân bảo vệ ANTQ...).',
  },
  {
    pack: 'xa',
    criterion: 'TC3',
    from: ANTT,
    to: ANTQ,
    count: 2,
    seed: '001',
    shown: 'xây dựng phong trào toàn dân bảo vệ ANTQ; trong năm duy trì',
  },
  {
    pack: 'xa',
    criterion: 'TC4',
    from: ANTT,
    to: ANTQ,
    seed: '001',
    shown: 'xây dựng phong trào toàn dân bảo vệ ANTQ trên địa bàn.',
  },
  {
    pack: 'xa',
    criterion: 'TC5',
    from: 'theo quy định 11-QĐi/TW',
    to: 'theo quy định số 11-QĐi/TW',
    seed: '000',
    shown: 'đột xuất theo quy định số 11-QĐi/TW ngày 18/02/2019',
  },
  {
    pack: 'xa',
    criterion: 'TC7',
    from: '“Tổng kết năm Nhân dân',
    to: 'Tổng kết năm, Nhân dân',
    seed: '001',
    shown: '- Tổng kết năm, Nhân dân và cán bộ xã, thị trấn',
  },
  {
    pack: 'xa',
    criterion: 'TC7',
    from: '(bằng khen hoặc giấy khen)',
    to: '(bằng khen hoặc giấy khen).',
    seed: '000',
    shown: 'BVANTQ (bằng khen hoặc giấy khen).',
  },
  {
    pack: 'xa',
    criterion: 'TC10',
    from: 'người”(ngày 30/07)',
    to: 'người” (ngày 30/07)',
    seed: '000',
    shown: '“Ngày phòng, chống mua bán người” (30/7)',
  },
  {
    pack: 'xa',
    criterion: 'TC10',
    from: 'phát động và nội dung',
    to: 'phát động với nội dung',
    seed: '001',
    shown: 'do địa phương phát động với nội dung, hình thức phù hợp',
  },
  {
    pack: 'xa',
    criterion: 'TC17',
    from: '“Tín dụng đen”',
    to: '“Tín dụng đen”.',
    seed: '000',
    shown: 'liên quan đến “Tín dụng đen”.',
  },
  {
    pack: 'xa',
    criterion: 'TC18',
    from: 'Kiểm chế',
    to: 'Kiềm chế',
    seed: '001',
    shown: '- Kiềm chế hoặc giảm ít nhất 5% số vụ',
  },
  {
    pack: 'xa',
    criterion: 'TC18',
    from: '5 %',
    to: '5%',
    seed: '000',
    shown: 'giảm ít nhất 5% số vụ phạm tội',
  },
  {
    pack: 'xa',
    criterion: 'TC18',
    from: 'so với năm trước',
    to: 'so với năm trước.',
    seed: '000',
    shown: 'về trật tự xã hội so với năm trước.',
  },
  {
    pack: 'xa',
    criterion: 'TC25',
    from: ANTT,
    to: ANTQ,
    seed: '001',
    shown: 'xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc; tổ chức thực hiện',
  },
  {
    pack: 'xa',
    criterion: 'TC26',
    from: ANTT,
    to: ANTQ,
    seed: '000',
    shown: 'bảo đảm an ninh, trật tự và xây dựng phong trào toàn dân BVANTQ.',
  },
  {
    pack: 'xa',
    criterion: 'TC27',
    from: 'phối hợp tốt chức',
    to: 'phối hợp tổ chức',
    seed: '000',
    shown: 'Hướng dẫn hoặc phối hợp tổ chức tập huấn chuyên môn',
  },
  {
    pack: 'xa',
    criterion: 'TC27',
    from: 'hướng dân hoặc',
    to: 'hướng dẫn hoặc',
    seed: '000',
    shown: 'Trong năm hướng dẫn hoặc phối hợp tổ chức tập huấn',
  },
  {
    pack: 'xa',
    criterion: 'TC29',
    from: 'dưới 1,5%',
    to: 'dưới 1,5%.',
    seed: '000',
    shown: 'tỷ lệ tái phạm hằng năm dưới 1,5%.',
  },
  {
    pack: 'coquan',
    criterion: 'TC5',
    from: 'người”(ngày 30/07)',
    to: 'người” (ngày 30/07)',
    seed: '000',
    shown: '“Ngày phòng, chống mua bán người” (30/7)',
  },
  {
    pack: 'coquan',
    criterion: 'TC5',
    from: 'phát động và nội dung',
    to: 'phát động với nội dung',
    seed: '000',
    shown: 'do cơ quan, doanh nghiệp, cơ sở giáo dục phát động với nội dung',
  },
  {
    pack: 'coquan',
    criterion: 'TC7',
    from: ANTT,
    to: ANTQ,
    seed: '002',
    shown: 'điển hình tiên tiến trong phong trào toàn dân bảo vệ ANTQ.',
  },
  {
    pack: 'coquan',
    criterion: 'TC8',
    from: ANTT,
    to: ANTQ,
    seed: '002',
    shown: 'Đánh giá, phân loại phong trào toàn dân bảo vệ ANTQ đạt loại “Xuất sắc”',
  },
  {
    pack: 'coquan',
    criterion: 'TC14',
    from: ANTT,
    to: ANTQ,
    seed: '002',
    shown: 'bảo đảm ANTT và công tác xây dựng phong trào toàn dân bảo vệ ANTQ;',
  },
];

function pack(id: string): Pack {
  const p = getBuiltinPack(id);
  if (!p) throw new Error(`no built-in pack ${id}`);
  return p;
}
const criteria = (p: Pack): Criterion[] => p.groups.flatMap((g) => g.criteria);
const indicatorIds = (p: Pack): string[] => criteria(p).flatMap((c) => c.indicators.map((i) => i.id));
const crit = (p: Pack, id: string): Criterion => {
  const c = criteria(p).find((x) => x.id === id);
  if (!c) throw new Error(`no ${id} in ${p.id}`);
  return c;
};

/** Text normalisation used for the criteria texts: no tags, single spaces, no padding inside “ ”. */
function norm(s: string): string {
  return s
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .replace(/“ /g, '“')
    .replace(/ ”/g, '”')
    .trim();
}

/** A seed as plain text: Markdown emphasis removed, whitespace collapsed. */
function seedText(s: string): string {
  return s.replace(/\*/g, '').replace(/\s+/g, ' ');
}

/** Criterion N's passage of a normalised Phụ lục section: after "Tiêu chí N " up to the next "Tiêu chí ". */
function seedPassage(section: string, n: number): string {
  const head = `Tiêu chí ${n} `;
  const start = section.indexOf(head);
  if (start < 0) throw new Error(`Tiêu chí ${n} not found in the seed`);
  const next = section.indexOf('Tiêu chí ', start + head.length);
  return section.slice(start + head.length, next < 0 ? undefined : next).trim();
}

/** Section of the spec between a `## ` heading starting with `heading` and the next `## `. */
function specSection(heading: string): string {
  const start = SPEC.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`spec section ${heading} not found`);
  const end = SPEC.indexOf('\n## ', start + 3);
  return SPEC.slice(start, end < 0 ? undefined : end);
}

/** Backticked ids of the id column (the second cell) of the indicator tables of a section. */
function specPackIds(section: string): Set<string> {
  const ids = new Set<string>();
  for (const line of section.split('\n')) {
    if (!line.startsWith('|') || line.startsWith('| crit') || line.startsWith('|---')) continue;
    const cells = line.split('|');
    for (const m of (cells[2] ?? '').matchAll(/`([a-z0-9_]+)`/g)) ids.add(at(m, 1));
  }
  return ids;
}

function specProfileIds(packId: string): Set<string> {
  const ids = new Set<string>();
  for (const line of specSection('Profile').split('\n')) {
    if (!line.startsWith('| `')) continue;
    const cells = line.split('|');
    const id = /`([a-z0-9_]+)`/.exec(cells[1] ?? '')?.[1];
    if (!id) continue;
    const only = /pack `([a-z]+)` only/.exec(cells[4] ?? '')?.[1];
    if (!only || only === packId) ids.add(id);
  }
  return ids;
}

describe('built-in packs', () => {
  test('both validate without issues', () => {
    for (const data of [xaData, coquanData]) {
      const r = validatePack(data);
      if (!r.ok) throw new Error(formatIssues(r.issues));
      expect(r.ok).toBe(true);
    }
  });

  test('registry: ids, lookup, same objects on every call', () => {
    expect(builtinPacks().map((p) => p.id)).toEqual(['xa', 'coquan']);
    expect(BUILTIN_PACK_IDS).toEqual(['xa', 'coquan']);
    expect(builtinPacks()[0]).toBe(builtinPacks()[0]);
    expect(getBuiltinPack('coquan')).toBe(builtinPacks()[1]);
    expect(getBuiltinPack('khong_co')).toBeUndefined();
  });

  test('counts: xa 34 criteria in 4 groups, coquan 14 in 3; version and schema version', () => {
    const xa = pack('xa');
    const cq = pack('coquan');
    expect(xa.groups.map((g) => g.criteria.length)).toEqual([7, 8, 9, 10]);
    expect(cq.groups.map((g) => g.criteria.length)).toEqual([8, 2, 4]);
    expect(criteria(xa).map((c) => c.id)).toEqual(Array.from({ length: 34 }, (_, i) => `TC${i + 1}`));
    expect(criteria(cq).map((c) => c.id)).toEqual(Array.from({ length: 14 }, (_, i) => `TC${i + 1}`));
    for (const p of [xa, cq]) {
      expect(p.version).toBe('1.0.0');
      expect(p.schemaVersion).toBe(1);
    }
    expect(xa.title).toContain('xã, phường, thị trấn, đặc khu');
    expect(cq.title).toContain('cơ quan, doanh nghiệp, cơ sở giáo dục');
  });

  test.each([
    ['xa', 'Pack `xa`', 83],
    ['coquan', 'Pack `coquan`', 35],
  ])('contract: indicator ids of %s equal the spec tables', (id, heading, count) => {
    const fromSpec = specPackIds(specSection(heading));
    const p = pack(id);
    expect(new Set(indicatorIds(p))).toEqual(fromSpec);
    expect(indicatorIds(p)).toHaveLength(fromSpec.size); // no duplicates
    expect(fromSpec.size).toBe(count);
    expect(new Set(p.profile.map((i) => i.id))).toEqual(specProfileIds(id));
  });

  test('contract parser sees the one-row TC5 of coquan and the coquan-only profile field', () => {
    const ids = specPackIds(specSection('Pack `coquan`'));
    for (const k of [
      'moi_truong',
      'ma_tuy_ngay',
      'ma_tuy_thang',
      'mua_ban_nguoi',
      'ngay_hoi',
      'atgt',
      'pccc',
    ]) {
      expect(ids.has(`tc5_${k}`)).toBe(true);
    }
    expect(specProfileIds('coquan').has('co_to_chuc_dang')).toBe(true);
    expect(specProfileIds('xa').has('co_to_chuc_dang')).toBe(false);
  });

  test.each([
    ['xa', '**Phụ lục I**', '**Phụ lục II**'],
    ['coquan', '**Phụ lục II**', undefined],
  ])(
    'criterion texts of %s are the wording of seed 002 with exactly the listed corrections',
    (id, from, to) => {
      const start = SEED.indexOf(from);
      const raw = SEED.slice(start, to ? SEED.indexOf(to, start + 1) : undefined);
      const section = norm(raw);
      // what may follow a criterion's passage: nothing, the closing "/.", or the next group's heading
      const headings = [...raw.matchAll(/<b>([^<]+)<\/b>/g)]
        .map((m) => norm(at(m, 1)))
        .filter((h) => !/^[0-9]+$/.test(h));
      const allowedRest = new Set(['', '/.', ...headings]);
      for (const c of criteria(pack(id))) {
        expect(c.text).toBe(norm(c.text)); // stored normalised
        expect(c.text).not.toMatch(/[<>]/);
        expect(c.text.length).toBeGreaterThan(30);
        expect(c.title.length).toBeLessThanOrEqual(60);
        let passage = seedPassage(section, c.number);
        for (const k of CORRECTIONS.filter((x) => x.pack === id && x.criterion === c.id)) {
          expect([c.id, k.from, passage.split(k.from).length - 1]).toEqual([c.id, k.from, k.count ?? 1]);
          passage = passage.split(k.from).join(k.to);
          expect(c.text).toContain(k.to);
        }
        expect([c.id, passage.slice(0, c.text.length)]).toEqual([c.id, c.text]);
        expect([c.id, allowedRest.has(passage.slice(c.text.length).trim())]).toEqual([c.id, true]);
      }
    },
  );

  test('every correction cites a passage of its seed that shows the correct form', () => {
    for (const k of CORRECTIONS) {
      expect([k.criterion, k.shown, seedText(SEEDS[k.seed]).includes(k.shown)]).toEqual([
        k.criterion,
        k.shown,
        true,
      ]);
      expect(crit(pack(k.pack), k.criterion).text).toContain(k.to);
    }
    // a correction that no longer applies would be caught above; a duplicate would be a no-op
    expect(new Set(CORRECTIONS.map((k) => `${k.pack} ${k.criterion} ${k.from}`)).size).toBe(
      CORRECTIONS.length,
    );
  });

  test('titles keep "Bộ Tiêu chí tạm thời"; labels and titles say "Công an cấp xã"; TC26 lists thôn, ấp, bản', () => {
    for (const p of builtinPacks()) {
      expect(p.title.startsWith('Bộ Tiêu chí tạm thời xây dựng ')).toBe(true);
      const names = criteria(p).flatMap((c) => [c.title, ...c.indicators.map((i) => i.label)]);
      // "Công an xã bán chuyên trách" is the name of a force in the criterion's own wording (TC11)
      expect(names.filter((n) => /Công an xã(?! bán chuyên trách)/.test(n))).toEqual([]);
    }
    const tc26 = crit(pack('xa'), 'TC26');
    expect(tc26.title).toContain('thôn, ấp, bản, tổ dân phố');
    expect(tc26.indicators.find((i) => i.id === 'tc26_thon_tong')?.label).toContain(
      'thôn, ấp, bản, tổ dân phố',
    );
    expect(crit(pack('xa'), 'TC34').title).toBe('Xếp loại Công an cấp xã');
  });

  test('every criterion carries guidance: evidence, fixes for the statuses it can reach, a source', () => {
    // statuses a criterion can give besides pass/na: not_due only where its compiled rule tree (its
    // kinds' meaning) has a "not yet due" leaf
    const leaves = (e: StatusExpr): StatusCode[] =>
      e.t === 'leaf' ? [e.status] : [...leaves(e.then), ...leaves(e.else)];
    const all = builtinPacks().flatMap((p) =>
      compilePack(p).criteria.map(({ criterion: c, requirements }) => ({
        key: `${p.id} ${c.id}`,
        c,
        dueAble: requirements.some((r) => leaves(r.expr).includes('not_due')),
      })),
    );
    expect(all).toHaveLength(48);
    expect(all.filter((x) => x.dueAble).length).toBeGreaterThan(10);
    for (const { key, c, dueAble } of all) {
      const g = c.guidance;
      if (!g) throw new Error(`${key}: no guidance`);
      expect([key, Object.keys(g.fix).sort()]).toEqual([
        key,
        (dueAble ? ['fail', 'invalid', 'missing', 'not_due'] : ['fail', 'invalid', 'missing']).sort(),
      ]);
      expect([key, g.source]).toEqual([
        key,
        expect.stringMatching(/^QĐ 9745\/QĐ-BCA-V05, Phụ lục (I|II), Tiêu chí [0-9]+ /),
      ]);
      expect(g.source).toContain(`Tiêu chí ${c.number} `);
      for (const t of [g.evidence, ...Object.values(g.fix), g.source ?? '']) {
        expect([key, t === t.normalize('NFC'), /\s{2}/.test(t), t === t.trim()]).toEqual([
          key,
          true,
          false,
          true,
        ]);
        expect([key, t.length >= 20 && t.length <= 300]).toEqual([key, true]);
      }
      for (const t of [g.evidence, ...Object.values(g.fix)]) expect(t).toMatch(/[.)”]$/u); // sentences
    }
  });

  test('guidance says when the source documents are silent, and never invents a deadline', () => {
    const texts = builtinPacks().flatMap((p) =>
      criteria(p).flatMap((c) => (c.guidance ? [c.guidance.evidence, ...Object.values(c.guidance.fix)] : [])),
    );
    expect(texts.filter((t) => t.startsWith('Văn bản nguồn không quy định')).length).toBeGreaterThan(10);
    // dated days named in the guidance are the criteria's own, or the one deadline quoted from a plan
    const days = new Set(
      texts.flatMap((t) => [...t.matchAll(/\b([0-9]{2}\/[0-9]{1,2})\b/g)].map((m) => m[1])),
    );
    expect([...days].sort()).toEqual(
      ['01/01', '04/10', '05/11', '05/6', '19/8', '26/6', '30/7', '31/03'].sort(),
    );
  });

  test('page-broken rows are joined (xa TC14, coquan TC5)', () => {
    expect(crit(pack('xa'), 'TC14').text).toContain(
      '01 lượt cá nhân được các cấp, ngành, địa phương tặng bằng khen',
    );
    expect(crit(pack('coquan'), 'TC5').text).toContain('nội dung, hình thức phù hợp, được đông đảo');
  });

  test('every non-text indicator is read by a requirement (totals as the whole of `complete`)', () => {
    for (const p of builtinPacks()) {
      const compiled = compilePack(p);
      for (const c of criteria(p)) {
        for (const ind of c.indicators)
          expect([p.id, ind.id, isRead(compiled, ind.id)]).toEqual([p.id, ind.id, true]);
      }
    }
    const wholes = (p: Pack): string[] =>
      criteria(p).flatMap((c) => c.requirements.flatMap((r) => (r.kind === 'complete' ? [r.whole] : [])));
    expect(wholes(pack('xa'))).toEqual(
      expect.arrayContaining([
        'tc6_to_chuc_tong',
        'tc20_co_so_tong',
        'tc29_doi_tuong_tong',
        'tc26_thon_tong',
      ]),
    );
  });

  test('TC10 (xa) and TC5 (coquan): seven dated events with the same due dates', () => {
    const due = (c: Criterion): Record<string, string> =>
      Object.fromEntries(
        c.requirements.map((r) => {
          if (r.kind !== 'datedEvent') throw new Error(`unexpected ${r.kind}`);
          return [r.indicator.replace(/^tc[0-9]+_/, ''), r.due];
        }),
      );
    const expected = {
      moi_truong: '05/06',
      ma_tuy_ngay: '26/06',
      ma_tuy_thang: '30/06',
      mua_ban_nguoi: '30/07',
      ngay_hoi: '19/08',
      atgt: '30/09',
      pccc: '04/10',
    };
    expect(due(crit(pack('xa'), 'TC10'))).toEqual(expected);
    expect(due(crit(pack('coquan'), 'TC5'))).toEqual(expected);
  });

  test('TC2: documents dated in Quý I; TC5/TC12 monthly with at most 12 months', () => {
    const xa = pack('xa');
    const docs = criteria(xa)
      .concat(criteria(pack('coquan')))
      .flatMap((c) => c.requirements)
      .filter((r) => r.kind === 'datedDocument');
    expect(docs).toHaveLength(3);
    for (const r of docs) expect(r).toMatchObject({ from: '01/01', to: '31/03' });
    expect(crit(xa, 'TC2').requirements.map((r) => r.kind)).toEqual([
      'datedDocument',
      'datedDocument',
      'equals',
      'equals',
    ]);
    for (const [c, id] of [
      ['TC5', 'tc5_thang_tiep_dan'],
      ['TC12', 'tc12_giao_ban'],
    ] as const) {
      expect(crit(xa, c).requirements).toContainEqual({ kind: 'monthly', indicator: id });
      expect(crit(xa, c).indicators.find((i) => i.id === id)).toMatchObject({ type: 'count', max: 12 });
    }
  });

  test('rules with parameters: 18, 19, 29; applicability in coquan TC11/TC12', () => {
    const xa = pack('xa');
    expect(xa.parameters).toEqual({
      phan_loai_toi_thieu: 'Khá',
      tc18_giam_pct: 5,
      tc18_chap_nhan_kiem_che: false,
      tc19_nguong: 10,
      tc19_giam_pct: 20,
      tc19_giam_nguoi: 2,
      tc29_tai_pham_pct: 1.5,
    });
    expect(crit(xa, 'TC18').requirements).toEqual([
      {
        kind: 'reduction',
        previous: 'tc18_nam_truoc',
        current: 'tc18_nam_nay',
        percent: { param: 'tc18_giam_pct' },
        acceptRestraint: { param: 'tc18_chap_nhan_kiem_che' },
      },
    ]);
    expect(crit(xa, 'TC19').requirements.map((r) => r.kind)).toEqual(['addicts', 'zero', 'zero', 'equals']);
    expect(crit(xa, 'TC19').requirements[3]).toEqual({
      kind: 'equals',
      indicator: 'tc19_trong_cay',
      value: 'Không',
    });
    expect(crit(xa, 'TC29').requirements).toEqual([
      { kind: 'complete', part: 'tc29_doi_tuong_ho_so', whole: 'tc29_doi_tuong_tong', timing: 'state' },
      {
        kind: 'rateBelow',
        part: 'tc29_tai_pham',
        whole: 'tc29_dac_xa_tha_tu',
        percent: { param: 'tc29_tai_pham_pct' },
      },
    ]);
    expect(crit(xa, 'TC6').requirements).toContainEqual({
      kind: 'complete',
      part: 'tc6_to_chuc_kha',
      whole: 'tc6_to_chuc_tong',
      timing: 'rating',
    });
    expect(crit(xa, 'TC26').requirements).toEqual([
      {
        kind: 'complete',
        part: 'tc26_thon_kiem_tra',
        whole: 'tc26_thon_tong',
        timing: 'accruing',
        due: 'het_ky',
      },
    ]);
    const cq = pack('coquan');
    expect(crit(cq, 'TC11').requirements).toContainEqual({
      kind: 'zero',
      indicator: 'tc11_tu_dien_bien',
      applicability: { indicator: 'co_to_chuc_dang', mode: 'except', values: ['Không'] },
    });
    expect(crit(cq, 'TC12').requirements).toContainEqual({
      kind: 'equals',
      indicator: 'tc12_thue',
      value: 'Có',
      applicability: { indicator: 'loai_don_vi', mode: 'only', values: ['Doanh nghiệp'] },
    });
  });

  test('profile, scales, prerequisites and prior-year mapping', () => {
    const xa = pack('xa');
    const cq = pack('coquan');
    expect(xa.unitTypes).toEqual(['Xã', 'Phường', 'Thị trấn', 'Đặc khu']);
    expect(cq.unitTypes).toEqual(['Cơ quan', 'Doanh nghiệp', 'Cơ sở giáo dục']);
    for (const p of [xa, cq]) {
      expect(p.scales.loai_don_vi).toEqual(p.unitTypes);
      expect(p.scales.phan_loai).toEqual(['Xuất sắc', 'Khá', 'Trung bình', 'Yếu']);
      expect(p.scales.danh_hieu).toEqual([
        'Tập thể lao động xuất sắc',
        'Tập thể lao động tiên tiến',
        'Không đạt danh hiệu',
      ]);
      expect(p.scales.nhiem_vu).toEqual([
        'Hoàn thành xuất sắc nhiệm vụ',
        'Hoàn thành tốt nhiệm vụ',
        'Hoàn thành nhiệm vụ',
        'Không hoàn thành nhiệm vụ',
      ]);
      expect(p.profile.find((i) => i.id === 'nam')).toMatchObject({
        type: 'count',
        min: 2022,
        max: 2100,
        required: true,
      });
      expect(p.profile.find((i) => i.id === 'ten_don_vi')).toMatchObject({ type: 'text', required: true });
      expect(p.profile.find((i) => i.id === 'loai_don_vi')).toMatchObject({
        type: 'choice',
        scale: 'loai_don_vi',
      });
      expect(p.profile.find((i) => i.id === 'ngay_danh_gia')).toMatchObject({ type: 'date' });
      expect(p.profile.find((i) => i.id === 'phan_loai_nam_truoc')).toMatchObject({
        type: 'choice',
        scale: 'phan_loai',
      });
      expect(p.parameters.phan_loai_toi_thieu).toBe('Khá');
      expect(p.prerequisites.map(({ indicator, anyOf, atLeast }) => ({ indicator, anyOf, atLeast }))).toEqual(
        [
          { indicator: 'an_toan_nam_truoc', anyOf: ['Có'], atLeast: undefined },
          { indicator: 'phan_loai_nam_truoc', anyOf: undefined, atLeast: { param: 'phan_loai_toi_thieu' } },
        ],
      );
    }
    const map = (p: Pack): Record<string, string> =>
      Object.fromEntries(p.priorYear.map((m) => [m.to, m.from]));
    expect(map(xa)).toEqual({
      ten_don_vi: 'ten_don_vi',
      loai_don_vi: 'loai_don_vi',
      tinh: 'tinh',
      tc18_nam_truoc: 'tc18_nam_nay',
      tc19_nghien_nam_truoc: 'tc19_nghien_nam_nay',
      phan_loai_nam_truoc: 'tc15_phan_loai',
    });
    expect(map(cq)).toEqual({
      ten_don_vi: 'ten_don_vi',
      loai_don_vi: 'loai_don_vi',
      tinh: 'tinh',
      co_to_chuc_dang: 'co_to_chuc_dang',
      phan_loai_nam_truoc: 'tc8_phan_loai',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// End to end with the engine: a unit that meets every requirement passes every criterion.

describe('built-in packs through the engine', () => {
  const today = excelDate(2026, 1, 15);

  test.each([
    ['xa', 'Phường', 34],
    ['coquan', 'Doanh nghiệp', 14],
  ])('a unit meeting every requirement of %s passes all criteria', (id, unit, n) => {
    const p = pack(id);
    const values: Values = {
      ...fullPassValues(p, { year: 2025 }),
      ten_don_vi: 'Đơn vị thử',
      loai_don_vi: unit,
      nam: 2025,
      ngay_danh_gia: excelDate(2025, 12, 31),
      an_toan_nam_truoc: 'Có',
      phan_loai_nam_truoc: 'Khá',
      co_to_chuc_dang: 'Có',
    };
    const e = evaluate(p, values, { today });
    expect(
      e.criteria.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.reasons.join('; ')}`),
    ).toEqual([]);
    expect([e.passed, e.applicable, e.verdict.code]).toEqual([n, n, 'pass']);
    expect(e.warnings).toEqual([]);
  });

  test('coquan: tax is not applicable to a school, party check not applicable without a party cell', () => {
    const p = pack('coquan');
    const values: Values = {
      ...fullPassValues(p, { year: 2025 }),
      loai_don_vi: 'Cơ sở giáo dục',
      co_to_chuc_dang: 'Không',
      nam: 2025,
      ngay_danh_gia: excelDate(2025, 12, 31),
      tc12_thue: null,
      tc11_tu_dien_bien: null,
    };
    const e = evaluate(p, values, { today });
    const tc12 = e.criteria.find((c) => c.id === 'TC12');
    const tc11 = e.criteria.find((c) => c.id === 'TC11');
    expect(tc12?.status).toBe('pass');
    expect(tc11?.status).toBe('pass');
    expect(tc12?.requirements.find((r) => r.indicators.includes('tc12_thue'))?.status).toBe('na');
    expect(tc11?.requirements.find((r) => r.indicators.includes('tc11_tu_dien_bien'))?.status).toBe('na');
  });
});
