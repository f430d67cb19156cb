/**
 * Architecture: data flows one way (pack → engine → sheet → writers → faces), the core (pack,
 * engine, sheet) is pure — no Office.js, React, Fluent UI, ExcelJS, file system or any Node
 * built-in — and src/excel is the only folder that touches the `Excel` namespace.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { builtinModules } from 'module';
import { dirname, join, relative, resolve, sep } from 'path';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const files = walk(SRC);
const folderOf = (file: string): string => relative(SRC, file).split(sep)[0];

/** Source without comments and string/template literal contents (imports are parsed before). */
function stripCode(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
    .replace(/`(?:[^`\\]|\\.)*`/g, '``');
}

interface Import {
  spec: string;
  /** top folder under src for relative imports, else undefined */
  folder?: string;
  /** `import type …`, `export type … from`, or every name marked `type`: erased at run time */
  typeOnly: boolean;
}

/** `import|export [type] <clause> from '<spec>'`: groups 1 `type`, 2 the clause, 3 the spec. */
const IMPORT_CLAUSE = /(?:^|[;\s])(?:import|export)\s+(type\s+)?([^'"`;]*?)\sfrom\s*['"]([^'"]+)['"]/gm;

/** `{ type A, type B }` or `type X` — a clause that imports only types. */
function typeOnlyClause(typeKeyword: string | undefined, clause: string): boolean {
  if (typeKeyword) return true;
  const names = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!names?.[1]) return false;
  const items = names[1]
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length > 0 && items.every((x) => x.startsWith('type '));
}

function importsOf(file: string): Import[] {
  const src = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ' ');
  // spec → imported only for types (false as soon as one import of it is a run-time one)
  const specs = new Map<string, boolean>();
  const note = (spec: string | undefined, typeOnly: boolean): void => {
    if (spec !== undefined) specs.set(spec, (specs.get(spec) ?? true) && typeOnly);
  };
  for (const m of src.matchAll(IMPORT_CLAUSE)) note(m[3], typeOnlyClause(m[1], m[2] ?? ''));
  const runtime = [
    /(?:^|[;\s])import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of runtime) for (const m of src.matchAll(re)) note(m[1], false);
  return [...specs].map(([spec, typeOnly]) => {
    if (!spec.startsWith('.')) return { spec, typeOnly };
    const target = resolve(dirname(file), spec);
    const rel = relative(SRC, target);
    return { spec, typeOnly, folder: rel.startsWith('..') ? '(outside src)' : rel.split(sep)[0] };
  });
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNodeBuiltin = (spec: string): boolean =>
  spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);

/**
 * The core layers in data-flow order; each may import only itself and earlier layers, plus zod.
 * `kinds` (one file per requirement kind, src/kinds/) comes first: the pack schema and validator,
 * the compiler and the sheet's "Yêu cầu" texts all read its table; what a kind file itself may
 * import is fixed by KINDS_MAY_LOAD / KINDS_TYPES_FROM below (types, and the AST constructors).
 * `plan` sits beside `pack` (it reuses the pack's schema pieces and messages); both feed the engine.
 * `dossier` (the Word documents as data) reads the evaluation, the plan and the sheet's formatting.
 */
const CORE = ['kinds', 'pack', 'plan', 'engine', 'sheet', 'dossier'];
/**
 * What a kind file may load at run time besides its siblings: the rule-tree constructors, a module
 * that loads nothing itself (checked below). Everything else a kind needs — zod, the schema pieces,
 * the compile context, the validator, the sheet's lookups — is passed in, so the engine and the
 * sheet, which read the kinds table on the pane's first load, never load zod.
 */
const KINDS_MAY_LOAD = new Set(['engine/ast.ts']);
/** Rooms (and packages) a kind file may take types from (`import type`, erased at run time). */
const KINDS_TYPES_FROM = new Set(['pack', 'plan', 'engine', 'zod']);
// zod validates data; @noble/hashes is the stamp's SHA-256 (a crypto primitive we do not write ourselves)
const CORE_PACKAGES = new Set(['zod', '@noble/hashes/sha2', '@noble/hashes/utils']);

/** Folders each folder must never import (one-way flow for writers and faces). */
const FORBIDDEN: Record<string, string[]> = {
  xlsx: ['excel', 'taskpane', 'commands', 'cli'],
  // the .docx writer turns src/dossier models into bytes, like xlsx does for sheets
  docx: ['xlsx', 'excel', 'io', 'consolidate', 'taskpane', 'commands', 'cli'],
  excel: ['xlsx', 'io', 'cli', 'taskpane', 'commands', 'consolidate'],
  io: ['excel', 'taskpane', 'commands', 'cli'],
  consolidate: ['excel', 'taskpane', 'commands', 'cli'],
  // the pane reads picked files with the browser-safe readers (lazily, src/taskpane/upward.ts)
  taskpane: ['cli', 'commands'],
  commands: ['cli', 'io', 'consolidate', 'taskpane'],
  cli: ['excel', 'taskpane', 'commands'],
  i18n: ['sheet', 'xlsx', 'excel', 'io', 'consolidate', 'taskpane', 'commands', 'cli'],
};

