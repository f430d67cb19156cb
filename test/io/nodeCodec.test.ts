/**
 * Node's zlib as the zip codec (src/io/nodeCodec.ts) gives the same results and refusals as the
 * portable fflate path: entries read alike; an entry inflating past its declared size stopped at
 * it; a short or corrupt entry refused.
 */
import { strToU8, zipSync } from 'fflate';
import { InputError } from '../../src/io/errors';
import { nodeCodec } from '../../src/io/nodeCodec';
import { crc32, openZip, type ZipOptions } from '../../src/io/zip';
import { buildZip } from './zipBuilder';
import { at } from '../helpers/at';

const both: Array<[string, ZipOptions]> = [
  ['fflate', {}],
  ['zlib', { codec: nodeCodec }],
];

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).reason;
  }
  return 'read';
}

test.each(both)('%s reads stored and deflated entries', (_name, options) => {
  const big = '<b>' + 'xin chào '.repeat(50_000) + '</b>';
  const zip = zipSync({
    'a.txt': [strToU8('xin chào'), { level: 0 }],
    'b.xml': [strToU8(big), { level: 9 }],
    e: strToU8(''),
  });
  const z = openZip(zip, 'x.xlsx', undefined, options);
  expect(new TextDecoder().decode(z.read('a.txt'))).toBe('xin chào');
  expect(new TextDecoder().decode(z.read('b.xml'))).toBe(big);
  expect(z.read('e')?.length).toBe(0);
});

test.each(both)('%s stops an entry that inflates to more than it declares', (_name, options) => {
  for (const size of [0, 1000]) {
    const zip = buildZip([{ name: 'a.xml', data: 'x'.repeat(500_000), declaredUncompressed: size, crc: 0 }]);
    expect(reasonOf(() => openZip(zip, 'x.xlsx', undefined, options).read('a.xml'))).toMatch(
      /^mục "a\.xml" giải nén ra nhiều dữ liệu hơn khai báo/,
    );
  }
});

test.each(both)('%s refuses short and corrupt entries', (_name, options) => {
  const short = buildZip([{ name: 'a', data: 'ngắn', declaredUncompressed: 5000 }]);
  expect(reasonOf(() => openZip(short, 'x.xlsx', undefined, options).read('a'))).toBe(
    'mục "a" bị hỏng (giải nén ra ít dữ liệu hơn khai báo)',
  );
  const zip = buildZip([{ name: 'a.xml', data: 'nội dung '.repeat(500) }]);
  const bad = zip.slice();
  bad[60] = at(bad, 60) ^ 0xff;
  expect(reasonOf(() => openZip(bad, 'x.xlsx', undefined, options).read('a.xml'))).toMatch(
    /mục "a\.xml" bị hỏng/,
  );
});

test('the native CRC-32 is the JavaScript one', () => {
  const data = strToU8('Tiêu chí — '.repeat(1000));
  expect(nodeCodec.crc32(data)).toBe(crc32(data));
});
