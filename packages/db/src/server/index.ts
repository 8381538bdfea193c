export { canConnect, ensureDatabaseExists, withDatabase } from "./admin";
export { type RunningPostgres, startEmbeddedPostgres } from "./embedded-postgres";
export { applyMigrations, migrationsDir, readMigrations } from "./migrations";
