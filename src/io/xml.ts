/**
 * A minimal, linear-time XML scanner for the few SpreadsheetML parts we read. It accepts only
 * well-formed XML, so that it never reads a part differently from a real XML parser: a document a
 * conforming parser refuses is refused here too (unbalanced or misnested tags, malformed or
 * duplicate attributes, undefined entity references, characters XML forbids, text or a second
 * element outside the root, a misplaced XML declaration). A DOCTYPE is refused outright: Excel
 * never writes one, and skipping it differently from a parser is how fake cells get read.
 * Namespace prefixes are ignored (`x:c` is `c`). No regex backtracking.
 */

import { inputReason, reason, type ReasonArgs, type ReasonKey } from '../i18n/inputReasons';
import { NodeBuffer } from './nodeBuffer';

/**
 * A part that is not well-formed XML. `message` is the Vietnamese reason; `reason` says it in any
 * language (src/i18n/reasons/xml.ts). Made only when a part is refused.
 */
export class XmlError extends Error {
  readonly reason: ReasonKey;

  constructor(...why: ReasonArgs) {
    const r = reason(...why);
    super(inputReason('vi', r));
    this.reason = r;
  }
}

/** Where an invalid `&` is: in character data or in an attribute value (a reason of its own). */
export type AmpPlace = 'xml.inContent' | 'xml.inAttribute';

export interface XmlHandler {
  /** A start tag; `attrs` is the raw attribute text. Return `false` to stop scanning. */
  open?(name: string, attrs: string, selfClosing: boolean): void | boolean;
  /** An end tag (also called right after `open` for a self-closing tag). Return `false` to stop. */
  close?(name: string): void | boolean;
  /** Character data between tags: raw (entities not yet decoded) unless `cdata`. */
  text?(raw: string, cdata: boolean): void;
}

/** Decode bytes of an XML part (UTF-8, or UTF-16 with a byte order mark). */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Node's Buffer decodes UTF-8 about twice as fast as TextDecoder; fall back in browsers.
  if (NodeBuffer)
    return NodeBuffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString('utf8');
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
}

/** Byte values XML forbids (C0 controls but tab, LF, CR). */
const CONTROL_BYTES = Array.from({ length: 32 }, (_, c) => c).filter((c) => c !== 9 && c !== 10 && c !== 13);
/** UTF-8 of U+FFFE and U+FFFF. */
const NONCHAR_BYTES = [new Uint8Array([0xef, 0xbf, 0xbe]), new Uint8Array([0xef, 0xbf, 0xbf])];

/** Node only: whether UTF-8 bytes hold a character XML forbids (memchr-fast `Buffer.indexOf`). */
function hasForbiddenBytes(buf: Buffer): boolean {
  for (const c of CONTROL_BYTES) if (buf.indexOf(c) >= 0) return true;
  for (const seq of NONCHAR_BYTES) if (buf.indexOf(seq) >= 0) return true;
  return false;
}

/**
 * Decode a part for scanning. With `lazy` (a large part of which only a few texts are needed), in
 * Node the bytes are read as Latin-1 (one char per byte, very fast; all markup is ASCII) and `fix`
 * turns a captured raw text back into proper UTF-8 text; texts are split only at '<', so no UTF-8
 * sequence is ever cut. In Node the characters XML forbids are looked for in the bytes (faster than
 * in the text), so `doc` comes back already checked; elsewhere `scanXml` checks the text.
 */
export function decodePart(
  bytes: Uint8Array,
  lazy: boolean,
): { doc: string | CheckedXml; fix: (raw: string) => string } {
  const utf16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const same = (raw: string): string => raw;
  const node = NodeBuffer;
  if (!node || utf16) return { doc: decodeXmlBytes(bytes), fix: same };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const buf = node.from(bytes.buffer, bytes.byteOffset + bom, bytes.length - bom);
  if (hasForbiddenBytes(buf)) throw new XmlError('xml.forbiddenChar');
  if (!lazy) return { doc: { xml: buf.toString('utf8'), charsChecked: true }, fix: same };
  return {
    doc: { xml: buf.toString('latin1'), charsChecked: true },
    fix: (raw) => {
      for (let i = 0; i < raw.length; i++) {
        if (raw.charCodeAt(i) > 0x7f) return node.from(raw, 'latin1').toString('utf8');
      }
      return raw;
    },
  };
}

