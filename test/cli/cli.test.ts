/**
 * The `tieuchi` command on real files in a temporary folder. Most tests run it in-process through
 * its entry `run(argv, io)` (test/cli/run.ts), with their own output buffers and environment; a few
 * smoke tests at the end start the built command (`node bin/tieuchi.js`) as an official does:
 * exit codes, the working folder, one line on stderr.
 */
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { readWorkbookFile } from '../../src/io/files';
import { buildXlsx, buildZip } from '../io/zipBuilder';
import { ROOT, ensureCliBuilt, oneLine, tempDir, tieuchi, tieuchiBin } from './run';
import { at } from '../helpers/at';

const SAMPLE_XA = join(ROOT, 'samples', 'xa.json');
const SAMPLE_COQUAN = join(ROOT, 'samples', 'coquan.json');

interface CheckJson {
  pack: { id: string; version: string };
  plan: { id: string; version: string };
  period: { start: string; end: string };
  asOf: string;
  verdict: { code: string; label: string };
  passed: number;
  applicable: number;
  criteria: Array<{ id: string; group: string; status: string; label: string; reasons: string[] }>;
  warnings: Array<{ code: string; message: string; criterion?: string }>;
}

/** stdout must be exactly one JSON object (JSON.parse of the whole text). */
function parseOne(stdout: string): CheckJson {
  const v: unknown = JSON.parse(stdout);
  expect(typeof v === 'object' && v !== null && !Array.isArray(v)).toBe(true);
  return v as CheckJson;
}

