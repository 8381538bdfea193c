// Plain JavaScript: Vitest loads its config with Node, which cannot import a workspace .ts file.
import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The shared Vitest set-up. When the test command sets HASHIYA_TEST_REPORT_DIR, each package
 * also writes a JSON report there, which the command adds up into the suite's closing line.
 * @param {import("vitest/config").ViteUserConfig["test"]} [test]
 */
export function hashiyaVitestConfig(test = {}) {
  const reportDir = process.env.HASHIYA_TEST_REPORT_DIR;
  const packageName = (process.env.npm_package_name ?? path.basename(process.cwd())).replace(/\W+/g, "-");
  return defineConfig({
    test: {
      include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...(reportDir
        ? {
            reporters: ["default", "json"],
            outputFile: { json: path.join(reportDir, `vitest${packageName}.json`) },
          }
        : {}),
      ...test,
    },
  });
}