/**
 * A part as UTF-8 bytes without a byte order mark, for the byte scanner (./xmlBytes.ts): UTF-8 as
 * it is; UTF-16 (with a byte order mark) decoded, checked for characters XML forbids (lone
 * surrogates included, which re-encoding would hide) and re-encoded.
 */
export function utf8Part(bytes: Uint8Array): Uint8Array {
  const utf16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16) {
    const text = decodeXmlBytes(bytes);
    if (FORBIDDEN_CHARS.test(text)) throw new XmlError('xml.forbiddenChar');
    return new TextEncoder().encode(text);
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytes.subarray(bom);
}

const localName = (qname: string): string => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

function isNameEnd(c: number): boolean {
  // whitespace, '/', '>'
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e;
}

/** ASCII XML name characters only (Excel writes nothing else in markup; others are refused). */
const NAME_START = 1;
const NAME_CHAR = 2;
const NAME_TABLE = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const start = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
    if (start) t[c] = NAME_START | NAME_CHAR;
    else if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e) t[c] = NAME_CHAR;
  }
  return t;
})();
const isNameChar = (c: number): boolean => c < 128 && ((NAME_TABLE[c] ?? 0) & NAME_CHAR) !== 0;
function isName(s: string): boolean {
  const c0 = s.charCodeAt(0);
  if (s.length === 0 || c0 >= 128 || ((NAME_TABLE[c0] ?? 0) & NAME_START) === 0) return false;
  for (let k = 1; k < s.length; k++) if (!isNameChar(s.charCodeAt(k))) return false;
  return true;
}

/** Characters XML 1.0 forbids anywhere (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
const FORBIDDEN_CHARS =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The XML declaration: version, then optional encoding and standalone, in this order. */
const XML_DECL =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*\?>$/;

/** Whether `s` is a well-formed XML declaration (`<?xml version="1.0" …?>`). */
export function isXmlDeclaration(s: string): boolean {
  return XML_DECL.test(s);
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(s.charCodeAt(k))) return false;
  return true;
}

/** Length of the common reference at `amp` (`&quot;` `&amp;` `&lt;` `&gt;` `&apos;`), else 0. */
function commonReference(s: string, amp: number): number {
  const c1 = s.charCodeAt(amp + 1);
  const c2 = s.charCodeAt(amp + 2);
  const c3 = s.charCodeAt(amp + 3);
  if (c1 === 0x71 /* q */) {
    return c2 === 0x75 && c3 === 0x6f && s.charCodeAt(amp + 4) === 0x74 && s.charCodeAt(amp + 5) === 0x3b
      ? 6
      : 0;
  }
  if ((c1 === 0x6c /* l */ || c1 === 0x67) /* g */ && c2 === 0x74 /* t */) return c3 === 0x3b ? 4 : 0;
  if (c1 === 0x61 /* a */) {
    if (c2 === 0x6d && c3 === 0x70 && s.charCodeAt(amp + 4) === 0x3b) return 5;
    if (c2 === 0x70 && c3 === 0x6f && s.charCodeAt(amp + 4) === 0x73 && s.charCodeAt(amp + 5) === 0x3b)
      return 6;
  }
  return 0;
}

/** A text (XML already decoded) whose characters were checked while decoding its bytes. */
export interface CheckedXml {
  readonly xml: string;
  readonly charsChecked: true;
}

/**
 * Scan `xml`, calling the handler for tags and text. Throws XmlError on anything that is not
 * well-formed XML. A handler returning `false` stops the callbacks, but the rest of the document is
 * still checked, so a part is either refused or read in full agreement with an XML parser.
 */
