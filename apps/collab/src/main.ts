import { createDb } from "@hashiya/db";
import { type CollabEnv, ConfigError, loadEnv } from "./env";
import { createCollabServer } from "./server";

function readEnv(): CollabEnv {
  try {
    return loadEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const env = readEnv();
const db = createDb(env.DATABASE_URL);
const server = createCollabServer({
  db,
  databaseUrl: env.DATABASE_URL,
  authSecret: env.AUTH_SECRET,
  port: env.COLLAB_PORT,
  host: env.COLLAB_HOST,
  maxMessageBytes: env.COLLAB_MAX_MESSAGE_BYTES,
  allowedOrigins: env.COLLAB_ALLOWED_ORIGINS,
  allowMissingOrigin: env.COLLAB_ALLOW_MISSING_ORIGIN,
});

try {
  await new Promise<void>((resolve, reject) => {
    // http.Server reports a failed listen as an event, which Server.listen() does not turn into
    // a rejection.
    server.httpServer.once("error", reject);
    server.listen().then(() => resolve(), reject);
  });
} catch (error) {
  console.error(
    `The collab server cannot listen on ${env.COLLAB_HOST}:${env.COLLAB_PORT} (COLLAB_HOST, COLLAB_PORT): ${error instanceof Error ? error.message : String(error)}`,
  );
  await db.$disconnect();
  process.exit(1);
}
console.log(`collab listening on ws://${env.COLLAB_HOST}:${server.address.port}`);

let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.log(`collab stopping (${signal})`);
  await server.destroy();
  await db.$disconnect();
  console.log("collab stopped");
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
