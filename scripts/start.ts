// `npm start`: the whole product on this machine. Without DATABASE_URL it runs an embedded
// PostgreSQL whose data stays in .data/postgres across restarts.
import path from "node:path";
import { createDb } from "@hashiya/db";
import {
  applyMigrations,
  ensureDatabaseExists,
  type RunningPostgres,
  startEmbeddedPostgres,
  withDatabase,
} from "@hashiya/db/server";
import { seedDemo } from "../prisma/seed";
import {
  dataDir,
  loadDemoAccounts,
  loadOrCreateAuthSecret,
  saveDemoAccounts,
} from "./lib/local-state";
import { run } from "./lib/processes";
import { loadStartEnv, type StartEnv } from "./lib/start-env";
import { repoRoot, startStack } from "./lib/stack";

const started = Date.now();
const step = (line: string) =>
  console.log(
    `\x1b[1m» ${line}\x1b[0m \x1b[2m(${((Date.now() - started) / 1000).toFixed(1)} s)\x1b[0m`,
  );

let embedded: RunningPostgres | null = null;

async function database(settings: StartEnv): Promise<string> {
  if (settings.DATABASE_URL) {
    step("Using the PostgreSQL at DATABASE_URL");
    return settings.DATABASE_URL;
  }
  const port = settings.HASHIYA_EMBEDDED_PG_PORT;
  step(`Starting the embedded PostgreSQL (data in .data/postgres, port ${port})`);
  embedded = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    port,
    log: (line) => console.error(`[postgres] ${line}`),
  });
  return withDatabase(embedded.url, "hashiya");
}

async function main() {
  const settings = loadStartEnv();
  const authSecret = await loadOrCreateAuthSecret(settings.AUTH_SECRET);
  const databaseUrl = await database(settings);
  await ensureDatabaseExists(databaseUrl);
  step("Applying database migrations");
  const applied = await applyMigrations(databaseUrl, { log: (line) => console.log(`  ${line}`) });
  if (applied.length === 0) console.log("  the database is up to date");

  step("Seeding the demo course");
  const db = createDb(databaseUrl, { max: 2 });
  const seed = await seedDemo(db, { log: (line) => console.log(`  ${line}`) });
  await db.$disconnect();
  if (seed.accounts) await saveDemoAccounts(seed.accounts);

  step("Building the apps (the first start takes a minute or two; later ones reuse the cache)");
  await run(
    "pnpm",
    [
      "exec",
      "turbo",
      "run",
      "build",
      "--filter=@hashiya/web...",
      "--filter=@hashiya/collab...",
      "--output-logs=errors-only",
    ],
    {
      cwd: repoRoot,
    },
  );

  step("Starting the web app and the collab server");
  const stack = await startStack({
    databaseUrl,
    authSecret,
    webPort: settings.PORT,
    collabPort: settings.COLLAB_PORT,
  });

  const accounts = seed.accounts ?? (await loadDemoAccounts());
  console.log(`\nHashiya is running: open ${stack.webUrl}\n`);
  if (accounts) {
    console.log("Demo accounts (course «مقرر تجريبي · Demo course»):");
    for (const account of accounts) {
      console.log(
        `  ${account.role.padEnd(10)} ${account.email.padEnd(26)} password: ${account.password}`,
      );
    }
  } else {
    console.log(
      "The demo accounts were created earlier on this database; their passwords were printed then.",
    );
  }
  console.log(`\nThe sample text: ${stack.webUrl}/texts/${seed.textId}`);
  console.log("Press Ctrl+C to stop.\n");

  const shutdown = async () => {
    console.log("\nStopping…");
    await stack.stop();
    await embedded?.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch(async (error) => {
  console.error(`\nHashiya could not start: ${error instanceof Error ? error.message : error}`);
  await embedded?.stop().catch(() => {});
  process.exit(1);
});
