// A course of its own for each moderation journey (its settings must not touch the demo course
// other journeys use), with a copy of the demo text and members made in the database.
import type { Browser } from "@playwright/test";
import { type CourseRole, type Person, uid } from "./annotate-helpers";
import { expect, signIn } from "./fixtures";

export { createClassroom, createMemberIn } from "./db-helpers";

/** A browser context of its own, signed in, on the text, its threads loaded and live. */
export async function openTextAs(
  browser: Browser,
  person: Person,
  baseURL: string,
  textId: string,
) {
  const context = await browser.newContext({ baseURL, locale: "ar" });
  const page = await context.newPage();
  await signIn(page, person.email, person.password);
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/texts/${textId}`);
  await expect(page.locator('[data-testid="reader"] .reader-text p').first()).toBeVisible();
  await expect(page.locator(".live-status")).toHaveAttribute("data-status", "live");
  return { context, page };
}
