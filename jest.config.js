/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
  },
  testTimeout: 120000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
