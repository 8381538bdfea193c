// Runs under tsx, started by global-setup.ts: the seed and the stack live outside any
// `"type": "module"` package, which Playwright's loader would take for CommonJS.
//
// Creates a fresh database with the demo course, starts the web and collab servers on it,
// prints `E2E_STACK_READY {webUrl, databaseUrl}`, and cleans everything up on SIGTERM/SIGINT or
// when its parent closes stdin (so an interrupted test run leaves nothing behind).
import net from "node:net";
import { createTestDatabase } from "@hashiya/db/testing";
import { seedDemo } from "../prisma/seed";
import { startStack } from "../scripts/lib/stack";
import { startMailCatcher } from "./mail-catcher";

/** Marks the one line global-setup.ts waits for, among the servers' logs. */
const READY = "E2E_STACK_READY";

/** The port asked for when it is free, else any free one the system gives. */
async function freePort(preferred: number): Promise<number> {
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : port));
      });
    });
  return listen(preferred).catch(() => listen(0));
}

const database = await createTestDatabase("e2e");
// Mail goes to a real SMTP server of the run's own (startStack passes the environment on).
const mail = await startMailCatcher();
process.env.SMTP_URL = mail.url;
let stopStack = async () => {};
let stopping: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  stopping ??= (async () => {
    await stopStack().catch((error) => console.error("stopping the stack failed:", error));
    await database.drop().catch((error) => console.error("dropping the database failed:", error));
    await mail.close().catch((error) => console.error("stopping the mail server failed:", error));
  })();
  return stopping;
}
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => void cleanUp().then(() => process.exit(0)));
}
process.stdin.on("end", () => void cleanUp().then(() => process.exit(0)));
process.stdin.resume();

try {
  await seedDemo(database.db);
  const webPort = await freePort(Number(process.env.E2E_WEB_PORT ?? 3100));
  const collabPort = await freePort(webPort + 1);
  const stack = await startStack({
    databaseUrl: database.url,
    authSecret: `e2e-${crypto.randomUUID()}-${crypto.randomUUID()}`,
    webPort,
    collabPort,
  });
  stopStack = stack.stop;
  process.stdout.write(
    `${READY} ${JSON.stringify({ webUrl: stack.webUrl, databaseUrl: database.url, mailDir: mail.dir })}\n`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await cleanUp();
  process.exit(1);
}
