import { deflateSync, strToU8, zipSync } from 'fflate';
import { InputError } from '../../src/io/errors';
import { Deadline } from '../../src/io/limits';
import { openZip } from '../../src/io/zip';
import { buildZip } from './zipBuilder';
import { at } from '../helpers/at';

const MB = 1024 * 1024;

/** Run `fn`, expect an InputError naming `file`, and return its reason. */
function reasonOf(fn: () => unknown, file = 'x.xlsx'): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const err = e as InputError;
    expect(err.file).toBe(file);
    expect(err.message).toBe(`Không đọc được tệp "${file}": ${err.reason}`);
    expect(err.message).not.toMatch(/\n|\bat .*\(/);
    return err.reason;
  }
  throw new Error('expected an InputError');
}

describe('openZip: valid archives', () => {
  test('reads stored and deflated entries made by fflate', () => {
    const zip = zipSync({
      'a.txt': [strToU8('xin chào'), { level: 0 }],
      'dir/b.xml': [strToU8('<b>' + 'x'.repeat(5000) + '</b>'), { level: 9 }],
    });
    let calls = 0;
    const z = openZip(zip, 'x.xlsx', undefined, { onInflate: () => calls++ });
    expect([...z.entries.keys()].sort()).toEqual(['a.txt', 'dir/b.xml']);
    expect(calls).toBe(0);
    expect(new TextDecoder().decode(z.read('a.txt'))).toBe('xin chào');
    expect(new TextDecoder().decode(z.read('dir/b.xml'))).toBe('<b>' + 'x'.repeat(5000) + '</b>');
    expect(z.read('missing')).toBeUndefined();
    expect(calls).toBe(2);
  });

  test('inflates a 1 MB entry in several chunks', () => {
    const data = new Uint8Array(MB);
    let seed = 7;
    for (let i = 0; i < data.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      data[i] = i % 3 === 0 ? seed >>> 24 : 0x41; // compressible, but far below 100:1
    }
    const z = openZip(buildZip([{ name: 'big.bin', data }]), 'x.xlsx');
    const out = z.read('big.bin');
    expect(out && Buffer.compare(out, data)).toBe(0);
  });

  test('accepts a zip with a trailing comment', () => {
    const z = openZip(buildZip([{ name: 'a', data: 'A' }], { comment: 'ghi chú PK\u0005\u0006' }), 'x.xlsx');
    expect(new TextDecoder().decode(z.read('a'))).toBe('A');
  });
});

