// Prints one plain closing line "jest: N passed, N failed, N skipped" that CI tools can read.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests;
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`jest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
