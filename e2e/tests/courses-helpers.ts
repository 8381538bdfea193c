// Steps of the course journeys: people made in the database without any course (they start
// or join one through the pages), and the interface's own words read from its message files,
// so that the tests follow the wording instead of copying it.
import { readFileSync } from "node:fs";
import { hashPassword } from "@hashiya/auth/password";
import { createDb } from "@hashiya/db";
import type { BrowserContext, Page } from "@playwright/test";
import { type Person, uid } from "./annotate-helpers";

type Messages = Record<string, Record<string, string>>;

/** The Arabic interface's messages (the tests run in Arabic, the default). */
export const ar: Messages = JSON.parse(
  readFileSync(new URL("../../apps/web/messages/ar.json", import.meta.url), "utf8"),
);

/** A message with its {placeholders} filled in (plain ones only). */
export function say(namespace: string, key: string, values: Record<string, string> = {}): string {
  const template = ar[namespace]?.[key];
  if (template === undefined) throw new Error(`no message ${namespace}.${key}`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/** The demo essay's first lines: real Arabic text for an instructor to paste. */
export const essayLines = readFileSync(
  new URL("../../prisma/seed/demo-text.ar.txt", import.meta.url),
  "utf8",
)
  .split("\n")
  .filter((line) => line.trim());

function database() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url)
    throw new Error("E2E_DATABASE_URL is not set: run the tests through playwright.config.ts");
  return createDb(url, { max: 1 });
}

/** A course of its own with a copy of the demo text; answers both ids. */
export async function createCourseWithText(): Promise<{ courseId: string; textId: string }> {
  const db = database();
  try {
    const demo = await db.text.findUniqueOrThrow({ where: { id: "demo-text" } });
    const course = await db.course.create({ data: { title: `مقرر ${uid()}` } });
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

/** A user with a role in a course. */
export async function createMemberIn(
  courseId: string,
  role: "student" | "moderator" | "instructor",
  label: string,
): Promise<Person> {
  const person = await createPerson(label);
  const db = database();
  try {
    await db.membership.create({ data: { courseId, userId: person.id, role } });
    return person;
  } finally {
    await db.$disconnect();
  }
}

/** A user with no course at all. */
export async function createPerson(label: string): Promise<Person> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url)
    throw new Error("E2E_DATABASE_URL is not set: run the tests through playwright.config.ts");
  const id = uid();
  const person = {
    name: `${label} ${id.slice(-4)}`,
    email: `person-${id}@example.test`,
    password: `quiet harbour ${id} lantern`,
  };
  const db = database();
  try {
    const user = await db.user.create({
      data: {
        name: person.name,
        email: person.email,
        passwordHash: await hashPassword(person.password),
        locale: "ar",
      },
    });
    return { ...person, id: user.id };
  } finally {
    await db.$disconnect();
  }
}

/** Keeps every EventSource a context's pages open in `window.__eventSources`. */
export async function trackEventSources(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.EventSource;
    const opened: EventSource[] = [];
    (window as unknown as { __eventSources: EventSource[] }).__eventSources = opened;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        opened.push(this);
      }
    };
  });
}

/** How many of the page's live streams of a text are still open (or connecting). */
export function openTextStreams(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as { __eventSources: EventSource[] }).__eventSources.filter(
        (source) =>
          source.url.includes("live.onTextEvent") && source.readyState !== EventSource.CLOSED,
      ).length,
  );
}
