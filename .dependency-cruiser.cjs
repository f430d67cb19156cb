/**
 * The rooms of src/ and what each may import — the architecture rules, checked by
 * dependency-cruiser (test/arch/imports.test.ts runs them; `npx depcruise src` prints them too).
 *
 * Data flows one way: pack → engine → sheet → writers (xlsx, docx, excel) → faces (taskpane,
 * commands, cli); io reads untrusted files; consolidate runs the readers in workers.
 *
 * One entry per room (a folder under src/):
 *   may       the other rooms it may import (its own files always);
 *   packages  the npm packages it may import (exactly these; a subpath counts as its package);
 *   node      true where Node built-ins (fs, path, worker_threads, …) are allowed — everywhere
 *             else is browser-side, and no Node built-in may even be reachable from there.
 * Adding a room is adding one entry. A folder under src/ without an entry is itself a violation.
 * Not an import, so not here: only src/excel touches the `Excel.*` namespace (a test of its own).
 */
const PURE_CORE = ['kinds', 'pack', 'plan', 'engine', 'sheet', 'dossier'];

/** @type {Record<string, { may: string[]; packages?: string[]; node?: boolean }>} */
const ROOMS = {
  // the pure core, in data-flow order: zod data, no Office, React, Fluent, ExcelJS nor Node
  // the requirement kinds, one file each: types from pack, plan, engine and zod; at run time only
  // engine/ast.ts (that finer rule needs type-only imports told apart: test/arch/imports.test.ts)
  kinds: { may: ['pack', 'plan', 'engine'], packages: ['zod'] },
  pack: { may: ['kinds'], packages: ['zod'] },
  plan: { may: ['pack'], packages: ['zod'] }, // beside the pack (reuses its schema pieces)
  // @noble/hashes: the stamp's SHA-256 (a crypto primitive we do not write ourselves)
  engine: { may: ['kinds', 'pack', 'plan'], packages: ['zod', '@noble/hashes'] },
  sheet: { may: ['kinds', 'pack', 'plan', 'engine'], packages: ['zod'] },
  // the Word documents as data (reads the evaluation, the plan and the sheet's formatting)
  dossier: { may: ['kinds', 'pack', 'plan', 'engine', 'sheet'], packages: ['zod'] },
  // the one language setting and its namespaces (pane, CLI, reasons a file cannot be read)
  i18n: { may: ['kinds', 'pack', 'plan', 'engine', 'dossier'] },

  // writers
  // io: the XML entity decoder of the written workbook's defined names (src/io/xml.ts)
  xlsx: { may: [...PURE_CORE, 'io'], packages: ['exceljs', 'fflate'] },
  docx: { may: ['dossier'], packages: ['docx'] },
  excel: { may: PURE_CORE }, // Office.js is a global here, never imported

  // untrusted files, and the readers in workers (also used by the pane, in a Web Worker)
  // Node may be used in the files the add-in never loads (the reachability rule below watches that)
  io: { may: [...PURE_CORE, 'i18n'], packages: ['fflate', 'zod'], node: true },
  consolidate: { may: [...PURE_CORE, 'io'], node: true },

  // faces
  commands: { may: [...PURE_CORE, 'excel'] },
  taskpane: {
    may: [...PURE_CORE, 'i18n', 'excel', 'io', 'consolidate', 'docx'],
    packages: ['react', 'react-dom', '@fluentui/react-components'],
  },
  cli: { may: [...PURE_CORE, 'i18n', 'io', 'consolidate', 'xlsx', 'docx'], node: true },
};
const { builtinModules } = require('node:module');

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const anyOf = (names) => `(${names.map(esc).join('|')})`;
const roomPath = (room) => `^src/${esc(room)}/`;
const NODE_BUILTIN = `^(node:)?${anyOf(builtinModules.filter((m) => !m.startsWith('_')))}(/|$)`;
const browserRooms = Object.keys(ROOMS).filter((r) => !ROOMS[r].node);

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const forbidden = [
  {
    name: 'unknown-room',
    comment:
      "every folder under src/ is a room of .dependency-cruiser.cjs (add its entry there); importing an unknown room breaks the importer's rule",
    severity: 'error',
    from: { path: '^src/', pathNot: `^src/${anyOf(Object.keys(ROOMS))}/` },
    to: { path: '.' },
  },
  {
    name: 'not-resolvable',
    comment: 'an import that does not resolve cannot be checked',
    severity: 'error',
    from: { path: '^src/' },
    to: { couldNotResolve: true },
  },
  ...Object.entries(ROOMS).flatMap(([room, { may, packages = [], node = false }]) => [
    {
      name: `${room}-imports-rooms`,
      comment: `src/${room} may import only ${may.length ? may.join(', ') : 'itself'}`,
      severity: 'error',
      from: { path: roomPath(room) },
      to: { path: '^src/', pathNot: `^src/${anyOf([room, ...may])}/` },
    },
    {
      name: `${room}-imports-packages`,
      comment: `src/${room} may import only the packages ${packages.join(', ') || '(none)'}`,
      severity: 'error',
      from: { path: roomPath(room) },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        ...(packages.length ? { pathNot: `(^|/)node_modules/${anyOf(packages)}/` } : {}),
      },
    },
    {
      name: `${room}-imports-outside-src`,
      comment: `src/${room} imports only from src/ and packages (JSON data beside the code is fine)`,
      severity: 'error',
      from: { path: roomPath(room) },
      to: { dependencyTypes: ['local'], pathNot: ['^src/', '^(samples|package)\\b.*\\.json$'] },
    },
    ...(node
      ? []
      : [
          {
            name: `${room}-imports-node`,
            comment: `src/${room} runs in the browser: no Node built-ins`,
            severity: 'error',
            from: { path: roomPath(room) },
            to: { dependencyTypes: ['core'] },
          },
        ]),
  ]),
  {
    name: 'browser-reaches-node',
    comment:
      'nothing the add-in loads (a browser-side room, or anything it imports, lazily too) reaches a Node built-in',
    severity: 'error',
    from: { path: `^src/${anyOf(browserRooms)}/` },
    to: { path: NODE_BUILTIN, reachable: true },
  },
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden,
  options: {
    // type-only imports count: a type from the wrong room is still a dependency on it
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
