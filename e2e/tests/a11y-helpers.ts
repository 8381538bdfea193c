// What the accessibility journey needs: the app's page routes read from its folder (so a new
// page cannot go unchecked), people of each role with a saved sign-in, and axe's verdict.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { type CourseRole, createMember, type Person, uid } from "./annotate-helpers";
import { createPerson, withDatabase } from "./db-helpers";
import { expect, signIn } from "./fixtures";

export type Locale = "ar" | "en";
/** Who visits: nobody signed in, a member with a course role, an outsider, or a site admin. */
export type Who = "anonymous" | CourseRole | "outsider" | "admin";

const appDir = fileURLToPath(new URL("../../apps/web/src/app/", import.meta.url));

/**
 * Every page route of the web app, as its folders name it ("/texts/[textId]/dashboard"):
 * each folder holding a page.tsx, route groups "(…)" left out, private "_…" folders skipped.
 */
export function appPageRoutes(dir = appDir, segments: string[] = []): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && /^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
      routes.push(`/${segments.join("/")}`);
    } else if (entry.isDirectory() && !entry.name.startsWith("_") && entry.name !== "api") {
      const segment = /^\(.*\)$/.test(entry.name) ? [] : [entry.name];
      routes.push(...appPageRoutes(path.join(dir, entry.name), [...segments, ...segment]));
    }
  }
  return routes.sort();
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
const signedIn = new Map<Who, { person: Person | null; state: StorageState }>();

/** Who each role is, signed in once per run and reused (a saved storage state). */
export async function personFor(
  browser: Browser,
  baseURL: string,
  who: Who,
): Promise<{ person: Person | null; state: StorageState }> {
  const known = signedIn.get(who);
  if (known) return known;
  const context = await browser.newContext({ baseURL, locale: "ar" });
  let person: Person | null = null;
  if (who !== "anonymous") {
    person =
      who === "admin" || who === "outsider"
        ? await createPerson(who === "admin" ? "مديرة" : "زائر", {
            emailTag: who,
            isAdmin: who === "admin",
          })
        : await createMember(who, `فاحص ${who}`);
    const page = await context.newPage();
    await signIn(page, person.email, person.password);
    await expect(page).toHaveURL(/\/$/);
  }
  const entry = { person, state: await context.storageState() };
  await context.close();
  signedIn.set(who, entry);
  return entry;
}

/** A page in a fresh context of `who`, with the interface in `locale` (the app's cookie). */
export async function openAs(browser: Browser, baseURL: string, who: Who, locale: Locale) {
  const { person, state } = await personFor(browser, baseURL, who);
  const context = await browser.newContext({ baseURL, locale, storageState: state });
  await context.addCookies([{ name: "locale", value: locale, url: baseURL }]);
  return { context, page: await context.newPage(), person };
}

/** Rules whose failures block people: axe's "serious" and "critical" impacts. */
const BLOCKING = new Set(["serious", "critical"]);

/**
 * axe's serious and critical violations on the page as it is now, one line each with where
 * (CSS selectors of at most five elements), so a failure says what to fix.
 */
export async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .map((violation) => {
      const where = violation.nodes
        .slice(0, 5)
        .map((node) => node.target.join(" "))
        .join(" | ");
      return `${violation.id} (${violation.impact}): ${violation.help} — ${where}`;
    });
}

/** An invite link's token to the demo course, made by one of its instructors. */
export function createInvite(createdById: string): Promise<string> {
  const id = uid();
  return withDatabase(async (db) => {
    const invite = await db.courseInvite.create({
      data: {
        courseId: "demo-course",
        token: `a11y-${id}`,
        code: `A11Y${id.slice(-6).toUpperCase()}`,
        createdById,
      },
    });
    return invite.token;
  });
}
