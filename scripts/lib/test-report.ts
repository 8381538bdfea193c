// Adds up the JSON reports of every test runner into the one closing line CI reads.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
}

export async function tallyReports(reportDir: string): Promise<Tally> {
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  const files = (await readdir(reportDir).catch(() => [])).filter((file) => file.endsWith(".json"));
  for (const file of files) {
    const report = JSON.parse(await readFile(path.join(reportDir, file), "utf8"));
    if ("numPassedTests" in report) {
      const vitest = report as VitestReport;
      tally.passed += vitest.numPassedTests;
      // A suite that fails to load has no failed tests of its own: count it once.
      tally.failed +=
        vitest.numFailedTests + (vitest.numFailedTests === 0 ? vitest.numFailedTestSuites : 0);
      tally.skipped += vitest.numPendingTests + vitest.numTodoTests;
    } else if ("stats" in report) {
      const playwright = report as PlaywrightReport;
      tally.passed += playwright.stats.expected + playwright.stats.flaky;
      tally.failed += playwright.stats.unexpected + (playwright.errors?.length ?? 0);
      tally.skipped += playwright.stats.skipped;
    }
  }
  return tally;
}
