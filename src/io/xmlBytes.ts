/**
 * The XML scanner of ./xml.ts working on the bytes of a UTF-8 part, for the large worksheets: no
 * text is decoded and nothing is allocated per tag — names, attributes and texts are reported as
 * byte offsets, and the handler decodes only what it keeps (the wanted cells). The well-formedness
 * rules are exactly those of `scanXml` (see ./xml.ts: balanced tags, one root, quoted unique
 * attributes without '<', valid references, no ']]>' in text, comments, CDATA, DOCTYPE refused, the
 * XML declaration only at the start); characters XML forbids are looked for in the bytes first.
 * Markup is ASCII, so a UTF-8 sequence is never cut: every offset reported is at an ASCII byte.
 */
import { reason, type ReasonArgs } from './errors';
import { NodeBuffer } from './nodeBuffer';
import { XmlError, attrValue, type AmpPlace, decodeText, isXmlDeclaration, referenceIsValid } from './xml';

export interface ByteHandler {
  /** A start tag: its local name (prefix dropped) at [name, nameEnd), attributes at [attrs, attrsEnd). */
  open(name: number, nameEnd: number, attrs: number, attrsEnd: number, selfClosing: boolean): void;
  /** An end tag (also right after `open` for a self-closing tag); local name at [name, nameEnd). */
  close(name: number, nameEnd: number): void;
  /** Character data at [from, to): raw (references not decoded) unless `cdata`. */
  text(from: number, to: number, cdata: boolean): void;
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;

const NAME_START = 1;
const NAME_CHAR = 2;
const SPACE = 4;
/** ends a tag's name: white space, '/', '>' */
const NAME_END = 8;
/**
 * Byte classes, looked up inline as `CLS[b[i] ?? PAST_END]` (no call per byte: `check` runs this
 * scanner in the interpreter, where a call costs more than the lookup); past the end: class 0.
 */
const PAST_END = 256;
const CLS = (() => {
  const t = new Uint8Array(PAST_END + 1);
  for (let c = 0; c < 128; c++) {
    const start = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
    if (start) t[c] = NAME_START | NAME_CHAR;
    else if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e) t[c] = NAME_CHAR;
  }
  for (const c of [0x20, 0x09, 0x0a, 0x0d]) t[c] = SPACE | NAME_END;
  t[SLASH] = NAME_END;
  t[GT] = NAME_END;
  return t;
})();

/** The class flags of a byte (0 past the end). */
const cls = (c: number | undefined): number => CLS[c ?? PAST_END] ?? 0;

const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Byte values XML forbids (C0 controls but tab, LF, CR). */
const CONTROL_BYTES = Array.from({ length: 32 }, (_, c) => c).filter((c) => c !== 9 && c !== 10 && c !== 13);
const NONCHARS = [new Uint8Array([0xef, 0xbf, 0xbe]), new Uint8Array([0xef, 0xbf, 0xbf])];

/** Whether UTF-8 bytes hold a character XML forbids (C0 controls but tab/LF/CR, U+FFFE, U+FFFF). */
export function hasForbiddenXmlBytes(b: Uint8Array): boolean {
  if (NodeBuffer) {
    // memchr-fast Buffer.indexOf, one pass per byte value
    const buf = NodeBuffer.from(b.buffer, b.byteOffset, b.length);
    return CONTROL_BYTES.some((c) => buf.indexOf(c) >= 0) || NONCHARS.some((seq) => buf.indexOf(seq) >= 0);
  }
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c !== undefined && c < 0x20) {
      if (c !== 9 && c !== 10 && c !== 13) return true;
    } else if (c === 0xef && b[i + 1] === 0xbf && (b[i + 2] === 0xbe || b[i + 2] === 0xbf)) return true;
  }
  return false;
}