export function scanXml(input: string | CheckedXml, h: XmlHandler): void {
  const xml = typeof input === 'string' ? input : input.xml;
  if (typeof input === 'string' && FORBIDDEN_CHARS.test(xml)) {
    throw new XmlError('xml.forbiddenChar');
  }
  new Scanner(xml, h).run();
}

function badAttribute(tag: string, ...why: ReasonArgs): XmlError {
  return new XmlError('xml.badAttribute', { tag, why: reason(...why) });
}

/** The well-formedness checks and callbacks of `scanXml`; every search moves forward only (linear). */
class Scanner {
  private readonly len: number;
  private readonly stack: string[] = [];
  private rootDone = false;
  private live = true;
  /** next '&' at or after the current position (-1: none left) */
  private amp = -2;
  /** next ']]>' at or after the current position (-1: none left) */
  private cdEnd = -2;
  /** start offsets and lengths of the attribute names of the current tag (first 32) */
  private readonly names = new Int32Array(64);
  private nameCount = 0;

  constructor(
    private readonly xml: string,
    private readonly h: XmlHandler,
  ) {
    this.len = xml.length;
  }

  /** Checks every '&' in [from, to) (positions only move forward). */
  private references(from: number, to: number, where: AmpPlace): void {
    const xml = this.xml;
    if (this.amp !== -1 && this.amp < from) this.amp = xml.indexOf('&', from);
    while (this.amp >= 0 && this.amp < to) {
      const at = this.amp;
      let n = commonReference(xml, at);
      if (n === 0) {
        const semi = xml.indexOf(';', at + 1);
        if (
          semi < 0 ||
          semi >= to ||
          semi - at > 10 ||
          decodeReference(xml.slice(at + 1, semi)) === undefined
        ) {
          throw new XmlError('xml.badAmp', { where: reason(where) });
        }
        n = semi + 1 - at;
      }
      this.amp = xml.indexOf('&', at + n);
    }
  }

  private text(from: number, to: number): void {
    const xml = this.xml;
    if (this.stack.length === 0) {
      if (!isBlank(xml, from, to)) throw new XmlError('xml.outsideRoot');
      return;
    }
    this.references(from, to, 'xml.inContent');
    // ']]>' may not appear in text (a forward cursor: rare in workbooks, found once per occurrence)
    if (this.cdEnd !== -1 && this.cdEnd < from) this.cdEnd = xml.indexOf(']]>', from);
    if (this.cdEnd >= 0 && this.cdEnd + 3 <= to) throw new XmlError('xml.cdataEnd');
    if (this.live && this.h.text) this.h.text(xml.slice(from, to), false);
  }

