// The messages the web app sent during the run, as the test SMTP server (mail-catcher.ts) kept them.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "./fixtures";

export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
}

async function allMail(): Promise<CaughtMail[]> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: run the tests through playwright.config.ts");
  const files = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  return Promise.all(files.map(async (name) => JSON.parse(await readFile(path.join(dir, name), "utf8"))));
}

/** The newest message sent to `to`, once it has arrived. */
export async function mailTo(to: string): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(async () => {
      found = (await allMail()).filter((mail) => mail.to === to).at(-1);
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}
