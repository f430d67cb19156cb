import { decodeText } from '../../src/io/xml';
import { textBytes } from '../../src/io/xmlBytes';

/** Small deterministic generator (no Math.random: failures must replay). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'a',
  'Z',
  '$E$7',
  ' ',
  '!',
  "'",
  'ê',
  'Tiêu chí',
  '😀',
  '&lt;',
  '&gt;',
  '&amp;',
  '&quot;',
  '&apos;',
  '&#x41;',
  '&#233;',
  '\r\n',
  '\r',
  '\n',
  '\t',
  '_x000D_',
  '>=',
  ']',
];

describe('textBytes (character data decoded on the bytes)', () => {
  it('is what decodeText makes of the decoded text, on random texts, with and without CDATA', () => {
    const next = lcg(9745);
    const enc = new TextEncoder();
    for (let n = 0; n < 3000; n++) {
      let s = '';
      const len = Math.floor(next() * 12);
      for (let k = 0; k < len; k++) s += PIECES[Math.floor(next() * PIECES.length)] ?? '';
      const prefix = enc.encode('<v>');
      const body = enc.encode(s);
      const b = new Uint8Array(prefix.length + body.length + 4);
      b.set(prefix);
      b.set(body, prefix.length);
      for (const cdata of [false, true]) {
        expect(textBytes(b, prefix.length, prefix.length + body.length, cdata)).toBe(decodeText(s, cdata));
      }
    }
  });

  it('decodes each predefined entity, between runs of other characters', () => {
    const b = new TextEncoder().encode('x&lt;ê&gt;&amp;&quot;&apos;y');
    expect(textBytes(b, 0, b.length, false)).toBe('x<ê>&"\'y');
    expect(textBytes(b, 0, b.length, true)).toBe('x&lt;ê&gt;&amp;&quot;&apos;y');
  });
});
