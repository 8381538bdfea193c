import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const READY = "E2E_STACK_READY";
const tsx = fileURLToPath(new URL("./node_modules/.bin/tsx", import.meta.url));

/**
 * Starts stack-runner.ts (a fresh seeded database, the web and collab servers) and waits for
 * its ready line. Tests read the site's URL from E2E_BASE_URL and the database's from
 * E2E_DATABASE_URL; the returned function is Playwright's teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const runner = spawn(tsx, ["stack-runner.ts"], {
    cwd: here,
    env: process.env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => runner.once("exit", () => resolve()));

  const ready = await new Promise<{ webUrl: string; databaseUrl: string }>((resolve, reject) => {
    let buffered = "";
    runner.stdout.setEncoding("utf8");
    runner.stdout.on("data", (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf("\n");
      while (newline >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        // The servers' logs pass through; the ready line carries the URLs.
        if (line.startsWith(READY)) resolve(JSON.parse(line.slice(READY.length)));
        else if (line) process.stdout.write(`${line}\n`);
        newline = buffered.indexOf("\n");
      }
    });
    runner.once("exit", (code) =>
      reject(new Error(`The test stack did not start (exit ${code}); its log is above.`)),
    );
  });
  process.env.E2E_BASE_URL = ready.webUrl;
  process.env.E2E_DATABASE_URL = ready.databaseUrl;
  // Where the run's SMTP server writes each message the web app sends (mail-catcher.ts).
  process.env.E2E_MAIL_DIR = (ready as { mailDir?: string }).mailDir ?? "";

  return async () => {
    runner.kill("SIGTERM");
    await exited;
  };
}
