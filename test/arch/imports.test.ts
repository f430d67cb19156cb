/**
 * Architecture: the rooms of src/ and what each may import are the rules of
 * .dependency-cruiser.cjs (data flows one way, the core is pure, no Node built-in reachable from
 * the add-in); dependency-cruiser checks them here, in a worker thread of this process
 * (./cruise.mjs). A second cruise over a small violating fixture proves the rules can fail.
 * Not an import, so checked by reading the code: only src/excel touches the `Excel` namespace.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';
import { Worker } from 'worker_threads';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

interface Violation {
  rule: string;
  from: string;
  to: string;
  via: string[];
}
interface Cruised {
  modules: Array<{ source: string; dependencies: string[] }>;
  violations: Violation[];
}

/** The cruise of `baseDir`/src with the project's rules (run in a worker: dependency-cruiser is ESM). */
function cruise(baseDir: string): Promise<Cruised> {
  return new Promise((done, fail) => {
    const worker = new Worker(join(__dirname, 'cruise.mjs'), { workerData: { root: ROOT, baseDir } });
    worker.once('message', (m: Cruised) => done(m));
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the cruise ended (exit ${code}) without a result`)));
  });
}

/** One readable line per violation. */
const describeViolation = (v: Violation): string =>
  `${v.rule}: ${v.from} → ${v.to}${v.via.length ? ` (via ${v.via.join(' → ')})` : ''}`;

describe('architecture (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  let project: Cruised;
  beforeAll(async () => {
    project = await cruise(ROOT);
  });

  it('cruises every source folder', () => {
    const folders = new Set(project.modules.map((m) => m.source.split('/')).map((p) => `${p[0]}/${p[1]}`));
    for (const f of ['pack', 'engine', 'sheet', 'dossier', 'docx', 'xlsx', 'excel', 'taskpane', 'cli', 'io'])
      expect(folders).toContain(`src/${f}`);
    expect(project.modules.length).toBeGreaterThan(100);
  });

  it('the pane really reaches the file readers (so the no-Node reachability rule has work to do)', () => {
    const deps = new Map(project.modules.map((m) => [m.source, m.dependencies]));
    const seen = new Set<string>();
    const todo = [...deps.keys()].filter((s) => s.startsWith('src/taskpane/'));
    for (let s = todo.pop(); s !== undefined; s = todo.pop()) {
      if (seen.has(s)) continue;
      seen.add(s);
      todo.push(...(deps.get(s) ?? []));
    }
    expect([...seen]).toEqual(
      expect.arrayContaining(['src/io/xlsx.ts', 'src/io/zip.ts', 'src/consolidate/record.ts']),
    );
  });

  it('has no violation', () => {
    expect(project.violations.map(describeViolation)).toEqual([]);
  });

  describe('a violating fixture fails with a readable list', () => {
    let fixture: string;
    let found: string[];
    beforeAll(async () => {
      fixture = mkdtempSync(join(ROOT, 'out', 'arch-fixture-'));
      symlinkSync(join(ROOT, 'node_modules'), join(fixture, 'node_modules'), 'dir');
      const files: Record<string, string> = {
        'src/pack/schema.ts': "import { z } from 'zod';\nexport const s = z.string();\n",
        'src/engine/evaluate.ts': [
          "import { s } from '../pack/schema';",
          "import { readFileSync } from 'fs';",
          "import type { Workbook } from 'exceljs';",
          "import { layout } from '../sheet/layout';",
          'export const e = [s, readFileSync, layout] as const;',
          'export type W = Workbook;',
        ].join('\n'),
        'src/sheet/layout.ts': "import { useState } from 'react';\nexport const layout = useState;\n",
        'src/io/read.ts': "import { statSync } from 'node:fs';\nexport const read = statSync;\n",
        'src/taskpane/pane.ts': "export const lazy = () => import('../io/read');\n",
        'src/misc/thing.ts': "import { s } from '../pack/schema';\nexport const thing = s;\n",
      };
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(fixture, name)), { recursive: true });
        writeFileSync(join(fixture, name), text);
      }
      found = (await cruise(fixture)).violations.map(describeViolation);
    });
    afterAll(() => rmSync(fixture, { recursive: true, force: true }));

    it('names the rule, the importing file and what it imports', () => {
      expect(found).toEqual(
        expect.arrayContaining([
          'engine-imports-rooms: src/engine/evaluate.ts → src/sheet/layout.ts',
          'engine-imports-node: src/engine/evaluate.ts → fs',
          expect.stringMatching(
            /^engine-imports-packages: src\/engine\/evaluate\.ts → \S*node_modules\/exceljs\//,
          ),
          expect.stringMatching(/^sheet-imports-packages: src\/sheet\/layout\.ts → \S*node_modules\/react\//),
          'unknown-room: src/misc/thing.ts → src/pack/schema.ts',
          'browser-reaches-node: src/taskpane/pane.ts → fs (via src/io/read.ts → fs)',
        ]),
      );
    });

    it('allows what the rules allow (zod in the pack, Node in io itself)', () => {
      expect(found.filter((v) => /^[\w-]+: src\/(pack|io)\//.test(v))).toEqual([]);
      expect(found.some((v) => v.startsWith('engine-imports-node: '))).toBe(true); // the rule exists
    });
  });
});

// —— not an import: the Excel and Office namespaces ————————————————————————————————————————

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Source without comments and string/template literal contents. */
function stripCode(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
    .replace(/`(?:[^`\\]|\\.)*`/g, '``');
}
const USES_EXCEL = /(?<![\w.$])Excel\s*\.\s*[A-Za-z_]/;
const USES_OFFICE = /(?<![\w.$])(Office|OfficeExtension)\s*\.\s*[A-Za-z_]/;

describe('the Excel and Office namespaces', () => {
  it('Excel.* only in src/excel, Office.* only in the add-in folders', () => {
    const problems: string[] = [];
    for (const file of walk(SRC)) {
      const [folder = ''] = relative(SRC, file).split(sep);
      const code = stripCode(readFileSync(file, 'utf8'));
      const where = relative(ROOT, file);
      if (folder !== 'excel' && USES_EXCEL.test(code)) problems.push(`${where} uses Excel.*`);
      if (!['excel', 'taskpane', 'commands'].includes(folder) && USES_OFFICE.test(code))
        problems.push(`${where} uses Office.*`);
    }
    expect(problems).toEqual([]);
  });

  it('the scan sees code and ignores comments and strings', () => {
    expect(USES_EXCEL.test(stripCode('await Excel.run(async () => {});'))).toBe(true);
    expect(USES_EXCEL.test(stripCode("// Excel.run\nconst s = 'Excel. x';"))).toBe(false);
    expect(USES_OFFICE.test(stripCode('Office.onReady();'))).toBe(true);
  });
});

// —— type-only aware: the requirement kinds stay a leaf, and nothing the engine loads reaches zod ——

/** The imports and re-exports of a file, each with whether it is for types only (TypeScript's parser). */
function importsOf(file: string): Array<{ spec: string; typeOnly: boolean }> {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: Array<{ spec: string; typeOnly: boolean }> = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const c = st.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : [];
      const typeOnly =
        c !== undefined &&
        (c.isTypeOnly || (c.name === undefined && named.length > 0 && named.every((e) => e.isTypeOnly)));
      out.push({ spec: st.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      const named = st.exportClause && ts.isNamedExports(st.exportClause) ? st.exportClause.elements : [];
      out.push({
        spec: st.moduleSpecifier.text,
        typeOnly: st.isTypeOnly || (named.length > 0 && named.every((e) => e.isTypeOnly)),
      });
    }
  }
  return out;
}

/** The source file a relative import names (.ts, .tsx or index.ts). */
function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f));
}

