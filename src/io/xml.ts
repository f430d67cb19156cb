/**
 * A minimal, linear-time XML scanner for the few SpreadsheetML parts we read. No regex backtracking,
 * no entity expansion beyond the predefined and numeric character references (DOCTYPE internal
 * subsets are skipped, never expanded), namespace prefixes ignored (`x:c` is `c`).
 */

export class XmlError extends Error {}

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
  const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  if (NodeBuffer)
    return NodeBuffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString('utf8');
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
}

/**
 * Decode a large part for scanning when only a few of its texts are needed: in Node the bytes are
 * read as Latin-1 (one char per byte, very fast; all markup is ASCII) and `fix` turns a captured raw
 * text back into proper UTF-8 text. Texts are split only at '<', so no UTF-8 sequence is ever cut.
 * Elsewhere (or for UTF-16 parts) this is `decodeXmlBytes` with an identity `fix`.
 */
export function decodeXmlBytesLazy(bytes: Uint8Array): { xml: string; fix: (raw: string) => string } {
  const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  const utf16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (!NodeBuffer || utf16) return { xml: decodeXmlBytes(bytes), fix: (raw) => raw };
  const xml = NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  return {
    xml,
    fix: (raw) => {
      for (let i = 0; i < raw.length; i++) {
        if (raw.charCodeAt(i) > 0x7f) return NodeBuffer.from(raw, 'latin1').toString('utf8');
      }
      return raw;
    },
  };
}

const localName = (qname: string): string => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

function isNameEnd(c: number): boolean {
  // whitespace, '/', '>'
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e;
}

/** Scan `xml`, calling the handler for tags and text. Throws XmlError on malformed markup. */
export function scanXml(xml: string, h: XmlHandler): void {
  const len = xml.length;
  let i = 0;
  while (i < len) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (h.text) h.text(xml.slice(i), false);
      return;
    }
    if (lt > i && h.text) h.text(xml.slice(i, lt), false);
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlError('chú thích XML chưa đóng');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlError('đoạn CDATA chưa đóng');
        if (h.text) h.text(xml.slice(lt + 9, end), true);
        i = end + 3;
      } else {
        // <!DOCTYPE …> possibly with an internal subset [ … ]: skipped, never expanded.
        const gt = xml.indexOf('>', lt);
        const br = xml.indexOf('[', lt);
        let end = gt;
        if (br >= 0 && (gt < 0 || br < gt)) {
          const close = xml.indexOf(']', br);
          end = close < 0 ? -1 : xml.indexOf('>', close);
        }
        if (end < 0) throw new XmlError('khai báo DOCTYPE chưa đóng');
        i = end + 1;
      }
      continue;
    }
    if (c === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('chỉ dẫn xử lý XML chưa đóng');
      i = end + 2;
      continue;
    }
    if (c === 0x2f /* / */) {
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) throw new XmlError('thẻ đóng chưa kết thúc');
      const name = localName(xml.slice(lt + 2, gt).trim());
      if (h.close && h.close(name) === false) return;
      i = gt + 1;
      continue;
    }
    // Start tag: name, then attributes up to '>' outside quotes.
    let j = lt + 1;
    while (j < len && !isNameEnd(xml.charCodeAt(j))) j++;
    const name = localName(xml.slice(lt + 1, j));
    if (!name) throw new XmlError('thẻ không có tên');
    const attrStart = j;
    let quote = 0;
    for (; j < len; j++) {
      const d = xml.charCodeAt(j);
      if (quote) {
        if (d === quote) quote = 0;
      } else if (d === 0x22 || d === 0x27) {
        quote = d;
      } else if (d === 0x3e) {
        break;
      }
    }
    if (j >= len) throw new XmlError(`thẻ <${name}> chưa kết thúc`);
    const selfClosing = xml.charCodeAt(j - 1) === 0x2f && j - 1 >= attrStart;
    const attrs = xml.slice(attrStart, selfClosing ? j - 1 : j);
    i = j + 1;
    if (h.open && h.open(name, attrs, selfClosing) === false) return;
    if (selfClosing && h.close && h.close(name) === false) return;
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

/** Attribute `want` (local name, any prefix) from raw attribute text, entity-decoded; undefined if absent. */
export function getAttr(attrs: string, want: string): string | undefined {
  let found: string | undefined;
  forEachAttr(attrs, (qname, raw) => {
    if (localName(qname) !== want) return false;
    found = decodeEntities(raw);
    return true;
  });
  return found;
}

/** Like getAttr but only a prefixed attribute (e.g. `r:id`, not a plain `id`). */
export function getPrefixedAttr(attrs: string, want: string): string | undefined {
  let found: string | undefined;
  forEachAttr(attrs, (qname, raw) => {
    const colon = qname.indexOf(':');
    if (colon < 0 || qname.slice(colon + 1) !== want || qname.startsWith('xmlns')) return false;
    found = decodeEntities(raw);
    return true;
  });
  return found;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

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
      const body = s.slice(amp + 1, semi);
      let rep: string | undefined;
      if (body.charCodeAt(0) === 0x23 /* # */) {
        const hex = body.charCodeAt(1) === 0x78 || body.charCodeAt(1) === 0x58;
        const digits = body.slice(hex ? 2 : 1);
        if (digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
          const cp = parseInt(digits, hex ? 16 : 10);
          if (cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) rep = String.fromCodePoint(cp);
        }
      } else {
        rep = NAMED[body];
      }
      if (rep !== undefined) {
        out += s.slice(last, amp) + rep;
        last = semi + 1;
      }
    }
    amp = s.indexOf('&', amp + 1);
  }
  return out + s.slice(last);
}

/** Excel's `_xHHHH_` escapes in cell text (e.g. `_x000D_` for a carriage return). */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
