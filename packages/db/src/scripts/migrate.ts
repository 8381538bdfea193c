// Applies the committed migrations to DATABASE_URL (what `prisma migrate deploy` does).
import { loadDbEnv } from "../env";
import { applyMigrations } from "../server/migrations";

const { DATABASE_URL } = loadDbEnv();
const applied = await applyMigrations(DATABASE_URL, { log: console.log });
console.log(applied.length ? `Applied ${applied.length} migration(s).` : "The database is up to date.");