/** Bytes [from, to) as one character each (for names and messages; at most `max` of them). */
export function ascii(b: Uint8Array, from: number, to: number, max = 200): string {
  const end = Math.min(to, from + max);
  // a native slice pays off past a dozen characters (the part's bytes are a Buffer on Node)
  if (end - from > 12 && NodeBuffer && b instanceof NodeBuffer) return b.toString('latin1', from, end);
  let s = '';
  for (let i = from; i < end; i++) s += String.fromCharCode(b[i] ?? 0);
  return s;
}

const utf8 = new TextDecoder('utf-8');

/** UTF-8 bytes [from, to) as text. */
export function decodeUtf8(b: Uint8Array, from: number, to: number): string {
  if (NodeBuffer) {
    const buf = b instanceof NodeBuffer ? b : NodeBuffer.from(b.buffer, b.byteOffset, b.length);
    return buf.toString('utf8', from, to);
  }
  return utf8.decode(b.subarray(from, to));
}

/** The character a predefined entity ends with at `end - 2` (`&lt;` → '<'), for `commonReferenceEnd`. */
function commonReferenceChar(b: Uint8Array, amp: number): string {
  const c = b[amp + 1];
  if (c === 0x71) return '"';
  if (c === 0x6c) return '<';
  if (c === 0x67) return '>';
  return b[amp + 2] === 0x6d ? '&' : "'";
}

/** Bytes [from, to) that are ASCII as text (one character each). */
function asciiRun(b: Uint8Array, from: number, to: number, high: boolean): string {
  return high ? decodeUtf8(b, from, to) : ascii(b, from, to, Infinity);
}

/**
 * Character data at [from, to) of a part the scanner checked, as a parser reports it (`decodeText`
 * of its UTF-8 text), made on the bytes: plain ASCII and the predefined entities without the
 * intermediate strings; anything else (CR, character references) through `decodeText`.
 */
export function textBytes(b: Uint8Array, from: number, to: number, cdata: boolean): string {
  let out = '';
  let run = from;
  let high = false;
  for (let k = from; k < to; k++) {
    const c = b[k] ?? 0;
    if (c >= 0x80) high = true;
    else if (c === 0x0d) return decodeText(decodeUtf8(b, from, to), cdata);
    else if (c === AMP && !cdata) {
      const end = commonReferenceEnd(b, k);
      if (end === 0 || end > to) return decodeText(decodeUtf8(b, from, to), cdata);
      out += (k > run ? asciiRun(b, run, k, high) : '') + commonReferenceChar(b, k);
      run = end;
      high = false;
      k = end - 1;
    }
  }
  return run === from ? asciiRun(b, from, to, high) : out + asciiRun(b, run, to, high);
}

