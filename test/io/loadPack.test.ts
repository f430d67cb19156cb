import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonFile } from '../../src/io/files';
import { checkJson, parseJsonText } from '../../src/io/json';
import { loadPack } from '../../src/io/loadPack';
import { formatIssues } from '../../src/pack/issues';
import { at } from '../helpers/at';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'io-pack-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const XA = readFileSync(join(__dirname, '../../src/pack/builtin/xa.json'), 'utf8');

describe('loadPack', () => {
  test('a valid pack file loads', async () => {
    const r = await loadPack(file('xa.json', XA));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.pack.id).toBe('xa');
      expect(r.pack.groups.flatMap((g) => g.criteria)).toHaveLength(34);
    }
  });

  test('a UTF-8 BOM is accepted', async () => {
    const r = await loadPack(file('bom.json', '\ufeff' + XA));
    expect(r.ok).toBe(true);
  });

  test('invalid JSON: one issue with line and column', async () => {
    const path = file('hong.json', '{\n  "id": "xa",\n  "version": "1.0"\n  "title": "x"\n}');
    const r = await loadPack(path);
    expect(r).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({
          path: '(gốc)',
          message: `Không đọc được tệp "${path}": JSON không hợp lệ ở dòng 4, cột 3: thiếu dấu phẩy “,” hoặc dấu đóng “}” (gặp ký tự “"”)`,
        }),
      ],
    });
    if (!r.ok)
      expect(formatIssues(r.issues, 'en')).toBe(
        `(root): Cannot read file "${path}": invalid JSON at line 4, column 3: a comma “,” or a closing “}” is missing (found the character “"”)`,
      );
  });

  test('too-deep JSON is refused before parsing', async () => {
    const path = file('sau.json', '['.repeat(100_000) + ']'.repeat(100_000));
    const r = await loadPack(path);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(at(r.issues, 0).message).toBe(
        `Không đọc được tệp "${path}": JSON không hợp lệ ở dòng 1, cột 65: dữ liệu lồng nhau quá sâu (tối đa 64 cấp)`,
      );
    }
  });

  test('an oversize file is refused from its size', async () => {
    const path = file('lon.json', '');
    truncateSync(path, 6 * 1024 * 1024);
    const r = await loadPack(path);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(at(r.issues, 0).message).toBe(`Không đọc được tệp "${path}": tệp quá lớn (6 MB; tối đa 5 MB)`);
  });

  test('missing file, empty file, binary file', async () => {
    const missing = join(dir, 'khong_co.json');
    const r1 = await loadPack(missing);
    expect(r1.ok || at(r1.issues, 0).message).toBe(`Không đọc được tệp "${missing}": không tìm thấy tệp`);
    const empty = file('rong.json', '');
    const r2 = await loadPack(empty);
    expect(r2.ok || at(r2.issues, 0).message).toBe(`Không đọc được tệp "${empty}": tệp rỗng (0 byte)`);
    const bin = file('nhi_phan.json', Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x7b]));
    const r3 = await loadPack(bin);
    expect(r3.ok || at(r3.issues, 0).message).toMatch(/mã UTF-16; hãy lưu lại theo mã UTF-8/);
  });

  test('an invalid pack returns every issue with its path', async () => {
    const data = JSON.parse(XA);
    data.version = 'một';
    data.groups[0].criteria[1].requirements[0].indicator = 'khong_ton_tai';
    delete data.groups[1].criteria[0].title;
    const r = await loadPack(file('sai.json', JSON.stringify(data)));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.issues.map((i) => i.path);
      expect(paths).toContain('version');
      expect(paths).toContain('groups[1].criteria[0].title');
      for (const i of r.issues) {
        expect(i.message.length).toBeGreaterThan(0);
        expect(i.path.length).toBeGreaterThan(0);
      }
    }
  });

  test('cross-field problems come with their paths too', async () => {
    const data = JSON.parse(XA);
    data.groups[0].criteria[1].requirements[0].indicator = 'khong_ton_tai';
    const r = await loadPack(file('cheo.json', JSON.stringify(data)));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => i.path)).toContain('groups[0].criteria[1].requirements[0].indicator');
  });
});

describe('checkJson', () => {
  test.each<[string, string | undefined]>([
    ['{"a":[1,2.5,-3e2,true,false,null,"x\\n\\u00e9"]}', undefined],
    ['  "chuỗi"  ', undefined],
    ['0', undefined],
    ['', '1:1 tệp không có dữ liệu JSON'],
    ['{', '1:2 thiếu dấu đóng “}” (tệp kết thúc giữa chừng)'],
    ['[1,]', '1:4 dấu phẩy thừa trước “]”'],
    ["{'a':1}", "1:2 tên trường phải nằm trong dấu ngoặc kép (gặp ký tự “'”)"],
    ['{"a" 1}', '1:6 thiếu dấu hai chấm “:” sau tên trường (gặp ký tự “1”)'],
    ['{"a":01}', '1:7 thiếu dấu phẩy “,” hoặc dấu đóng “}” (gặp ký tự “1”)'],
    ['[1.]', '1:4 số không hợp lệ (thiếu chữ số sau dấu chấm)'],
    ['"abc', '1:1 chuỗi chưa đóng dấu ngoặc kép'],
    ['"a\nb"', '1:3 chuỗi chưa đóng dấu ngoặc kép trước khi xuống dòng'],
    ['"\\x"', '1:2 ký tự thoát (\\) không hợp lệ trong chuỗi'],
    ['[1] 2', '1:5 có nội dung thừa sau giá trị JSON (ký tự “2”)'],
    ['[NaN]', '1:2 cần một giá trị (gặp ký tự “N”)'],
    ["['a']", '1:2 chuỗi phải dùng dấu ngoặc kép " chứ không phải dấu nháy đơn'],
  ])('%j', (text, expected) => {
    const p = checkJson(text, 64);
    expect(p && `${p.line}:${p.column} ${p.message}`).toBe(expected);
    // agrees with JSON.parse on validity
    let parses = true;
    try {
      JSON.parse(text);
    } catch {
      parses = false;
    }
    expect(parses).toBe(expected === undefined);
  });

  test('agrees with JSON.parse on any text built from JSON’s own pieces', () => {
    const piece = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"a"',
      '"\\u00e9"',
      '"\\x"',
      '1',
      '-0.5e3',
      '01',
      '1.',
      'true',
      'nul',
      ' ',
      '\n',
      "'",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(checkJson(text, 64) === undefined).toBe(parses);
      }),
      { numRuns: 3000 },
    );
  });

  test('depth limit counts arrays and objects', () => {
    expect(checkJson('[[[]]]', 3)).toBeUndefined();
    expect(checkJson('[{"a":[]}]', 2)?.message).toMatch(/quá sâu/);
  });

  test('parseJsonText and readJsonFile throw InputError naming the file', async () => {
    expect(() => parseJsonText('{"a":}', 'x.json')).toThrow(
      new Error(
        'Không đọc được tệp "x.json": JSON không hợp lệ ở dòng 1, cột 6: cần một giá trị (gặp ký tự “}”)',
      ),
    );
    expect(parseJsonText('{"a":[1]}', 'x.json')).toEqual({ a: [1] });
    await expect(readJsonFile(file('ok.json', '{"b":2}'))).resolves.toEqual({ b: 2 });
  });
});