  run(): void {
    const { xml, len, h } = this;
    let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
    const prologEnd = i;
    while (i < len) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) {
        this.text(i, len);
        break;
      }
      if (lt > i) this.text(i, lt);
      const c = xml.charCodeAt(lt + 1);
      if (c === 0x21 /* ! */) i = this.bang(lt);
      else if (c === 0x3f /* ? */) i = this.instruction(lt, prologEnd);
      else if (c === 0x2f /* / */) i = this.endTag(lt);
      else {
        // Start tag: name, then attributes checked up to '>'.
        let j = lt + 1;
        const c0 = xml.charCodeAt(j);
        let ok = c0 < 128 && ((NAME_TABLE[c0] ?? 0) & NAME_START) !== 0;
        while (j < len) {
          const d = xml.charCodeAt(j);
          if (isNameEnd(d)) break;
          if (d >= 128 || ((NAME_TABLE[d] ?? 0) & NAME_CHAR) === 0) ok = false;
          j++;
        }
        const qname = xml.slice(lt + 1, j);
        if (!ok)
          throw qname
            ? new XmlError('xml.badTagName', { name: qname.slice(0, 40) })
            : new XmlError('xml.noTagName');
        if (this.rootDone) throw new XmlError('xml.twoRoots');
        const attrStart = j;
        j = this.attributes(j, qname);
        const selfClosing = xml.charCodeAt(j - 1) === 0x2f && j - 1 >= attrStart;
        i = j + 1;
        if (selfClosing) {
          if (this.stack.length === 0) this.rootDone = true;
        } else this.stack.push(qname);
        if (this.live && h.open) {
          const name = localName(qname);
          if (h.open(name, xml.slice(attrStart, selfClosing ? j - 1 : j), selfClosing) === false)
            this.live = false;
          if (selfClosing && this.live && h.close && h.close(name) === false) this.live = false;
        }
      }
    }
    if (this.stack.length > 0)
      throw new XmlError('xml.unclosedTag', { tag: this.stack[this.stack.length - 1] ?? '' });
    if (!this.rootDone) throw new XmlError('xml.noRoot');
  }

  /** `<!--…-->`, `<![CDATA[…]]>`; a DOCTYPE or any other `<!` is refused. Returns the next position. */
  private bang(lt: number): number {
    const xml = this.xml;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('--', lt + 4);
      if (end < 0) throw new XmlError('xml.unclosedComment');
      if (xml.charCodeAt(end + 2) !== 0x3e) throw new XmlError('xml.commentDashes');
      return end + 3;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      if (this.stack.length === 0) throw new XmlError('xml.cdataOutside');
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) throw new XmlError('xml.unclosedCdata');
      if (this.live && this.h.text) this.h.text(xml.slice(lt + 9, end), true);
      return end + 3;
    }
    if (xml.startsWith('<!DOCTYPE', lt)) {
      throw new XmlError('xml.doctype');
    }
    throw new XmlError('xml.badBang');
  }

  /** `<?target …?>`; the XML declaration only at the very start. Returns the next position. */
  private instruction(lt: number, prologEnd: number): number {
    const xml = this.xml;
    const end = xml.indexOf('?>', lt + 2);
    if (end < 0) throw new XmlError('xml.unclosedPi');
    let t = lt + 2;
    while (t < end && !isSpace(xml.charCodeAt(t))) t++;
    const target = xml.slice(lt + 2, t);
    if (!isName(target)) throw new XmlError('xml.piName');
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml' || lt !== prologEnd) throw new XmlError('xml.declNotFirst');
      if (!XML_DECL.test(xml.slice(lt, end + 2))) throw new XmlError('xml.badDecl');
    }
    return end + 2;
  }

  /** `</name>` matching the innermost open element. Returns the next position. */
  private endTag(lt: number): number {
    const xml = this.xml;
    const gt = xml.indexOf('>', lt + 2);
    if (gt < 0) throw new XmlError('xml.unendedEndTag');
    const open = this.stack.pop();
    let e: number;
    let qname: string;
    if (open !== undefined && xml.startsWith(open, lt + 2)) {
      // the usual case: no slice needed
      e = lt + 2 + open.length;
      qname = open;
    } else {
      e = lt + 2;
      while (e < gt && !isSpace(xml.charCodeAt(e))) e++;
      qname = xml.slice(lt + 2, e);
    }
    if (!isBlank(xml, e, gt))
      throw new XmlError('xml.badEndTag', { tag: xml.slice(lt + 2, gt).slice(0, 40) });
    if (open !== qname) {
      throw open === undefined
        ? new XmlError('xml.strayEndTag', { tag: qname.slice(0, 40) })
        : new XmlError('xml.mismatch', { open, close: qname.slice(0, 40) });
    }
    if (this.stack.length === 0) this.rootDone = true;
    if (this.live && this.h.close && this.h.close(localName(qname)) === false) this.live = false;
    return gt + 1;
  }

  /**
   * Checks the attributes of a start tag from `j` (just after its name) and returns the index of
   * its closing '>'. Each attribute is whitespace, a name, '=', and a quoted value without '<' whose
   * '&'s are valid references; names are unique.
   */
  private attributes(j: number, tag: string): number {
    const { xml, len, names } = this;
    this.nameCount = 0;
    this.many = undefined;
    // the first '<' after the name (found at the first value): no attribute value may reach it
    let nextLt = -2;
    for (;;) {
      const ws = j;
      while (j < len && isSpace(xml.charCodeAt(j))) j++;
      if (j >= len) throw new XmlError('xml.unendedTag', { tag });
      const c = xml.charCodeAt(j);
      if (c === 0x3e) return j;
      if (c === 0x2f) {
        if (xml.charCodeAt(j + 1) !== 0x3e) throw badAttribute(tag, 'xml.attrSlash');
        return j + 1;
      }
      if (j === ws) throw badAttribute(tag, 'xml.attrSpace');
      const nameStart = j;
      if (c >= 128 || ((NAME_TABLE[c] ?? 0) & NAME_START) === 0) throw badAttribute(tag, 'xml.attrName');
      j++;
      while (j < len && isNameChar(xml.charCodeAt(j))) j++;
      const nameLen = j - nameStart;
      while (j < len && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3d) throw badAttribute(tag, 'xml.attrEquals');
      j++;
      while (j < len && isSpace(xml.charCodeAt(j))) j++;
      const q = xml.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) throw badAttribute(tag, 'xml.attrQuote');
      const end = xml.indexOf(q === 0x22 ? '"' : "'", j + 1);
      if (end < 0) throw new XmlError('xml.unendedTag', { tag });
      if (nextLt === -2) nextLt = xml.indexOf('<', j);
      if (nextLt >= 0 && nextLt < end) throw badAttribute(tag, 'xml.attrLt');
      this.references(j + 1, end, 'xml.inAttribute');
      const count = this.nameCount;
      for (let k = 0; k < count; k += 2) {
        if (names[k + 1] !== nameLen) continue;
        let m = 0;
        while (m < nameLen && xml.charCodeAt((names[k] ?? 0) + m) === xml.charCodeAt(nameStart + m)) m++;
        if (m === nameLen)
          throw badAttribute(tag, 'xml.attrRepeated', { name: xml.slice(nameStart, nameStart + nameLen) });
      }
      if (count < 64) {
        names[count] = nameStart;
        names[count + 1] = nameLen;
        this.nameCount = count + 2;
      } else this.manyAttributes(nameStart, nameLen, tag);
      j = end + 1;
    }
  }

  private many: Set<string> | undefined;

  /** Duplicate check for a tag with more than 32 attributes (a Set instead of pairwise compares). */
  private manyAttributes(nameStart: number, nameLen: number, tag: string): void {
    const { xml, names } = this;
    if (!this.many) {
      this.many = new Set<string>();
      for (let k = 0; k < this.nameCount; k += 2)
        this.many.add(xml.slice(names[k] ?? 0, (names[k] ?? 0) + (names[k + 1] ?? 0)));
    }
    const name = xml.slice(nameStart, nameStart + nameLen);
    if (this.many.has(name)) throw badAttribute(tag, 'xml.attrRepeated', { name });
    this.many.add(name);
  }
}