/** Whether the bytes [s, e) are `name`. */
export function sameBytes(b: Uint8Array, s: number, e: number, name: Uint8Array): boolean {
  if (e - s !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (b[s + k] !== name[k]) return false;
  return true;
}

/**
 * Each attribute of a start tag whose attributes [from, to) the scanner already checked
 * well-formed: `cb(nameStart, nameEnd, valueStart, valueEnd)`, until it returns true.
 */
export function forEachAttrBytes(
  b: Uint8Array,
  from: number,
  to: number,
  cb: (ns: number, ne: number, vs: number, ve: number) => boolean,
): void {
  let i = from;
  while (i < to) {
    while (i < to && isSpace(b[i])) i++;
    const ns = i;
    while (i < to && b[i] !== 0x3d && !isSpace(b[i])) i++;
    const ne = i;
    while (i < to && b[i] !== 0x22 && b[i] !== 0x27) i++;
    if (i >= to) return;
    const q = b[i];
    const vs = i + 1;
    let ve = vs;
    while (ve < to && b[ve] !== q) ve++;
    if (ve >= to) return;
    i = ve + 1;
    if (cb(ns, ne, vs, ve)) return;
  }
}

/** An attribute value [vs, ve) as a parser reports it (references decoded, whitespace normalised). */
export function attrText(b: Uint8Array, vs: number, ve: number): string {
  for (let k = vs; k < ve; k++) {
    const c = b[k];
    if (c === undefined || c === 0x26 || c === 0x09 || c === 0x0a || c === 0x0d || c >= 0x80)
      return attrValue(decodeUtf8(b, vs, ve));
  }
  return ascii(b, vs, ve, Infinity);
}

/** The value of the attribute named exactly `name` (an unprefixed `r` is not `xmlns:r`); undefined if absent. */
export function attrBytes(b: Uint8Array, from: number, to: number, name: Uint8Array): string | undefined {
  let found: string | undefined;
  forEachAttrBytes(b, from, to, (ns, ne, vs, ve) => {
    if (!sameBytes(b, ns, ne, name)) return false;
    found = attrText(b, vs, ve);
    return true;
  });
  return found;
}

const XMLNS = Uint8Array.from([0x78, 0x6d, 0x6c, 0x6e, 0x73]);

/**
 * A prefixed attribute with local name `local` (e.g. `r:id`, not a plain `id` nor `xmlns:id`), as
 * `getPrefixedAttr` in ./xml.ts: two of them are ambiguous without namespace resolution (XmlError).
 */
export function prefixedAttrBytes(
  b: Uint8Array,
  from: number,
  to: number,
  local: Uint8Array,
): string | undefined {
  let found: string | undefined;
  forEachAttrBytes(b, from, to, (ns, ne, vs, ve) => {
    let colon = ns;
    while (colon < ne && b[colon] !== 0x3a) colon++;
    if (colon >= ne || !sameBytes(b, colon + 1, ne, local)) return false;
    if (ne - ns >= XMLNS.length && sameBytes(b, ns, ns + XMLNS.length, XMLNS)) return false;
    if (found !== undefined) {
      throw new XmlError('xml.ambiguousAttr', { name: ascii(b, colon + 1, ne) });
    }
    found = attrText(b, vs, ve);
    return false;
  });
  return found;
}

/** Index of the byte sequence `seq` in `b` at or after `from`, or -1. */
function find(b: Uint8Array, seq: readonly number[], from: number): number {
  const first = seq[0] ?? -1;
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) {
    let k = 1;
    while (k < seq.length && b[i + k] === seq[k]) k++;
    if (k === seq.length) return i;
  }
  return -1;
}

/** The offset after `&quot;` `&amp;` `&lt;` `&gt;` `&apos;` at `amp` (no string made), else 0. */
function commonReferenceEnd(b: Uint8Array, amp: number): number {
  const c = b[amp + 1];
  if (c === 0x71) {
    return b[amp + 2] === 0x75 && b[amp + 3] === 0x6f && b[amp + 4] === 0x74 && b[amp + 5] === 0x3b
      ? amp + 6
      : 0;
  }
  if (c === 0x6c || c === 0x67) return b[amp + 2] === 0x74 && b[amp + 3] === 0x3b ? amp + 4 : 0;
  if (c === 0x61) {
    if (b[amp + 2] === 0x6d) return b[amp + 3] === 0x70 && b[amp + 4] === 0x3b ? amp + 5 : 0;
    if (b[amp + 2] === 0x70)
      return b[amp + 3] === 0x6f && b[amp + 4] === 0x73 && b[amp + 5] === 0x3b ? amp + 6 : 0;
  }
  return 0;
}

const startsWith = (b: Uint8Array, at: number, seq: readonly number[]): boolean => {
  for (let k = 0; k < seq.length; k++) if (b[at + k] !== seq[k]) return false;
  return true;
};

const codes = (s: string): number[] => Array.from(s, (ch) => ch.charCodeAt(0));
const CDATA_END = codes(']]>');
const COMMENT = codes('<!--');
const DASHES = codes('--');
const CDATA = codes('<![CDATA[');
const DOCTYPE = codes('<!DOCTYPE');
const PI_END = codes('?>');

