// Plain closing lines that CI tools can read:
//   jest: N passed, N failed, N skipped
//   jest project <name>: N suites, N tests, X s in suites, Y s from first start to last end
//   jest: Z s in all
// "in suites" adds up each suite's own time (what the project costs); the span is wall-clock time
// from its first suite's start to its last suite's end (projects run side by side, so spans overlap).
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests;
    const skipped = results.numPendingTests + results.numTodoTests;
    const lines = [`jest: ${passed} passed, ${failed} failed, ${skipped} skipped`];
    const projects = new Map();
    for (const r of results.testResults) {
      const name = (r.displayName && r.displayName.name) || 'default';
      const p = projects.get(name) || { suites: 0, tests: 0, busy: 0, start: Infinity, end: 0 };
      p.suites++;
      p.tests += r.numPassingTests + r.numFailingTests + r.numPendingTests + r.numTodoTests;
      const { start, end } = r.perfStats;
      if (start && end) {
        p.busy += end - start;
        p.start = Math.min(p.start, start);
        p.end = Math.max(p.end, end);
      }
      projects.set(name, p);
    }
    for (const [name, p] of [...projects].sort(([a], [b]) => a.localeCompare(b))) {
      const span = p.end > p.start ? seconds(p.end - p.start) : '0.0 s';
      lines.push(
        `jest project ${name}: ${p.suites} suites, ${p.tests} tests, ${seconds(p.busy)} in suites, ` +
          `${span} from first start to last end`,
      );
    }
    lines.push(`jest: ${seconds(Date.now() - results.startTime)} in all`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
module.exports = SummaryReporter;
