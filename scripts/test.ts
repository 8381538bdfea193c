// `npm test`: every check and every test of the repository, against a real PostgreSQL, real
// websockets and a real Chromium; ends with the line `N passed, N failed` for the whole suite.
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { run } from "./lib/processes";
import { repoRoot } from "./lib/stack";
import { tallyReports } from "./lib/test-report";
import { provideTestServer } from "./lib/test-server";

const reportDir = path.join(repoRoot, ".test-results");
const started = Date.now();
const step = (line: string) =>
  console.log(
    `\n\x1b[1m» ${line}\x1b[0m \x1b[2m(${((Date.now() - started) / 1000).toFixed(0)} s)\x1b[0m`,
  );

async function main(): Promise<number> {
  await rm(reportDir, { recursive: true, force: true });
  await mkdir(reportDir, { recursive: true });

  const server = await provideTestServer();
  step(`Tests use ${server.description}; each suite gets its own database`);
  const env = {
    ...process.env,
    TEST_DATABASE_URL: server.url,
    HASHIYA_TEST_REPORT_DIR: reportDir,
    NEXT_TELEMETRY_DISABLED: "1",
    TURBO_TELEMETRY_DISABLED: "1",
  };
  const turbo = (tasks: string[], extra: string[] = []) =>
    run("pnpm", ["exec", "turbo", "run", ...tasks, "--output-logs=new-only", ...extra], {
      cwd: repoRoot,
      env,
    });

  const failures: string[] = [];
  const attempt = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : error}`);
    }
  };

  try {
    step("Building, type-checking and linting every package");
    await attempt("build, typecheck and lint", () =>
      turbo(["build", "typecheck", "lint", "typecheck:root", "lint:root"], ["--concurrency=2"]),
    );
    step("Unit and integration tests (Vitest)");
    await attempt("unit and integration tests", () =>
      turbo(["test"], ["--concurrency=1", "--continue"]),
    );
    step("Browser tests (Playwright in Debian's Chromium)");
    await attempt("browser tests", () =>
      run("pnpm", ["--filter", "@hashiya/e2e", "run", "e2e"], { cwd: repoRoot, env }),
    );
    step("Benchmarks, short mode (figures only; `pnpm bench` runs them in full)");
    await attempt("benchmarks", () =>
      run("pnpm", ["--filter", "@hashiya/bench", "run", "bench", "--short"], {
        cwd: repoRoot,
        env,
      }),
    );
  } finally {
    await server.stop();
  }

  const tally = await tallyReports(reportDir);
  console.log("");
  for (const failure of failures) console.log(`✗ ${failure}`);
  if (failures.length > 0 && tally.failed === 0) {
    // A step failed before any test could (a build or lint error): it counts as a failure.
    tally.failed = failures.length;
  }
  console.log(`Finished in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  const skipped = tally.skipped ? `, ${tally.skipped} skipped` : "";
  console.log(`${tally.passed} passed, ${tally.failed} failed${skipped}`);
  return tally.failed === 0 && failures.length === 0 && tally.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      `The test command could not run: ${error instanceof Error ? error.stack : error}`,
    );
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