/**
 * Character data this process already proved valid (every '&' a valid reference), kept by content:
 * the workbooks of one consolidation are built from the same template, so their worksheets repeat
 * the same long formulas, whose references are most of a worksheet's checking. A text is taken as
 * valid only when its bytes equal one proved before (a native compare), so nothing is skipped that
 * was not checked. Looked up only for a text that still has references after the first few walked
 * (a text with few costs less to walk than to look up), by its length and a fingerprint of four of
 * its bytes, so that a lookup usually compares once; a part whose texts keep missing stops looking
 * up (`ByteScanner.references`), so a file cannot make the memo cost more than a few lookups. Bounded: texts of 64 bytes or more, at most 4
 * per length and fingerprint, 2 MB in all (copies: no part is kept alive).
 */
class ValidTexts {
  private readonly byKey = new Map<number, Uint8Array[]>();
  private bytes = 0;
  static readonly MIN_BYTES = 64;
  /** references walked before the memo is looked up */
  static readonly WALK_FIRST = 4;
  private static readonly PER_KEY = 4;
  private static readonly MAX_BYTES = 2 * 1024 * 1024;

  /** The length (< 2^21 bytes: a part is at most a few MB) and four of the bytes, as one number. */
  private static key(b: Buffer, from: number, to: number): number {
    const n = to - from;
    const fp =
      ((b[from + (n >> 1)] ?? 0) |
        ((b[from + (n >> 2)] ?? 0) << 8) |
        ((b[from + ((3 * n) >> 2)] ?? 0) << 16) |
        ((b[to - 2] ?? 0) << 24)) >>>
      0;
    return (n % 0x200000) * 0x100000000 + fp;
  }

  has(b: Buffer, from: number, to: number): boolean {
    const same = this.byKey.get(ValidTexts.key(b, from, to));
    if (same) for (const t of same) if (b.compare(t, 0, t.length, from, to) === 0) return true;
    return false;
  }

  add(b: Buffer, from: number, to: number): void {
    const len = to - from;
    if (this.bytes + len > ValidTexts.MAX_BYTES) return;
    const key = ValidTexts.key(b, from, to);
    const same = this.byKey.get(key) ?? [];
    if (same.length >= ValidTexts.PER_KEY) return;
    same.push(Uint8Array.prototype.slice.call(b, from, to));
    this.byKey.set(key, same);
    this.bytes += len;
  }
}

/** Where there is a Node Buffer (its native compare); the browser checks every text. */
const validTexts = NodeBuffer ? new ValidTexts() : undefined;

/** Scan UTF-8 bytes (no byte order mark), calling `h`; throws XmlError unless well-formed. */
export function scanXmlBytes(b: Uint8Array, h: ByteHandler): void {
  if (hasForbiddenXmlBytes(b)) throw new XmlError('xml.forbiddenChar');
  new ByteScanner(b, h).run();
}

class ByteScanner {
  private readonly len: number;
  /** open elements: start and end offsets of their qualified names */
  private stack = new Int32Array(64);
  private depth = 0;
  private rootDone = false;
  private readonly names = new Int32Array(64);
  /** the bytes as a Node Buffer where there is one (its `indexOf` is faster per call) */
  private readonly search: Uint8Array;
  /** the bytes as a Node Buffer, for `validTexts` (undefined in the browser) */
  private readonly buffer: Buffer | undefined;
  /** next '&' at or after the current text (-1: none left) */
  private amp = -2;
  /** next ']]>' at or after the current text (-1: none left) */
  private cdEnd = -2;
  /** lookups of `validTexts` in this part that found the text, and that did not */
  private memoHits = 0;
  private memoMisses = 0;

  constructor(
    private readonly b: Uint8Array,
    private readonly h: ByteHandler,
  ) {
    this.len = b.length;
    this.buffer = NodeBuffer ? NodeBuffer.from(b.buffer, b.byteOffset, b.length) : undefined;
    this.search = this.buffer ?? b;
  }