/** Calls `cb(qualifiedName, rawValue)` for each attribute; stops when `cb` returns true. */
function forEachAttr(attrs: string, cb: (qname: string, raw: string) => boolean): void {
  const len = attrs.length;
  let i = 0;
  while (i < len) {
    while (i < len && isSpace(attrs.charCodeAt(i))) i++;
    if (i >= len) return;
    const nameStart = i;
    while (i < len) {
      const c = attrs.charCodeAt(i);
      if (c === 0x3d /* = */ || isSpace(c)) break;
      i++;
    }
    const qname = attrs.slice(nameStart, i);
    while (i < len && isSpace(attrs.charCodeAt(i))) i++;
    if (attrs.charCodeAt(i) !== 0x3d) {
      if (i === nameStart) i++; // stray character: skip it
      continue;
    }
    i++;
    while (i < len && isSpace(attrs.charCodeAt(i))) i++;
    const q = attrs.charCodeAt(i);
    let value: string;
    if (q === 0x22 || q === 0x27) {
      const end = attrs.indexOf(q === 0x22 ? '"' : "'", i + 1);
      if (end < 0) return;
      value = attrs.slice(i + 1, end);
      i = end + 1;
    } else {
      const start = i;
      while (i < len && !isSpace(attrs.charCodeAt(i))) i++;
      value = attrs.slice(start, i);
    }
    if (cb(qname, value)) return;
  }
}

