import { XmlError, decodeText } from '../../src/io/xml';
import { scanXmlBytes, textBytes } from '../../src/io/xmlBytes';

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

describe('scanXmlBytes: character data proved valid before (kept by content)', () => {
  const noop = { open: () => undefined, close: () => undefined, text: () => undefined };
  const part = (text: string): Buffer => Buffer.from(`<r><f>${text}</f></r>`, 'utf8');
  const scan = (b: Buffer): string => {
    try {
      scanXmlBytes(b, noop);
      return 'ok';
    } catch (e) {
      return e instanceof XmlError ? 'refused' : 'other';
    }
  };

  it('refuses a text that differs from one accepted before only by a bad reference, at any place', () => {
    const rand = lcg(20261130);
    for (let round = 0; round < 300; round++) {
      let text = '';
      while (text.length < 64 + Math.floor(rand() * 200)) {
        text += ['IF(A1=&quot;x&quot;,1,2)', '&amp;', '&lt;=', 'Tiêu chí', ' ', 'B', '&#x41;'][
          Math.floor(rand() * 7)
        ];
      }
      expect(scan(part(text))).toBe('ok');
      // the same text again: accepted again
      expect(scan(part(text))).toBe('ok');
      // one '&…;' of the same length turned into an unknown entity: same length, other bytes
      const amps = [...text.matchAll(/&amp;/g)].map((m) => m.index);
      const at = amps[Math.floor(rand() * amps.length)];
      if (at === undefined) continue;
      const bad = `${text.slice(0, at)}&bmp;${text.slice(at + 5)}`;
      expect(Buffer.byteLength(bad)).toBe(Buffer.byteLength(text));
      expect(scan(part(bad))).toBe('refused');
    }
  });

  it('still refuses "]]>" and forbidden characters in a text equal to an accepted one but for them', () => {
    const ok = `${'&quot;a&quot;'.repeat(10)}xyz`;
    expect(scan(part(ok))).toBe('ok');
    expect(scan(part(`${'&quot;a&quot;'.repeat(10)}]]>`))).toBe('refused');
    expect(scan(part(`${'&quot;a&quot;'.repeat(10)}x\u0001z`))).toBe('refused');
  });
});
