// A course of its own for each moderation journey (its settings must not touch the demo course
// other journeys use), with a copy of the demo text and members made in the database.
import { hashPassword } from "@hashiya/auth/password";
import { createDb } from "@hashiya/db";
import type { Browser } from "@playwright/test";
import { type CourseRole, type Person, uid } from "./annotate-helpers";
import { expect, signIn } from "./fixtures";

function database() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url)
    throw new Error("E2E_DATABASE_URL is not set: run the tests through playwright.config.ts");
  return createDb(url, { max: 1 });
}

/** A course with the given discussion settings and a copy of the demo text; answers both ids. */
export async function createClassroom(settings: {
  preModeration?: boolean;
  revealAfterPosts?: number;
  namesHidden?: boolean;
}): Promise<{ courseId: string; textId: string }> {
  const db = database();
  try {
    const demo = await db.text.findUniqueOrThrow({ where: { id: "demo-text" } });
    const course = await db.course.create({ data: { title: `صف ${uid()}`, ...settings } });
    const text = await db.text.create({
      data: {
        courseId: course.id,
        title: demo.title,
        language: demo.language,
        direction: demo.direction,
        body: demo.body,
        blocks: demo.blocks ?? [],
      },
    });
    return { courseId: course.id, textId: text.id };
  } finally {
    await db.$disconnect();
  }
}

/** A new user with a membership in the course. */
export async function createMemberIn(
  courseId: string,
  role: CourseRole,
  label: string,
): Promise<Person> {
  const db = database();
  const id = uid();
  const person = {
    name: `${label} ${id.slice(-4)}`,
    email: `${role}-${id}@example.test`,
    password: `quiet harbour ${id} lantern`,
  };
  try {
    const user = await db.user.create({
      data: {
        name: person.name,
        email: person.email,
        passwordHash: await hashPassword(person.password),
        locale: "ar",
      },
    });
    await db.membership.create({ data: { courseId, userId: user.id, role } });
    return { ...person, id: user.id };
  } finally {
    await db.$disconnect();
  }
}

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