  /**
   * The reference whose '&' is at `amp` ends before `to` with a ';' within 10 bytes and is a
   * predefined entity or a valid character reference; returns the offset after its ';'.
   */
  private reference(amp: number, to: number, where: AmpPlace): number {
    const b = this.b;
    const common = commonReferenceEnd(b, amp);
    if (common > 0 && common <= to) return common;
    const stop = Math.min(to, amp + 11);
    let semi = amp + 1;
    while (semi < stop && b[semi] !== 0x3b) semi++;
    if (semi >= stop || !referenceIsValid(ascii(b, amp + 1, semi))) {
      throw new XmlError('xml.badAmp', { where: reason(where) });
    }
    return semi + 1;
  }

  /**
   * Character data at [from, to): every '&' a valid reference, no ']]>'. The next '&' and the next
   * ']]>' are kept as forward cursors found with native searches (`Buffer.indexOf` where there is
   * one: the fastest per call), so text bytes are never visited one by one.
   */
  private text(from: number, to: number): void {
    if (this.depth === 0) {
      if (!this.isBlank(from, to)) throw new XmlError('xml.outsideRoot');
      return;
    }
    const search = this.search;
    if (this.amp !== -1 && this.amp < from) this.amp = search.indexOf(AMP, from);
    if (this.amp >= 0 && this.amp < to) this.references(from, to);
    if (this.cdEnd !== -1 && this.cdEnd < from) this.cdEnd = find(search, CDATA_END, from);
    if (this.cdEnd >= 0 && this.cdEnd + 3 <= to) throw new XmlError('xml.cdataEnd');
    this.h.text(from, to, false);
  }

  /** Every '&' in the character data [from, to) is a valid reference (its first is `this.amp`). */
  private references(from: number, to: number): void {
    const { search, buffer } = this;
    const memo = buffer && to - from >= ValidTexts.MIN_BYTES ? validTexts : undefined;
    // looked up while it pays in this part: not after 32 misses with fewer than one hit in four
    const lookUp = this.memoMisses < 32 || this.memoMisses < 4 * this.memoHits;
    let walked = 0;
    while (this.amp >= 0 && this.amp < to) {
      if (walked === ValidTexts.WALK_FIRST && memo && buffer && lookUp) {
        if (memo.has(buffer, from, to)) {
          this.memoHits++;
          this.amp = search.indexOf(AMP, to);
          return;
        }
        this.memoMisses++;
      }
      this.amp = search.indexOf(AMP, this.reference(this.amp, to, 'xml.inContent'));
      walked++;
    }
    if (walked > ValidTexts.WALK_FIRST && memo && buffer) memo.add(buffer, from, to);
  }

  private isBlank(from: number, to: number): boolean {
    const b = this.b;
    for (let k = from; k < to; k++) if (((CLS[b[k] ?? PAST_END] ?? 0) & SPACE) === 0) return false;
    return true;
  }

  /** Offset just after the prefix of the qualified name [s, e) (`x:c` → `c`). */
  private local(s: number, e: number): number {
    for (let k = s; k < e; k++) if (this.b[k] === 0x3a) return k + 1;
    return s;
  }

