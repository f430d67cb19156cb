/**
 * Architecture: the rooms of src/ and what each may import are the rules of
 * .dependency-cruiser.cjs (data flows one way, the core is pure, no Node built-in reachable from
 * the add-in); dependency-cruiser checks them here, in a worker thread of this process
 * (./cruise.mjs). A second cruise over a small violating fixture proves the rules can fail.
 * Not an import, so checked by reading the code: only src/excel touches the `Excel` namespace.
 */
import {
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
        'src/kinds/rating.ts': "import { s } from '../pack/schema';\nexport const kind = s;\n",
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
          'unknown-room: src/kinds/rating.ts → src/pack/schema.ts',
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
