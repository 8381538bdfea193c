// `pnpm db:seed`: adds the demo course to DATABASE_URL and prints its accounts once.
import { createDb } from "@hashiya/db";
import { seedDemo } from "./seed";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is missing: set it to the postgresql:// URL of the database to seed.");
  process.exit(2);
}
const db = createDb(url, { max: 2 });
const result = await seedDemo(db, { log: console.log });
await db.$disconnect();
if (result.accounts) {
  for (const account of result.accounts) {
    console.log(`${account.role.padEnd(10)} ${account.email.padEnd(26)} password: ${account.password}`);
  }
} else {
  console.log("The demo course already exists; nothing changed.");
}