  run(): void {
    const { b, len, h } = this;
    let i = 0;
    while (i < len) {
      // tags usually follow each other directly: no search then
      const lt = b[i] === LT ? i : this.search.indexOf(LT, i);
      if (lt < 0) {
        this.text(i, len);
        break;
      }
      if (lt > i) this.text(i, lt);
      const c = b[lt + 1];
      if (c === 0x21) i = this.bang(lt);
      else if (c === 0x3f) i = this.instruction(lt);
      else if (c === SLASH) i = this.endTag(lt);
      else {
        let j = lt + 1;
        let ok = ((CLS[b[j] ?? PAST_END] ?? 0) & NAME_START) !== 0;
        for (;;) {
          const k = CLS[b[j] ?? PAST_END] ?? 0;
          if ((k & NAME_CHAR) === 0) {
            if (j >= len || (k & NAME_END) !== 0) break;
            ok = false;
          }
          j++;
        }
        if (!ok) {
          const q = ascii(b, lt + 1, j);
          throw q ? new XmlError('xml.badTagName', { name: q.slice(0, 40) }) : new XmlError('xml.noTagName');
        }
        if (this.rootDone) throw new XmlError('xml.twoRoots');
        const nameEnd = j;
        j = this.attributes(j, lt + 1, nameEnd);
        const selfClosing = b[j - 1] === SLASH && j - 1 >= nameEnd;
        i = j + 1;
        const ln = this.local(lt + 1, nameEnd);
        if (selfClosing) {
          if (this.depth === 0) this.rootDone = true;
        } else this.push(lt + 1, nameEnd);
        h.open(ln, nameEnd, nameEnd, selfClosing ? j - 1 : j, selfClosing);
        if (selfClosing) h.close(ln, nameEnd);
      }
    }
    if (this.depth > 0) {
      const top = ascii(b, this.stack[2 * this.depth - 2] ?? 0, this.stack[2 * this.depth - 1] ?? 0);
      throw new XmlError('xml.unclosedTag', { tag: top });
    }
    if (!this.rootDone) throw new XmlError('xml.noRoot');
  }

  private push(s: number, e: number): void {
    if (2 * this.depth + 2 > this.stack.length) {
      const grown = new Int32Array(this.stack.length * 2);
      grown.set(this.stack);
      this.stack = grown;
    }
    this.stack[2 * this.depth] = s;
    this.stack[2 * this.depth + 1] = e;
    this.depth++;
  }

  private bang(lt: number): number {
    const b = this.b;
    if (startsWith(b, lt, COMMENT)) {
      const end = find(b, DASHES, lt + 4);
      if (end < 0) throw new XmlError('xml.unclosedComment');
      if (b[end + 2] !== GT) throw new XmlError('xml.commentDashes');
      return end + 3;
    }
    if (startsWith(b, lt, CDATA)) {
      if (this.depth === 0) throw new XmlError('xml.cdataOutside');
      const end = find(b, CDATA_END, lt + 9);
      if (end < 0) throw new XmlError('xml.unclosedCdata');
      this.h.text(lt + 9, end, true);
      return end + 3;
    }
    if (startsWith(b, lt, DOCTYPE)) {
      throw new XmlError('xml.doctype');
    }
    throw new XmlError('xml.badBang');
  }

