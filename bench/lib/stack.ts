import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { freePort, run } from "../../scripts/lib/processes";
import { repoRoot, startStack } from "../../scripts/lib/stack";

/** The real web app and collab server on free ports, building the web app if needed. */
export async function startBenchStack(databaseUrl: string) {
  // next.config.ts reads the same variable, so `next start` serves the build checked here.
  const distDir = process.env.HASHIYA_NEXT_DIST_DIR ?? ".next";
  if (!existsSync(`${repoRoot}/apps/web/${distDir}/BUILD_ID`)) {
    await run(
      "pnpm",
      ["exec", "turbo", "run", "build", "--filter=@hashiya/web...", "--output-logs=errors-only"],
      {
        cwd: repoRoot,
      },
    );
  }
  const webPort = await freePort();
  const collabPort = await freePort();
  const authSecret = randomBytes(32).toString("base64url");
  return {
    ...(await startStack({ databaseUrl, authSecret, webPort, collabPort, quiet: true })),
    authSecret,
    collabPort,
  };
}