describe('openZip: hostile input is rejected with the file name and a Vietnamese reason', () => {
  test('empty file', () => {
    expect(reasonOf(() => openZip(new Uint8Array(0), 'x.xlsx'))).toBe('tệp rỗng (0 byte)');
  });

  test('random bytes', () => {
    const buf = new Uint8Array(64 * 1024);
    let s = 12345;
    for (let i = 0; i < buf.length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      buf[i] = s >>> 24;
    }
    expect(reasonOf(() => openZip(buf, 'x.xlsx'))).toMatch(
      /không phải tệp Excel \(\.xlsx\) hợp lệ — thiếu thư mục zip/,
    );
  });

  test('a text file renamed .xlsx', () => {
    const text = strToU8('Tên đơn vị,Năm\nXã An Bình,2025\n');
    expect(reasonOf(() => openZip(text, 'x.xlsx'))).toMatch(/văn bản thuần/);
  });

  test('an old .xls (or password-protected) compound file', () => {
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(reasonOf(() => openZip(cfb, 'x.xlsx'))).toMatch(/Excel 97-2003 \(\.xls\)/);
  });

  test('a truncated zip (cut anywhere)', () => {
    const zip = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook>' + 'a'.repeat(20000) + '</workbook>' },
      { name: 'xl/b.xml', data: 'b'.repeat(3000) },
    ]);
    for (const cut of [10, 100, Math.floor(zip.length / 2), zip.length - 30, zip.length - 1]) {
      const r = reasonOf(() => {
        const z = openZip(zip.subarray(0, cut), 'x.xlsx');
        z.read('xl/workbook.xml');
        z.read('xl/b.xml');
      });
      expect(r).toMatch(/cắt cụt|hỏng/);
    }
  });

  test('corrupted entry data is caught by the CRC or the inflater', () => {
    const zip = buildZip([{ name: 'a.xml', data: 'nội dung '.repeat(500) }]);
    const bad = zip.slice();
    bad[60] = at(bad, 60) ^ 0xff;
    expect(reasonOf(() => openZip(bad, 'x.xlsx').read('a.xml'))).toMatch(/mục "a\.xml" bị hỏng/);
  });

  test('oversize file', () => {
    const zip = buildZip([{ name: 'a', data: new Uint8Array(2000) }]);
    expect(zip.length).toBeGreaterThan(100);
    expect(reasonOf(() => openZip(zip, 'x.xlsx', { maxFileBytes: 100 }))).toMatch(
      /^tệp quá lớn \([0-9]+ byte; tối đa 100 byte\)$/,
    );
  });

  test('too many entries: refused from the EOCD count, before walking', () => {
    const entries = Array.from({ length: 2001 }, (_, i) => ({ name: `f${i}`, data: '', method: 0 }));
    expect(reasonOf(() => openZip(buildZip(entries), 'x.xlsx'))).toBe(
      'tệp nén có quá nhiều mục (2.001; tối đa 2.000)',
    );
    // a lying count is caught too
    expect(reasonOf(() => openZip(buildZip([{ name: 'a', data: 'A' }], { count: 60000 }), 'x.xlsx'))).toMatch(
      /quá nhiều mục \(60\.000/,
    );
  });

  test('zip bomb declaring 1 GB: rejected from the directory, nothing inflated', () => {
    // A real deflate stream of 1 MB of zeros, declared as 1 GB (the sizes of a real 1 GB bomb).
    const payload = deflateSync(new Uint8Array(MB));
    const zip = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', payload, declaredUncompressed: 1024 * MB, crc: 0 },
    ]);
    let inflated = 0;
    const r = reasonOf(() => openZip(zip, 'x.xlsx', undefined, { onInflate: () => inflated++ }));
    expect(r).toBe(
      'nghi là bom nén — mục "xl/worksheets/sheet1.xml" khai báo 1 GB khi giải nén (tối đa 50 MB mỗi mục)',
    );
    expect(inflated).toBe(0);
  });

  test('zip bomb by ratio (a real 8 MB of zeros in ~8 KB): rejected before inflating', () => {
    const zeros = new Uint8Array(8 * MB);
    const zip = buildZip([{ name: 'xl/sharedStrings.xml', data: zeros }]);
    expect(zip.length).toBeLessThan(20 * 1024);
    let inflated = 0;
    const r = reasonOf(() => openZip(zip, 'x.xlsx', undefined, { onInflate: () => inflated++ }));
    expect(r).toMatch(
      /^nghi là bom nén — mục "xl\/sharedStrings\.xml" có tỉ lệ nén bất thường \([0-9.]+:1; tối đa 100:1\)$/,
    );
    expect(inflated).toBe(0);
  });

  test('total declared size over the limit', () => {
    const entries = Array.from({ length: 3 }, (_, i) => ({
      name: `e${i}`,
      payload: deflateSync(new Uint8Array(10)),
      declaredUncompressed: 40 * MB,
      declaredCompressed: 40 * MB,
    }));
    // declared compressed sizes point outside the file, but the size checks come first
    expect(reasonOf(() => openZip(buildZip(entries), 'x.xlsx'))).toBe(
      'nghi là bom nén — tổng dung lượng giải nén vượt 100 MB',
    );
  });

  test('an entry that inflates to more than it declares is stopped at the declared size', () => {
    const zeros = new Uint8Array(8 * MB);
    const zip = buildZip([{ name: 'xl/workbook.xml', data: zeros, declaredUncompressed: 1000, crc: 0 }]);
    const z = openZip(zip, 'x.xlsx');
    const before = process.memoryUsage().arrayBuffers;
    const r = reasonOf(() => z.read('xl/workbook.xml'));
    expect(r).toMatch(/^mục "xl\/workbook\.xml" giải nén ra nhiều dữ liệu hơn khai báo \(1.000 byte\)/);
    expect(z.inflatedBytes).toBe(0);
    // the 8 MB of output were never materialised: the inflater wrote into a 1 001-byte buffer
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(4 * MB);
  });

  test('a large entry that inflates to more than it declares is stopped while streaming', () => {
    const data = new Uint8Array(400 * 1024);
    let seed = 99;
    for (let i = 0; i < data.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      data[i] = seed >>> 24;
    }
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', data, declaredUncompressed: 1000, crc: 0 }]);
    const z = openZip(zip, 'x.xlsx');
    expect(z.entries.get('xl/worksheets/sheet1.xml')?.compressedSize).toBeGreaterThan(128 * 1024);
    expect(reasonOf(() => z.read('xl/worksheets/sheet1.xml'))).toMatch(
      /nhiều dữ liệu hơn khai báo \(1.000 byte\)/,
    );
  });

  test('an entry that inflates to less than it declares is corrupt', () => {
    const zip = buildZip([{ name: 'a', data: 'ngắn', declaredUncompressed: 5000 }]);
    expect(reasonOf(() => openZip(zip, 'x.xlsx').read('a'))).toBe(
      'mục "a" bị hỏng (giải nén ra ít dữ liệu hơn khai báo)',
    );
  });

  test('encrypted entry', () => {
    const zip = buildZip([{ name: 'xl/workbook.xml', data: 'x', flags: 1 }]);
    expect(reasonOf(() => openZip(zip, 'x.xlsx'))).toMatch(/được mã hóa bằng mật khẩu/);
    const aes = buildZip([{ name: 'a', data: 'x', method: 99 }]);
    expect(reasonOf(() => openZip(aes, 'x.xlsx'))).toMatch(/mã hóa/);
  });

  test('unsupported compression method', () => {
    const zip = buildZip([{ name: 'a', data: 'x', method: 12, payload: strToU8('BZh9') }]);
    expect(reasonOf(() => openZip(zip, 'x.xlsx'))).toBe(
      'mục "a" dùng phương thức nén không được hỗ trợ (mã 12)',
    );
  });

  test.each([
    ['../../etc/passwd'],
    ['/etc/passwd'],
    ['xl\\..\\..\\evil.xml'],
    ['C:/Windows/evil'],
    ['a/../../b'],
  ])('path traversal name %s', (name) => {
    const zip = buildZip([{ name, data: 'x' }]);
    expect(reasonOf(() => openZip(zip, 'x.xlsx'))).toMatch(/^tên mục không an toàn/);
  });

  test('duplicate names and overlapping entries', () => {
    const dup = buildZip([
      { name: 'a', data: 'x' },
      { name: 'a', data: 'y' },
    ]);
    expect(reasonOf(() => openZip(dup, 'x.xlsx'))).toMatch(/trùng tên "a"/);
    const overlap = buildZip([
      { name: 'a', data: 'x'.repeat(100) },
      { name: 'b', data: 'y', offsetOverride: 0 },
    ]);
    expect(reasonOf(() => openZip(overlap, 'x.xlsx'))).toMatch(/chồng lên nhau|không tìm thấy mục/);
  });

  test('an empty zip', () => {
    expect(reasonOf(() => openZip(buildZip([]), 'x.xlsx'))).toMatch(/tệp nén rỗng/);
  });

  test('time limit', () => {
    let t = 0;
    const zip = buildZip([{ name: 'a', data: 'x' }]);
    const deadline = new Deadline(5000, 'x.xlsx', () => (t += 3000));
    expect(reasonOf(() => openZip(zip, 'x.xlsx', undefined, { deadline }).read('a'))).toBe(
      'đọc tệp quá thời gian cho phép (5 giây)',
    );
  });
});