  private instruction(lt: number): number {
    const b = this.b;
    const end = find(b, PI_END, lt + 2);
    if (end < 0) throw new XmlError('xml.unclosedPi');
    let t = lt + 2;
    while (t < end && !isSpace(b[t])) t++;
    let named = t > lt + 2 && (cls(b[lt + 2]) & NAME_START) !== 0;
    for (let k = lt + 3; k < t && named; k++) named = (cls(b[k]) & NAME_CHAR) !== 0;
    if (!named) throw new XmlError('xml.piName');
    const target = ascii(b, lt + 2, t);
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml' || lt !== 0) throw new XmlError('xml.declNotFirst');
      if (!isXmlDeclaration(ascii(b, lt, end + 2, Infinity))) throw new XmlError('xml.badDecl');
    }
    return end + 2;
  }

  private endTag(lt: number): number {
    const b = this.b;
    let gt = lt + 2;
    while (gt < this.len && b[gt] !== GT) gt++;
    if (gt >= this.len) throw new XmlError('xml.unendedEndTag');
    let e = lt + 2;
    while (e < gt && ((CLS[b[e] ?? PAST_END] ?? 0) & SPACE) === 0) e++;
    if (!this.isBlank(e, gt)) throw new XmlError('xml.badEndTag', { tag: ascii(b, lt + 2, gt).slice(0, 40) });
    if (this.depth === 0) throw new XmlError('xml.strayEndTag', { tag: ascii(b, lt + 2, e).slice(0, 40) });
    const s = this.stack[2 * this.depth - 2] ?? 0;
    const n = (this.stack[2 * this.depth - 1] ?? 0) - s;
    let same = e - (lt + 2) === n;
    for (let k = 0; k < n && same; k++) same = b[s + k] === b[lt + 2 + k];
    if (!same) {
      throw new XmlError('xml.mismatch', {
        open: ascii(b, s, s + n),
        close: ascii(b, lt + 2, e).slice(0, 40),
      });
    }
    this.depth--;
    if (this.depth === 0) this.rootDone = true;
    const ln = this.local(lt + 2, e);
    this.h.close(ln, e);
    return gt + 1;
  }

  /** As `Scanner.attributes` in ./xml.ts; returns the index of the tag's closing '>'. */
  private attributes(j: number, tagStart: number, tagEnd: number): number {
    const { b, len } = this;
    const tag = (): string => ascii(b, tagStart, tagEnd);
    const bad = (...why: ReasonArgs): XmlError =>
      new XmlError('xml.badAttribute', { tag: tag(), why: reason(...why) });
    let count = 0;
    let many: Set<string> | undefined;
    for (;;) {
      const ws = j;
      while (((CLS[b[j] ?? PAST_END] ?? 0) & SPACE) !== 0) j++;
      if (j >= len) throw new XmlError('xml.unendedTag', { tag: tag() });
      const c = b[j];
      if (c === GT) return j;
      if (c === SLASH) {
        if (b[j + 1] !== GT) throw bad('xml.attrSlash');
        return j + 1;
      }
      if (j === ws) throw bad('xml.attrSpace');
      const nameStart = j;
      if ((cls(c) & NAME_START) === 0) throw bad('xml.attrName');
      j++;
      while (((CLS[b[j] ?? PAST_END] ?? 0) & NAME_CHAR) !== 0) j++;
      const nameLen = j - nameStart;
      while (((CLS[b[j] ?? PAST_END] ?? 0) & SPACE) !== 0) j++;
      if (b[j] !== 0x3d) throw bad('xml.attrEquals');
      j++;
      while (((CLS[b[j] ?? PAST_END] ?? 0) & SPACE) !== 0) j++;
      const q = b[j];
      if (q !== 0x22 && q !== 0x27) throw bad('xml.attrQuote');
      // the value: up to the closing quote, no '<', every '&' a valid reference
      let end = j + 1;
      for (; end < len; end++) {
        const v = b[end];
        if (v === q) break;
        if (v === LT) throw bad('xml.attrLt');
        if (v === AMP) end = this.reference(end, len, 'xml.inAttribute') - 1;
      }
      if (end >= len) throw new XmlError('xml.unendedTag', { tag: tag() });
      const names = this.names;
      for (let k = 0; k < count; k += 2) {
        const other = names[k] ?? 0;
        if (names[k + 1] !== nameLen) continue;
        let m = 0;
        while (m < nameLen && b[other + m] === b[nameStart + m]) m++;
        if (m === nameLen) throw bad('xml.attrRepeated', { name: ascii(b, nameStart, nameStart + nameLen) });
      }
      if (count < 64) {
        names[count] = nameStart;
        names[count + 1] = nameLen;
        count += 2;
      } else {
        if (!many) {
          many = new Set<string>();
          for (let k = 0; k < count; k += 2) {
            const at = names[k] ?? 0;
            many.add(ascii(b, at, at + (names[k + 1] ?? 0)));
          }
        }
        const name = ascii(b, nameStart, nameStart + nameLen);
        if (many.has(name)) throw bad('xml.attrRepeated', { name });
        many.add(name);
      }
      j = end + 1;
    }
  }
}
