// What the run command keeps between starts, in the git-ignored `.data/` folder.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DemoAccount } from "../../prisma/seed";
import { repoRoot } from "./stack";

export const dataDir = path.join(repoRoot, ".data");
const secretFile = path.join(dataDir, "auth-secret");
const accountsFile = path.join(dataDir, "demo-accounts.json");

/** AUTH_SECRET from the environment, or one generated on the first start and kept. */
export async function loadOrCreateAuthSecret(given?: string): Promise<string> {
  if (given) return given;
  try {
    return (await readFile(secretFile, "utf8")).trim();
  } catch {
    await mkdir(dataDir, { recursive: true });
    const secret = randomBytes(48).toString("base64url");
    await writeFile(secretFile, `${secret}\n`, { mode: 0o600 });
    await chmod(secretFile, 0o600);
    return secret;
  }
}

export async function saveDemoAccounts(accounts: DemoAccount[]): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(accountsFile, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
}

export async function loadDemoAccounts(): Promise<DemoAccount[] | null> {
  try {
    return JSON.parse(await readFile(accountsFile, "utf8")) as DemoAccount[];
  } catch {
    return null;
  }
}
