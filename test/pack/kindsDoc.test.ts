/** docs/packs.md lists the requirement kinds exactly as the registry renders them. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { KINDS } from '../../src/kinds';
import { KINDS_DOC_END, KINDS_DOC_START, renderKindsDoc, withKindsDoc } from '../../src/pack/kindsDoc';

const DOC = join(__dirname, '..', '..', 'docs', 'packs.md');

describe('the kinds table of docs/packs.md', () => {
  it('is what the registry renders (fix: npm run docs:kinds)', () => {
    const markdown = readFileSync(DOC, 'utf8');
    expect(withKindsDoc(markdown)).toBe(markdown);
  });

  it('has one row per kind, with its references, fields and doc line', () => {
    const section = renderKindsDoc();
    expect(section.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(KINDS.length);
    expect(section).toContain('| `atLeast` | `indicator` (count) | `min`, `due`? | count ≥ `min`');
    expect(section).toContain('| `zero` | `indicator` (count) | — |');
    // a table that differs is noticed: one kind fewer
    const markdown = readFileSync(DOC, 'utf8');
    expect(withKindsDoc(markdown, renderKindsDoc(KINDS.slice(1)))).not.toBe(markdown);
    expect(() => withKindsDoc(markdown.replace(KINDS_DOC_START, ''))).toThrow('markers');
    expect(() => withKindsDoc(markdown.replace(KINDS_DOC_END, ''))).toThrow('markers');
  });
});