/** Attribute value as a parser reports it: literal tabs and line breaks become spaces, then references. */
export function attrValue(raw: string): string {
  const spaced = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw;
  return decodeEntities(spaced);
}

/** Attribute `want` exactly as named (an unprefixed `r` is not `xmlns:r`), decoded; undefined if absent. */
export function getAttr(attrs: string, want: string): string | undefined {
  let found: string | undefined;
  forEachAttr(attrs, (qname, raw) => {
    if (qname !== want) return false;
    found = attrValue(raw);
    return true;
  });
  return found;
}

/**
 * `getAttr` for the first attribute of a tag written the usual way (` r="E12" …`): no parsing of the
 * whole attribute text. Exact — attribute names are unique (checked by the scanner), so a first
 * attribute named `want` is the one — and falls back to `getAttr` for anything else.
 */
export function getFirstAttr(attrs: string, want: string): string | undefined {
  const n = want.length;
  if (
    attrs.charCodeAt(0) === 0x20 &&
    attrs.startsWith(want, 1) &&
    attrs.charCodeAt(n + 1) === 0x3d &&
    attrs.charCodeAt(n + 2) === 0x22
  ) {
    const end = attrs.indexOf('"', n + 3);
    const v = attrs.slice(n + 3, end);
    if (end >= 0 && !/[&\t\n\r]/.test(v)) return v;
  }
  return getAttr(attrs, want);
}

/**
 * A prefixed attribute with local name `want` (e.g. `r:id`, not a plain `id` nor `xmlns:id`).
 * Two of them (`r:id` and `x:id`) are ambiguous without namespace resolution: XmlError.
 */
export function getPrefixedAttr(attrs: string, want: string): string | undefined {
  let found: string | undefined;
  forEachAttr(attrs, (qname, raw) => {
    const colon = qname.indexOf(':');
    if (colon < 0 || qname.slice(colon + 1) !== want || qname.startsWith('xmlns')) return false;
    if (found !== undefined) throw new XmlError('xml.ambiguousAttr', { name: want });
    found = attrValue(raw);
    return false;
  });
  return found;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The five predefined entities (a Map: `&valueOf;` or `&__proto__;` are not entities). */
const NAMED = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** `amp` → "&", `#x41` → "A"; undefined when not a predefined entity nor a valid XML character. */
function decodeReference(body: string): string | undefined {
  if (body.charCodeAt(0) !== 0x23 /* # */) return NAMED.get(body);
  const hex = body.charCodeAt(1) === 0x78;
  const digits = body.slice(hex ? 2 : 1);
  if (digits.length === 0 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
  const cp = parseInt(digits, hex ? 16 : 10);
  const ok =
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff);
  return ok ? String.fromCodePoint(cp) : undefined;
}

/** Whether `&body;` is a predefined entity or a valid character reference. */
export function referenceIsValid(body: string): boolean {
  return decodeReference(body) !== undefined;
}

/** Decode the predefined entities and numeric character references; anything else stays literal. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    // Look for ';' within the longest reference (&#x10FFFF;) only: keeps this linear.
    let semi = -1;
    for (let k = amp + 1; k < s.length && k <= amp + 10; k++) {
      if (s.charCodeAt(k) === 0x3b) {
        semi = k;
        break;
      }
    }
    if (semi >= 0) {
      const rep = decodeReference(s.slice(amp + 1, semi));
      if (rep !== undefined) {
        out += s.slice(last, amp) + rep;
        last = semi + 1;
      }
    }
    amp = s.indexOf('&', amp + 1);
  }
  return out + s.slice(last);
}

/** Line ends as a parser reports them: CR LF and lone CR become LF. */
function newlines(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}

/** Character data as a parser reports it (line ends normalised; references decoded unless CDATA). */
export function decodeText(raw: string, cdata: boolean): string {
  return cdata ? newlines(raw) : decodeEntities(newlines(raw));
}

/** Excel's `_xHHHH_` escapes in cell text (e.g. `_x000D_` for a carriage return). */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
