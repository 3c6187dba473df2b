// Prints the closing line CI reads ("N passed, N failed") from vitest's JSON report.
import { existsSync, readFileSync } from "node:fs";

const [file, status] = process.argv.slice(2);
const exitFailed = status !== "0";
if (!existsSync(file)) {
  // The type check or the runner itself failed before any test ran.
  console.log(`0 passed, ${exitFailed ? 1 : 0} failed`);
} else {
  const report = JSON.parse(readFileSync(file, "utf8"));
  // A suite that fails to load has no failed tests of its own; count the run as failed then.
  const failed = report.numFailedTests || (exitFailed ? 1 : 0);
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const line = `${report.numPassedTests} passed, ${failed} failed`;
  console.log(skipped > 0 ? `${line}, ${skipped} skipped` : line);
}
