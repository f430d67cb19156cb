/**
 * Every problem a pack or plan file can get is a key of the table (src/pack/issueTexts.ts), so it
 * can be said in English: none may pass through as its Vietnamese text (`zod.other`). The built-in
 * packs and plans are broken at a spread of places (a value replaced by one of the wrong kinds, or
 * removed) and every problem found is checked. (The English line of a shape problem is worked out
 * again from zod's final issue, which needs the received value: `reportInput` in the validators.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PackIssue } from '../../src/pack/issues';
import { validatePack } from '../../src/pack/validate';
import { validatePlan } from '../../src/plan/validate';

type Path = (string | number)[];
const REMOVE = Symbol('remove');
const ODD: readonly unknown[] = [REMOVE, null, 'x', '', -1, 1.5, 1e21, true, [], {}, ' a ', '31/02'];

function pathsOf(x: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length > 0) out.push(at);
  if (Array.isArray(x)) x.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (x !== null && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) pathsOf(v, [...at, k], out);
  return out;
}

/** A copy of `doc` with the value at `path` replaced by `value` (or removed). */
function broken(doc: unknown, path: Path, value: unknown): unknown {
  const copy: unknown = structuredClone(doc);
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = path[path.length - 1];
  if (last === undefined || parent === null || typeof parent !== 'object') return copy;
  const obj = parent as Record<string | number, unknown>;
  if (value !== REMOVE) obj[last] = value;
  else if (Array.isArray(obj) && typeof last === 'number') obj.splice(last, 1);
  else delete obj[last];
  return copy;
}

function documents(folder: string): Array<[string, unknown]> {
  const dir = join(__dirname, '..', '..', 'src', folder, 'builtin');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown]);
}

function passedThrough(
  docs: Array<[string, unknown]>,
  validate: (d: unknown) => { ok: true } | { ok: false; issues: PackIssue[] },
  spread: number,
): { checked: number; problems: number; through: string[] } {
  let checked = 0;
  let problems = 0;
  const through: string[] = [];
  for (const [name, doc] of docs) {
    const paths = pathsOf(doc);
    const step = Math.max(1, Math.floor(paths.length / spread));
    for (let p = 0; p < paths.length; p += step) {
      const path = paths[p] ?? [];
      for (const value of ODD) {
        const r = validate(broken(doc, path, value));
        checked++;
        if (r.ok) continue;
        problems += r.issues.length;
        for (const i of r.issues)
          if (i.key === 'zod.other') through.push(`${name} ${path.join('.')}: ${i.path}: ${i.message}`);
      }
    }
  }
  return { checked, problems, through };
}

describe('pack and plan problems are keys of the table', () => {
  it('the built-in packs, broken at ~80 places each in 12 ways', () => {
    const r = passedThrough(documents('pack'), validatePack, 80);
    expect(r.through).toEqual([]);
    expect(r.problems).toBeGreaterThan(1000);
  });

  it('the built-in plans, broken at ~40 places each in 12 ways', () => {
    const r = passedThrough(documents('plan'), validatePlan, 40);
    expect(r.through).toEqual([]);
    expect(r.problems).toBeGreaterThan(1000);
  });
});
