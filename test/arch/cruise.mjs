/**
 * Runs dependency-cruiser with the rules of .dependency-cruiser.cjs over `src` of `baseDir` and
 * posts back the violations. dependency-cruiser is an ES module, which jest's CommonJS module
 * system cannot load, so test/arch/imports.test.ts runs this file in a worker thread (same
 * process, Node's own loader).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const { root, baseDir } = workerData;
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs'));
const result = await cruise(
  ['src'],
  { ...config.options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } },
  {},
  { tsConfig: extractTSConfig(join(root, 'tsconfig.json')) },
);
const { output } = result;
parentPort.postMessage({
  modules: output.modules.map((m) => ({
    source: m.source,
    dependencies: m.dependencies.map((d) => d.resolved),
  })),
  violations: output.summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.to,
    via: (v.via ?? []).map((step) => (typeof step === 'string' ? step : step.name)),
  })),
});
