const { appendFileSync } = require('node:fs');

/**
 * Ends the run with one plain line, "N passed, N failed, N skipped", that any CI reader can parse
 * (jest's own summary says "Tests: N passed, N total"); printed at exit, so it is the last line.
 * With JEST_SUMMARY_FILE set, the counts are also appended there (CI adds up several runs).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`;
    if (process.env.JEST_SUMMARY_FILE) {
      appendFileSync(process.env.JEST_SUMMARY_FILE, `${results.numPassedTests} ${results.numFailedTests} ${skipped}\n`);
    }
    process.on('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
module.exports = SummaryReporter;