/** Browser-side folders: no Node built-ins. */
const BROWSER = new Set([
  'kinds',
  'pack',
  'plan',
  'engine',
  'sheet',
  'dossier',
  'docx',
  'excel',
  'taskpane',
  'commands',
  'i18n',
]);

/** A relative import → the source file it loads (undefined for packages and JSON). */
function resolveSource(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    try {
      if (statSync(c).isFile() && /\.(ts|tsx|js)$/.test(c)) return c;
    } catch {
      // not this candidate
    }
  }
  return undefined;
}

/** Every source file reachable from `roots` through relative imports (static and dynamic). */
function reachable(roots: readonly string[], runtimeOnly = false): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    if (seen.has(f)) continue;
    seen.add(f);
    for (const imp of importsOf(f)) {
      if (runtimeOnly && imp.typeOnly) continue;
      const t = resolveSource(f, imp.spec);
      if (t && !seen.has(t)) todo.push(t);
    }
  }
  return seen;
}

const srcPath = (file: string): string => relative(SRC, file).split(sep).join('/');

describe('architecture', () => {
  it('finds the source folders', () => {
    const folders = new Set(files.map(folderOf));
    for (const f of ['pack', 'engine', 'sheet', 'dossier', 'docx', 'xlsx', 'excel'])
      expect(folders).toContain(f);
    expect(files.length).toBeGreaterThan(20);
  });

  it('keeps pack, engine and sheet pure and one-way', () => {
    const problems: string[] = [];
    for (const file of files) {
      const folder = folderOf(file);
      const level = CORE.indexOf(folder);
      if (level < 0 || folder === 'kinds') continue; // the kinds' own rule: the next test
      for (const imp of importsOf(file)) {
        const where = relative(ROOT, file);
        if (imp.folder !== undefined) {
          const target = CORE.indexOf(imp.folder);
          if (target < 0 || target > level) problems.push(`${where} imports ${imp.spec} (${imp.folder})`);
        } else if (!CORE_PACKAGES.has(imp.spec)) {
          problems.push(`${where} imports package ${imp.spec}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps each requirement kind a leaf: types only, and at run time just the AST constructors', () => {
    const kindFiles = files.filter((f) => folderOf(f) === 'kinds');
    expect(kindFiles.map(srcPath)).toEqual(expect.arrayContaining(['kinds/registry.ts', 'kinds/equals.ts']));
    const problems: string[] = [];
    for (const file of kindFiles) {
      for (const imp of importsOf(file)) {
        const where = `${srcPath(file)} imports ${imp.spec}`;
        if (imp.folder === 'kinds') continue;
        const target = resolveSource(file, imp.spec);
        const loads = target !== undefined && KINDS_MAY_LOAD.has(srcPath(target));
        const room = imp.folder ?? imp.spec;
        if (imp.typeOnly ? !KINDS_TYPES_FROM.has(room) : !loads) problems.push(where);
      }
    }
    // what the kinds load loads nothing itself, so the kinds stay a leaf of every room's imports
    for (const f of KINDS_MAY_LOAD) {
      for (const imp of importsOf(join(SRC, f))) if (!imp.typeOnly) problems.push(`${f} imports ${imp.spec}`);
    }
    expect(problems).toEqual([]);
  });

  it('loads no zod from the engine, the sheet or the kinds (only validating a user file does)', () => {
    const roots = files.filter((f) => ['engine', 'sheet', 'kinds'].includes(folderOf(f)));
    const loaded = reachable(roots, true);
    // the compiler and the sheet really load the kinds table (otherwise this proves nothing)
    expect([...loaded].map(srcPath)).toEqual(
      expect.arrayContaining(['kinds/registry.ts', 'kinds/rating.ts']),
    );
    const problems = [...loaded].flatMap((f) =>
      importsOf(f)
        .filter((imp) => !imp.typeOnly && imp.spec === 'zod')
        .map(() => `${srcPath(f)} loads zod`),
    );
    expect(problems).toEqual([]);
    expect([...loaded].map(srcPath)).not.toContain('pack/schema.ts');
  });

  it('never imports against the data flow', () => {
    const problems: string[] = [];
    for (const file of files) {
      const folder = folderOf(file);
      const banned = FORBIDDEN[folder] ?? [];
      for (const imp of importsOf(file)) {
        if (imp.folder && banned.includes(imp.folder)) {
          problems.push(`${relative(ROOT, file)} imports ${imp.spec} (${imp.folder})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps Node built-ins, ExcelJS and React out of the browser-side and core folders', () => {
    const problems: string[] = [];
    for (const file of files) {
      const folder = folderOf(file);
      for (const imp of importsOf(file)) {
        if (imp.folder !== undefined) continue;
        const where = relative(ROOT, file);
        if (BROWSER.has(folder) && isNodeBuiltin(imp.spec)) problems.push(`${where} imports ${imp.spec}`);
        if (
          folder !== 'xlsx' &&
          ['pack', 'engine', 'sheet', 'excel'].includes(folder) &&
          imp.spec === 'exceljs'
        ) {
          problems.push(`${where} imports exceljs`);
        }
        if (!['taskpane'].includes(folder) && /^(react|react-dom|@fluentui)(\/|$)/.test(imp.spec)) {
          problems.push(`${where} imports ${imp.spec}`);
        }
        if (/^docx(\/|$)/.test(imp.spec) && folder !== 'docx') problems.push(`${where} imports ${imp.spec}`);
        if (/^@microsoft\/office-js/.test(imp.spec) && folder !== 'excel')
          problems.push(`${where} imports ${imp.spec}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('loads no Node built-in anywhere the browser-side folders reach (e.g. the lazy file readers)', () => {
    const roots = files.filter((f) => BROWSER.has(folderOf(f)));
    const all = reachable(roots);
    // the pane really reaches the file readers (otherwise this test proves nothing)
    expect([...all].map((f) => relative(SRC, f).split(sep).join('/'))).toEqual(
      expect.arrayContaining(['io/xlsx.ts', 'io/zip.ts', 'consolidate/record.ts']),
    );
    const problems: string[] = [];
    for (const file of all) {
      for (const imp of importsOf(file)) {
        if (imp.folder === undefined && isNodeBuiltin(imp.spec)) {
          problems.push(`${relative(ROOT, file)} imports ${imp.spec}`);
        }
      }
      const folder = folderOf(file);
      if (['cli'].includes(folder))
        problems.push(`${relative(ROOT, file)} (cli) is reachable from the add-in`);
    }
    expect(problems).toEqual([]);
  });

  it('uses the Excel namespace only in src/excel, and Office only in the add-in folders', () => {
    const problems: string[] = [];
    for (const file of files) {
      const folder = folderOf(file);
      const code = stripCode(readFileSync(file, 'utf8'));
      const where = relative(ROOT, file);
      if (folder !== 'excel' && /(?<![\w.$])Excel\s*\.\s*[A-Za-z_]/.test(code))
        problems.push(`${where} uses Excel.*`);
      if (
        !['excel', 'taskpane', 'commands'].includes(folder) &&
        /(?<![\w.$])(Office|OfficeExtension)\s*\.\s*[A-Za-z_]/.test(code)
      ) {
        problems.push(`${where} uses Office.*`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('detects violations (self-check of the scanner)', () => {
    const fake = join(SRC, 'engine', 'fake.ts');
    const parse = (src: string): string[] => {
      const re = /(?:^|[;\s])import\s+(?:type\s+)?[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/gm;
      return [...src.matchAll(re)].map((m) => m[1]);
    };
    expect(parse("import ExcelJS from 'exceljs';\nimport { x } from '../sheet/layout';")).toEqual([
      'exceljs',
      '../sheet/layout',
    ]);
    expect(relative(SRC, resolve(dirname(fake), '../sheet/layout')).split(sep)[0]).toBe('sheet');
    const typeOnly = (src: string): boolean[] =>
      [...src.matchAll(IMPORT_CLAUSE)].map((m) => typeOnlyClause(m[1], m[2] ?? ''));
    expect(
      typeOnly(
        "import type { A } from 'a';\nimport { type B, type C } from 'b';\nimport { D, type E } from 'c';\n" +
          "import F from 'f';\nexport type * from './t';\nexport { G } from './g';",
      ),
    ).toEqual([true, true, false, false, true, false]);
    expect(isNodeBuiltin('fs')).toBe(true);
    expect(isNodeBuiltin('node:path')).toBe(true);
    expect(isNodeBuiltin('zod')).toBe(false);
    expect(/(?<![\w.$])Excel\s*\.\s*[A-Za-z_]/.test(stripCode('await Excel.run(async () => {});'))).toBe(
      true,
    );
    expect(/(?<![\w.$])Excel\s*\.\s*[A-Za-z_]/.test(stripCode("// Excel.run\nconst s = 'Excel. x';"))).toBe(
      false,
    );
  });
});