function byId(j: CheckJson, id: string): CheckJson['criteria'][number] {
  const c = j.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no ${id} in output`);
  return c;
}

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('help, packs, usage errors', () => {
  it('prints Vietnamese help by default and English with --lang en', async () => {
    const vi = await tieuchi(['--help']);
    expect(vi.status).toBe(0);
    expect(vi.stdout).toContain('Cách dùng: tieuchi <lệnh>');
    expect(vi.stdout).toContain('pack validate');
    const en = await tieuchi(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage: tieuchi <command>');
    const enCheck = await tieuchi(['check', SAMPLE_COQUAN, '--lang', 'en']);
    expect(enCheck.status).toBe(0);
    expect(enCheck.stdout).toContain('Verdict: Met');
    expect(enCheck.stdout).toContain('Criteria met: 14/14');
    const check = await tieuchi(['check', '--help']);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('--as-of YYYY-MM-DD');
  });

  it('lists both packs with version and criteria count', async () => {
    const r = await tieuchi(['packs']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^xa\s+1\.0\.0\s+34\s+Bộ Tiêu chí tạm thời/m);
    expect(r.stdout).toMatch(/^coquan\s+1\.0\.0\s+14\s+Bộ Tiêu chí tạm thời/m);
    const j = JSON.parse((await tieuchi(['packs', '--json'])).stdout) as Array<{
      id: string;
      criteria: number;
    }>;
    expect(j.map((p) => [p.id, p.criteria])).toEqual([
      ['xa', 34],
      ['coquan', 14],
    ]);
  });

  it('rejects unknown commands, options and bad --as-of with exit 2 and a Vietnamese message', async () => {
    const cmd = await tieuchi(['chek', SAMPLE_XA]);
    expect(cmd.status).toBe(2);
    expect(cmd.stderr).toContain('lệnh không hợp lệ: "chek"');
    const opt = await tieuchi(['check', SAMPLE_XA, '--jsn']);
    expect(opt.status).toBe(2);
    expect(opt.stderr).toContain('tùy chọn không hợp lệ: --jsn');
    const asOf = await tieuchi(['check', SAMPLE_XA, '--as-of', '2026-02-30']);
    expect(asOf.status).toBe(2);
    expect(asOf.stderr).toContain('ngày tính đến không hợp lệ: "2026-02-30"');
    expect(asOf.stdout).toBe('');
  });
});

describe('check on answers JSON', () => {
  it('text: a Vietnamese table, warnings, the verdict and passed/applicable; exit 1 when not met', async () => {
    const r = await tieuchi(['check', SAMPLE_XA]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Đơn vị: Phường Điện Biên');
    expect(r.stdout).toMatch(
      /^TC18\s+Không đạt\s+Số vụ phạm tội về trật tự xã hội kỳ này: giảm 2,5% \(40 → 39\)/m,
    );
    expect(r.stdout).toMatch(/^TC1\s+Đạt\s/m);
    expect(r.stdout).toContain('TC4: Thiếu minh chứng');
    expect(r.stdout).toContain('Kết luận: Chưa đạt: TC18, TC29');
    expect(r.stdout).toContain('Số tiêu chí đạt: 32/34');
    expect(r.stderr).toBe('');
  });

  it('--json prints exactly one object with the documented shape', async () => {
    const r = await tieuchi(['check', SAMPLE_XA, '--json']);
    expect(r.status).toBe(1);
    const j = parseOne(r.stdout);
    expect(j.pack).toEqual({ id: 'xa', version: '1.0.0' });
    expect(j.asOf).toBe('2026-11-20');
    expect(j.verdict).toEqual({ code: 'fail', label: 'Chưa đạt: TC18, TC29' });
    expect([j.passed, j.applicable]).toEqual([32, 34]);
    expect(j.criteria).toHaveLength(34);
    const tc18 = byId(j, 'TC18');
    expect(tc18.status).toBe('fail');
    expect(tc18.group).toBe('Công tác bảo đảm an ninh, trật tự');
    expect(tc18.reasons[0]).toContain('yêu cầu giảm ít nhất 5%');
    // at the review (after the period's end) nothing is "not yet due"
    expect(j.criteria.filter((c) => c.status === 'not_due')).toEqual([]);
    expect(byId(j, 'TC6').status).toBe('pass');
    expect(j.warnings).toContainEqual({
      code: 'thieu_minh_chung',
      criterion: 'TC4',
      indicator: 'tc4_minh_chung',
      message: 'TC4: Thiếu minh chứng (số, ngày văn bản)',
    });
  });

  it('exit 0 for on_track and for pass', async () => {
    const coquan = JSON.parse(readFileSync(SAMPLE_COQUAN, 'utf8')) as { values: Record<string, unknown> };
    const partial = join(dir, 'giua-ky.json');
    writeFileSync(partial, JSON.stringify({ pack: 'coquan', values: { ...coquan.values, tc13_an_sinh: 1 } }));
    const onTrack = await tieuchi(['check', partial, '--json', '--as-of', '2026-06-30']);
    expect(onTrack.status).toBe(0);
    const j = parseOne(onTrack.stdout);
    expect(j.verdict).toEqual({ code: 'on_track', label: 'Đang đạt (tạm tính đến ngày 30/06/2026)' });
    expect(byId(j, 'TC12').status).toBe('pass'); // tc12_thue is n/a for a school
    // at the review (20/11, after the default plan's period end 15/11) the same shortfall fails
    const review = parseOne((await tieuchi(['check', partial, '--json'])).stdout);
    expect(review.verdict.code).toBe('fail');
    expect(byId(review, 'TC13').status).toBe('fail');
    expect(review.plan).toEqual({ id: 'mac-dinh', version: '1.0' });
    expect(review.period).toEqual({ start: '2025-11-16', end: '2026-11-15' });

    const sample = JSON.parse(readFileSync(SAMPLE_XA, 'utf8')) as {
      pack: string;
      values: Record<string, unknown>;
    };
    const all = {
      pack: 'xa',
      values: {
        ...sample.values,
        ngay_danh_gia: '2026-12-31',
        tc4_minh_chung: 'Quyết định hỗ trợ kinh phí số 50/QĐ-UBND ngày 02/03/2026',
        tc5_thang_tiep_dan: 12,
        tc6_ubnd: 'Tập thể lao động tiên tiến',
        tc12_giao_ban: 12,
        tc12_tong_ket: 'Có',
        tc15_phan_loai: 'Xuất sắc',
        tc18_nam_nay: 38,
        tc29_tai_pham: 0,
        tc34_don_vi: 'Hoàn thành tốt nhiệm vụ',
        tc34_chi_bo: 'Hoàn thành xuất sắc nhiệm vụ',
      },
    };
    const file = join(dir, 'dat.json');
    writeFileSync(file, JSON.stringify(all));
    const pass = await tieuchi(['check', file, '--json']);
    const jp = parseOne(pass.stdout);
    expect(jp.verdict.code).toBe('pass');
    expect(jp.verdict.label).toBe('Đạt — đủ điều kiện đề nghị công nhận điển hình');
    expect([jp.passed, jp.applicable]).toEqual([34, 34]);
    expect(pass.status).toBe(0);
  });

  it('--as-of replaces ngay_danh_gia and changes statuses', async () => {
    const late = parseOne((await tieuchi(['check', SAMPLE_XA, '--json', '--as-of', '2027-01-05'])).stdout);
    expect(late.asOf).toBe('2027-01-05');
    expect(late.verdict.code).toBe('fail');
    expect((await tieuchi(['check', SAMPLE_XA, '--as-of', '2027-01-05'])).status).toBe(1);

    const early = parseOne((await tieuchi(['check', SAMPLE_XA, '--json', '--as-of', '2026-02-15'])).stdout);
    // nam 2026 under the default plan: the period began 16/11/2025; the 12 months entered are enough
    expect(byId(early, 'TC5').status).toBe('pass');
    expect(byId(early, 'TC18').status).toBe('fail');
  });

  it('input problems are reported as warnings, not failures of the read', async () => {
    const file = join(dir, 'la.json');
    writeFileSync(
      file,
      JSON.stringify({ pack: 'xa', values: { ten_don_vi: 'Xã Tân Lập', tc99_khong_co: 1 } }),
    );
    const r = await tieuchi(['check', file, '--json']);
    expect(r.status).toBe(1);
    const j = parseOne(r.stdout);
    expect(j.verdict.code).toBe('incomplete');
    expect(j.warnings.some((w) => w.code === 'du_lieu_vao' && w.message.includes('tc99_khong_co'))).toBe(
      true,
    );
  });
});

describe('template and check on a workbook', () => {
  it('writes a real .xlsx whose defined names the reader finds, and never overwrites silently', async () => {
    const file = join(dir, 'tieu-chi-xa.xlsx');
    const r = await tieuchi([
      'template',
      '--pack',
      'xa',
      '--unit',
      'Xã Tân Lập',
      '--year',
      '2026',
      '--out',
      file,
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('tieu-chi-xa.xlsx');
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const data = await readWorkbookFile(file);
    expect(data.names.get('goi_tieu_chi')).toBe('xa');
    expect(data.names.get('ten_don_vi')).toBe('Xã Tân Lập');
    expect(data.names.get('nam')).toBe(2026);
    expect(data.names.has('tc18_nam_nay')).toBe(true);

    const again = await tieuchi(['template', '--pack', 'xa', '--out', file]);
    expect(again.status).toBe(2);
    expect(oneLine(again.stderr)).toContain('--force');
    expect((await tieuchi(['template', '--pack', 'xa', '--out', file, '--force'])).status).toBe(0);
    expect((await tieuchi(['template', '--pack', 'phuong', '--out', join(dir, 'phuong.xlsx')])).status).toBe(
      2,
    );
  });

  it('checks the blank template: incomplete before anything is entered, exit 1', async () => {
    const file = join(dir, 'mau-coquan.xlsx');
    expect(
      (await tieuchi(['template', '--pack', 'coquan', '--out', file, '--unit', 'Công ty TNHH Minh Phát']))
        .status,
    ).toBe(0);
    const r = await tieuchi(['check', file, '--json', '--as-of', '2026-04-10']);
    expect(r.status).toBe(1);
    const j = parseOne(r.stdout);
    expect(j.pack.id).toBe('coquan');
    expect(j.verdict.code).toBe('incomplete');
    expect(byId(j, 'TC1').status).toBe('missing');
    expect(byId(j, 'TC3').status).toBe('not_due');
    const text = await tieuchi(['check', file, '--as-of', '2026-04-10']);
    expect(text.stdout).toContain('Đơn vị: Công ty TNHH Minh Phát');
    expect(text.stdout).toContain('Kết luận: Chưa đủ dữ liệu');
  });

  it('--out writes the checked workbook with the evaluated values', async () => {
    const out = join(dir, 'da-kiem-tra.xlsx');
    const r = await tieuchi(['check', SAMPLE_XA, '--json', '--out', out, '--as-of', '2026-12-31']);
    expect(r.status).toBe(1);
    parseOne(r.stdout); // the note about the file goes to stderr, stdout stays one JSON object
    expect(r.stderr).toContain(out);
    const data = await readWorkbookFile(out);
    expect(data.names.get('tc18_nam_nay')).toBe(39);
    expect(data.names.get('ten_don_vi')).toBe('Phường Điện Biên');
    expect(data.names.get('ngay_danh_gia')).toBe(46387); // 31/12/2026, the --as-of date

    const back = parseOne((await tieuchi(['check', out, '--json'])).stdout);
    expect(back.asOf).toBe('2026-12-31');
    expect(byId(back, 'TC18').status).toBe('fail');

    const refused = await tieuchi(['check', SAMPLE_XA, '--out', out]);
    expect(refused.status).toBe(2);
    expect(oneLine(refused.stderr)).toContain('đã tồn tại');
    const same = await tieuchi(['check', out, '--out', out, '--force']);
    expect(same.status).toBe(2);
  });
});

describe('unreadable input: exit 2, one Vietnamese line naming the file, no stack trace', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['a missing file', () => join(dir, 'khong-co.xlsx'), /không tìm thấy tệp/],
    [
      'random bytes named .xlsx',
      () => {
        const f = join(dir, 'rac.xlsx');
        writeFileSync(f, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
        return f;
      },
      /Không đọc được tệp/,
    ],
    [
      'a text file renamed .xlsx',
      () => {
        const f = join(dir, 'van-ban.xlsx');
        writeFileSync(f, 'Đây là một tệp văn bản.\n');
        return f;
      },
      /văn bản/,
    ],
    [
      'a truncated workbook',
      () => {
        const src = join(dir, 'mau-coquan.xlsx');
        const f = join(dir, 'cut.xlsx');
        const b = existsSync(src) ? readFileSync(src) : Buffer.from('PK\u0003\u0004');
        writeFileSync(f, b.subarray(0, Math.floor(b.length / 2)));
        return f;
      },
      /Không đọc được tệp/,
    ],
    [
      'a zip bomb',
      () => {
        const f = join(dir, 'bom.xlsx');
        const zeros = new Uint8Array(40 * 1024 * 1024);
        writeFileSync(
          f,
          buildZip([
            { name: '[Content_Types].xml', data: '<Types/>' },
            { name: 'xl/workbook.xml', payload: deflateSync(zeros), declaredUncompressed: zeros.length },
          ]),
        );
        return f;
      },
      /Không đọc được tệp/,
    ],
    [
      'a workbook that is not a criteria workbook',
      () => {
        const f = join(dir, 'bang-khac.xlsx');
        const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
        const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
        writeFileSync(
          f,
          buildXlsx({
            workbook: `<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
            sheets: [
              `<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
            ],
          }),
        );
        return f;
      },
      /không xác định được bộ tiêu chí/,
    ],
    [
      'malformed JSON',
      () => {
        const f = join(dir, 'hong.json');
        writeFileSync(f, '{"pack": "xa", "values": {"nam": 2026,}}');
        return f;
      },
      /JSON không hợp lệ ở dòng 1/,
    ],
    [
      'answers for an unknown pack',
      () => {
        const f = join(dir, 'goi-la.json');
        writeFileSync(f, '{"pack": "huyen", "values": {}}');
        return f;
      },
      /"huyen"/,
    ],
  ];

  it.each(cases)('%s', async (_label, make, reason) => {
    const file = make();
    for (const args of [
      ['check', file],
      ['check', file, '--json'],
    ]) {
      const r = await tieuchi(args);
      expect(r.status).toBe(2);
      const line = oneLine(r.stderr);
      expect(line).toContain(file);
      expect(line).toMatch(reason);
      expect(r.stdout).toBe('');
    }
  });
});

describe('pack validate', () => {
  it('accepts a valid pack file and lists every problem of a bad one', async () => {
    const good = join(dir, 'goi-xa.json');
    copyFileSync(join(ROOT, 'src', 'pack', 'builtin', 'xa.json'), good);
    const ok = await tieuchi(['pack', 'validate', good]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('hợp lệ');
    expect(ok.stdout).toContain('34 tiêu chí');

    const data = JSON.parse(readFileSync(good, 'utf8')) as {
      version: string;
      groups: Array<{ criteria: Array<{ id: string; requirements: Array<{ indicator?: string }> }> }>;
    };
    data.version = 'một';
    at(at(data.groups, 0).criteria, 0).id = 'X1';
    at(at(at(data.groups, 1).criteria, 0).requirements, 0).indicator = 'khong_ton_tai';
    const bad = join(dir, 'goi-hong.json');
    writeFileSync(bad, JSON.stringify(data));
    const r = await tieuchi(['pack', 'validate', bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('không hợp lệ');
    expect(r.stdout).toMatch(/^\s+version: /m);
    expect(r.stdout).toMatch(/^\s+groups\[0\]\.criteria\[0\]\.id: /m);
    expect(r.stdout).toMatch(/^\s+groups\[1\]\.criteria\[0\]\.requirements\[0\]\.indicator: /m);

    const missing = await tieuchi(['pack', 'validate', join(dir, 'khong-co.json')]);
    expect(missing.status).toBe(2);
    expect(oneLine(missing.stderr)).toContain('không tìm thấy tệp');
  });

  it('check --pack uses a user pack file', async () => {
    const good = join(dir, 'goi-xa.json');
    const r = await tieuchi(['check', SAMPLE_XA, '--pack', good, '--json']);
    expect(r.status).toBe(1);
    expect(parseOne(r.stdout).passed).toBe(32);
    expect((await tieuchi(['check', SAMPLE_XA, '--pack', join(dir, 'goi-hong.json')])).status).toBe(2);
  });
});

describe('demo', () => {
  it('writes a filled workbook and answers per pack, checks them and exits 0', async () => {
    const out = join(dir, 'demo');
    const r = await tieuchi(['demo', '--out', out]);
    expect(r.status).toBe(0);
    for (const id of ['xa', 'coquan']) {
      expect(existsSync(join(out, `tieu-chi-${id}-mau.xlsx`))).toBe(true);
      expect(JSON.parse(readFileSync(join(out, `tieu-chi-${id}-mau.json`), 'utf8'))).toEqual(
        JSON.parse(readFileSync(join(ROOT, 'samples', `${id}.json`), 'utf8')),
      );
    }
    expect(r.stdout).toContain('Kết luận: Chưa đạt: TC18, TC29');
    expect(r.stdout).toContain('Kết luận: Đạt — đủ điều kiện đề nghị công nhận điển hình');
    const data = await readWorkbookFile(join(out, 'tieu-chi-xa-mau.xlsx'));
    expect(data.names.get('tc18_nam_truoc')).toBe(40);
    expect(data.names.get('tc2_nghi_quyet_ngay')).toBe(46037); // 15/01/2026
  });
});

describe('the built command: node bin/tieuchi.js (smoke tests of the bundle)', () => {
  beforeAll(() => ensureCliBuilt());

  it('help, a check with its exit code and one JSON object, English from TIEUCHI_LANG', () => {
    const help = tieuchiBin(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Cách dùng: tieuchi <lệnh>');
    const check = tieuchiBin(['check', SAMPLE_XA, '--json']);
    expect(check.status).toBe(1);
    expect(parseOne(check.stdout).verdict.code).toBe('fail');
    expect(check.stderr).toBe('');
    const en = tieuchiBin(['check', SAMPLE_COQUAN], { env: { TIEUCHI_LANG: 'en' } });
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('Verdict: Met');
  });

  it('an unreadable file: exit 2, one Vietnamese line naming it, no stack trace', () => {
    const missing = join(dir, 'khong-co-o-day.xlsx');
    const r = tieuchiBin(['check', missing]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toContain(`"${missing}": không tìm thấy tệp`);
    expect(r.stdout).toBe('');
  });

  it('template writes its default file in the folder it is run from, and never overwrites it silently', () => {
    const here = tempDir();
    try {
      const r = tieuchiBin(['template', '--pack', 'xa'], { cwd: here });
      expect(r.status).toBe(0);
      expect(existsSync(join(here, 'tieu-chi-xa.xlsx'))).toBe(true);
      const again = tieuchiBin(['template', '--pack', 'xa'], { cwd: here });
      expect(again.status).toBe(2);
      expect(oneLine(again.stderr)).toContain('--force');
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  });
});
