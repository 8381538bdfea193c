// `pnpm db:seed`: adds the demo course to DATABASE_URL and prints its accounts once.
import { createDb, loadDbEnv } from "@hashiya/db";
import { seedDemo } from "./seed";

const db = createDb(loadDbEnv().DATABASE_URL, { max: 2 });
const result = await seedDemo(db, { log: console.log });
await db.$disconnect();
if (result.accounts) {
  for (const account of result.accounts) {
    console.log(`${account.role.padEnd(10)} ${account.email.padEnd(26)} password: ${account.password}`);
  }
} else {
  console.log("The demo course already exists; nothing changed.");
}