const srcPath = (file: string): string => relative(SRC, file).split(sep).join('/');

describe('requirement kinds and zod (type-only imports told apart)', () => {
  const kindFiles = walk(join(SRC, 'kinds'));

  it('a kind imports only types, plus the AST constructors (which load nothing) at run time', () => {
    expect(kindFiles.map(srcPath)).toEqual(expect.arrayContaining(['kinds/registry.ts', 'kinds/equals.ts']));
    const problems: string[] = [];
    for (const f of kindFiles) {
      for (const imp of importsOf(f)) {
        if (imp.typeOnly) continue;
        const target = imp.spec.startsWith('.') ? resolveLocal(f, imp.spec) : undefined;
        const room = target ? srcPath(target) : imp.spec;
        if (!(room.startsWith('kinds/') || room === 'engine/ast.ts'))
          problems.push(`${srcPath(f)} loads ${room}`);
      }
    }
    for (const imp of importsOf(join(SRC, 'engine', 'ast.ts')))
      if (!imp.typeOnly) problems.push(`engine/ast.ts loads ${imp.spec}`);
    expect(problems).toEqual([]);
  });

  it('nothing the engine, the sheet or the kinds load at run time reaches zod or pack/schema.ts', () => {
    const roots = walk(SRC).filter((f) => /^(engine|sheet|kinds)\//.test(srcPath(f)));
    const seen = new Set<string>();
    const problems: string[] = [];
    for (let todo = [...roots], f = todo.pop(); f !== undefined; f = todo.pop()) {
      if (seen.has(f)) continue;
      seen.add(f);
      for (const imp of importsOf(f)) {
        if (imp.typeOnly) continue;
        if (imp.spec === 'zod' || imp.spec.startsWith('zod/')) problems.push(`${srcPath(f)} loads zod`);
        const target = imp.spec.startsWith('.') ? resolveLocal(f, imp.spec) : undefined;
        if (target === undefined) continue;
        if (srcPath(target) === 'pack/schema.ts') problems.push(`${srcPath(f)} loads pack/schema.ts`);
        todo.push(target);
      }
    }
    // the compiler and the sheet really load the kinds table (otherwise this proves nothing)
    expect([...seen].map(srcPath)).toEqual(expect.arrayContaining(['kinds/registry.ts', 'kinds/rating.ts']));
    expect(problems).toEqual([]);
  });

  it('tells type-only imports apart (self-check)', () => {
    const dir = mkdtempSync(join(ROOT, 'out', 'arch-types-'));
    try {
      const f = join(dir, 'a.ts');
      writeFileSync(
        f,
        "import type { A } from 'a';\nimport { type B, type C } from 'b';\nimport { D, type E } from 'c';\n" +
          "import F from 'f';\nexport type * from './t';\nexport { G } from './g';\n",
      );
      expect(importsOf(f).map((i) => i.typeOnly)).toEqual([true, true, false, false, true, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