describe('ZIP64', () => {
  test('reads sizes from the ZIP64 extra field', () => {
    const data = strToU8('zip64 nội dung');
    const payload = deflateSync(data);
    const extra = new Uint8Array(4 + 16);
    const dv = new DataView(extra.buffer);
    dv.setUint16(0, 1, true);
    dv.setUint16(2, 16, true);
    dv.setUint32(4, data.length, true); // uncompressed (64-bit)
    dv.setUint32(12, payload.length, true); // compressed (64-bit)
    const zip = buildZip([
      { name: 'a', data, payload, declaredUncompressed: 0xffffffff, declaredCompressed: 0xffffffff, extra },
    ]);
    expect(new TextDecoder().decode(openZip(zip, 'x.xlsx').read('a'))).toBe('zip64 nội dung');
  });

  test('a ZIP64 extra declaring 2^40 bytes is a bomb', () => {
    const extra = new Uint8Array(4 + 16);
    const dv = new DataView(extra.buffer);
    dv.setUint16(0, 1, true);
    dv.setUint16(2, 16, true);
    dv.setUint32(8, 256, true); // high word: 256 × 2^32 = 2^40
    dv.setUint32(12, 10, true);
    const zip = buildZip([
      { name: 'a', data: 'x', declaredUncompressed: 0xffffffff, declaredCompressed: 0xffffffff, extra },
    ]);
    expect(reasonOf(() => openZip(zip, 'x.xlsx'))).toMatch(/bom nén/);
  });
});
