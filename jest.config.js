/**
 * Three jest projects, all run by `npm test` (one run, one worker pool):
 * - `unit`: everything in memory (engine, sheet, io, fakes, the CLI in-process, HyperFormula);
 * - `libreoffice`: suites that start LibreOffice headless (`soffice`) — files named
 *   `*.libreoffice.test.ts`;
 * - `chromium`: the production add-in in Debian's Chromium — `test/browser/`.
 * One project alone: `npm run test:unit`, `npm run test:libreoffice`, `npm run test:browser`.
 * test/arch/projects.test.ts keeps every suite that starts soffice or Chromium out of `unit`.
 * The closing lines (scripts/jest-summary-reporter.js) give each project's time.
 */
const LIBREOFFICE = '**/*.libreoffice.test.ts';
const CHROMIUM = '<rootDir>/test/browser/';

/** @type {import('jest').Config} */
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '\\.libreoffice\\.test\\.ts$', CHROMIUM],
    },
    { ...common, displayName: 'libreoffice', testMatch: [LIBREOFFICE] },
    { ...common, displayName: 'chromium', testMatch: [`${CHROMIUM}**/*.test.ts`] },
  ],
  // for hang detection only (a LibreOffice round trip under load can take a while); a global
  // option: jest ignores testTimeout inside a project
  testTimeout: 120000,
  // the machine has 2 cores: two suites at a time, whichever project they belong to
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
