/**
 * The byte scanner keeps character data it proved valid by content (`ValidTexts` in
 * src/io/xmlBytes.ts) and does not walk an equal text again. Here parts are scanned one after
 * another in one process, built from a few long texts with many references and near-identical
 * variants of them (same length, one reference broken, `]]>`, forbidden characters, the text moved
 * into attributes, CDATA, comments, before or after the root), so the memo is warm with texts that
 * differ from the one scanned by a byte: every part must be accepted or refused exactly as saxes
 * does, and the memo must actually have been used.
 */
import { SaxesParser } from 'saxes';
import { XmlError } from '../../src/io/xml';
import { scanXmlBytes, textBytes } from '../../src/io/xmlBytes';

/** Small deterministic generator (no Math.random: failures must replay). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function bySaxes(b: Uint8Array): 'ok' | 'refused' {
  try {
    const p = new SaxesParser({ xmlns: false });
    p.write(utf8.decode(b)).close();
    return 'ok';
  } catch {
    return 'refused';
  }
}

/** Accept/refuse, and for an accepted part the texts as the handler decodes them. */
function byUs(b: Uint8Array): { result: 'ok' | 'refused'; texts: string[] } {
  const texts: string[] = [];
  try {
    scanXmlBytes(b, {
      open: () => undefined,
      close: () => undefined,
      text: (from, to, cdata) => void texts.push(textBytes(b, from, to, cdata)),
    });
    return { result: 'ok', texts };
  } catch (e) {
    if (e instanceof XmlError) return { result: 'refused', texts };
    throw e;
  }
}

/** The texts inside the root saxes reports for a part it accepts (compared joined: saxes and ours split them differently). */
function saxesTexts(b: Uint8Array): string[] {
  const out: string[] = [];
  let depth = 0;
  const p = new SaxesParser({ xmlns: false });
  p.on('opentag', (t) => void (t.isSelfClosing ? undefined : depth++));
  p.on('closetag', (t) => void (t.isSelfClosing ? undefined : depth--));
  p.on('text', (t) => void (depth > 0 ? out.push(t) : undefined));
  p.on('cdata', (t) => void out.push(t));
  p.write(utf8.decode(b)).close();
  return out;
}

const PIECES = [
  'IF(A1=&quot;x&quot;,1,2)',
  '&amp;',
  '&lt;=',
  '&gt;',
  'Tiêu chí',
  ' ',
  'B',
  '&#x41;',
  '&apos;',
];

function baseText(rand: () => number): string {
  let t = '';
  const length = 80 + Math.floor(rand() * 160);
  while (t.length < length) t += PIECES[Math.floor(rand() * PIECES.length)] ?? '';
  return t;
}

/** A variant of `t`: equal, or one reference (or byte) changed, mostly keeping the length. */
function variant(t: string, rand: () => number): string {
  const refs = [...t.matchAll(/&[^;]*;/g)];
  const m = refs[Math.floor(rand() * refs.length)];
  const at = m?.index ?? 0;
  const ref = m?.[0] ?? '';
  const put = (s: string): string => t.slice(0, at) + s + t.slice(at + ref.length);
  const i = Math.floor(rand() * t.length);
  switch (Math.floor(rand() * 12)) {
    case 0:
      return put('&' + 'b'.repeat(Math.max(1, ref.length - 2)) + ';');
    case 1:
      return put('&#x0;'.slice(0, Math.max(4, ref.length)));
    case 2:
      return put('&amp');
    case 3:
      return put('& ');
    case 4:
      return t.slice(0, i) + ']]>' + t.slice(i + 3);
    case 5:
      return t.slice(0, i) + '\u0001' + t.slice(i + 1);
    case 6:
      return t.slice(0, i) + '\uFFFE' + t.slice(i + 1);
    case 7:
      return put('&#xD800;');
    default:
      return t;
  }
}

const CONTEXTS: ReadonlyArray<(t: string, u: string) => string> = [
  (t) => `<r><f>${t}</f></r>`,
  (t, u) => `<r><f>${t}</f><f>${u}</f><f>${t}</f></r>`,
  (t) => `${t}<r/>`,
  (t) => `<r/>${t}`,
  (t, u) => `<r><![CDATA[${t}]]>${u}</r>`,
  (t) => `<r a='${t}'/>`,
  (t, u) => `<r>${t.slice(0, t.length >> 1)}<!--c-->${t.slice(t.length >> 1)}${u}</r>`,
  (t, u) => `<?xml version="1.0" encoding="UTF-8"?>\n<r xmlns="urn:x"><f>${t}</f><g a="&amp;">${u}</g></r>`,
];

describe('scanXmlBytes with the memo of valid texts warm', () => {
  it('accepts and refuses exactly as saxes does, texts decoded alike, and the memo is used', () => {
    const compare = jest.spyOn(Buffer.prototype, 'compare');
    const rand = lcg(30112026);
    const bases = Array.from({ length: 12 }, () => baseText(rand));
    const seen = { ok: 0, refused: 0 };
    let compared = 0;
    try {
      for (let round = 0; round < 2500; round++) {
        const t = bases[Math.floor(rand() * bases.length)] ?? '';
        const a = rand() < 0.4 ? t : variant(t, rand);
        const u = rand() < 0.5 ? t : variant(t, rand);
        const context = CONTEXTS[Math.floor(rand() * CONTEXTS.length)] ?? CONTEXTS[0];
        const part = Buffer.from(context ? context(a, u) : '', 'utf8');
        const ours = byUs(part);
        const theirs = bySaxes(part);
        if (ours.result !== theirs) {
          // one line to replay from
          expect({ part: part.toString('utf8'), ours: ours.result }).toEqual({
            part: part.toString('utf8'),
            ours: theirs,
          });
        }
        if (ours.result === 'ok') expect(ours.texts.join('')).toBe(saxesTexts(part).join(''));
        seen[ours.result]++;
      }
      compared = compare.mock.calls.length;
    } finally {
      compare.mockRestore();
    }
    // both outcomes were exercised, and texts were found in the memo (a lookup compares bytes)
    expect(seen.ok).toBeGreaterThan(300);
    expect(seen.refused).toBeGreaterThan(300);
    expect(compared).toBeGreaterThan(300);
  });
});
