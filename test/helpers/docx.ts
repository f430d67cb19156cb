/**
 * Reading a generated .docx back for structure tests: the parts unzipped with fflate, and the body
 * of word/document.xml as a list of top-level blocks (paragraphs and tables) with their text.
 */
import { strFromU8, unzipSync } from 'fflate';
import { at } from './at';

export interface DocxParts {
  document: string;
  styles: string;
  /** every part name in the package */
  names: string[];
}

export function docxParts(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const part = (name: string): string => {
    const f = files[name];
    if (!f) throw new Error(`no ${name} in the package`);
    return strFromU8(f);
  };
  return { document: part('word/document.xml'), styles: part('word/styles.xml'), names: Object.keys(files) };
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of one paragraph's runs. */
export function paraText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(at(m, 1))).join('');
}

export interface BodyBlock {
  kind: 'p' | 'tbl';
  xml: string;
  /** a paragraph's text; a table's paragraphs' texts joined by "\n" */
  text: string;
}

/** The top-level children of <w:body> in order (tables are not nested in these documents). */
export function bodyBlocks(document: string): BodyBlock[] {
  const start = document.indexOf('<w:body>');
  const end = document.lastIndexOf('<w:sectPr');
  const body = document.slice(start + '<w:body>'.length, end);
  const out: BodyBlock[] = [];
  const re = /<w:tbl>[\s\S]*?<\/w:tbl>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g;
  for (const m of body.matchAll(re)) {
    const xml = m[0];
    if (xml.startsWith('<w:tbl>')) {
      const paras = [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map((p) => paraText(p[0]));
      out.push({ kind: 'tbl', xml, text: paras.join('\n') });
    } else out.push({ kind: 'p', xml, text: paraText(xml) });
  }
  return out;
}

/** Texts of all paragraphs, tables included, in document order. */
export function allParagraphs(document: string): string[] {
  return [...document.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map((p) => paraText(p[0]));
}
