// Steps shared by the annotation journeys: people made straight in the database (the seed's
// demo passwords are random and never printed to the tests), signing them in in their own
// browser context, selecting passages and posting comments as a reader would.
import type { Browser, Locator, Page } from "@playwright/test";
import { createMemberIn, withDatabase } from "./db-helpers";
import { expect, signIn } from "./fixtures";

export const DEMO_COURSE_ID = "demo-course";
export const DEMO_TEXT_PATH = "/texts/demo-text";

export type CourseRole = "student" | "moderator" | "instructor";

export interface Person {
  id: string;
  name: string;
  email: string;
  password: string;
}

/** A unique suffix, so that comments of one run never match another test's. */
export function uid(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

/** A new user with a membership in the demo course. */
export function createMember(role: CourseRole, label: string): Promise<Person> {
  return createMemberIn(DEMO_COURSE_ID, role, label);
}

/** The newest event id of the demo text's live log, as the decimal string clients keep. */
export function lastEventIdInDb(): Promise<string> {
  return withDatabase(async (db) => {
    const last = await db.textEvent.findFirst({
      where: { textId: "demo-text" },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    return (last?.id ?? 0n).toString();
  });
}

/** A browser context of its own (its own cookies), signed in, on the demo text. */
export async function openAs(
  browser: Browser,
  person: Person | null,
  baseURL: string,
  options: { trackEventSources?: boolean } = {},
) {
  const context = await browser.newContext({ baseURL, locale: "ar" });
  if (options.trackEventSources) {
    // Keeps every EventSource the page opens in window.__eventSources, so a test can cut one.
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
  const page = await context.newPage();
  if (person) {
    await signIn(page, person.email, person.password);
    await expect(page).toHaveURL(/\/$/);
  }
  await openText(page);
  return { context, page };
}

/** The demo text, its threads loaded and the live stream connected. */
export async function openText(page: Page): Promise<void> {
  await page.goto(DEMO_TEXT_PATH);
  await expect(page.locator('[data-testid="reader"] .reader-text p').first()).toBeVisible();
  await expect(page.locator(".live-status")).toHaveAttribute("data-status", "live");
}

/** The thread card whose comment contains `text`. */
export function threadWith(page: Page, text: string): Locator {
  return page.getByTestId("thread").filter({ hasText: text });
}

/**
 * Selects a phrase of a paragraph of the text with the DOM selection API (as a drag would),
 * `from`/`to` trimming the phrase to a part of it (UTF-16 offsets within the phrase).
 */
export async function selectPhrase(
  page: Page,
  phrase: string,
  options: { paragraph?: number; from?: number; to?: number } = {},
): Promise<void> {
  await page.evaluate(
    ({ phrase, paragraph, from, to }) => {
      const blocks = Array.from(
        document.querySelectorAll('[data-testid="reader"] .reader-text > *'),
      );
      const candidates = paragraph === undefined ? blocks : [blocks[paragraph]];
      for (const block of candidates) {
        const walker = document.createTreeWalker(block as Node, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(phrase);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at + (from ?? 0));
          range.setEnd(node, at + (to ?? phrase.length));
          const selection = document.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return;
        }
      }
      throw new Error(`"${phrase}" is not in the text`);
    },
    { phrase, paragraph: options.paragraph, from: options.from, to: options.to },
  );
}

/** Writes a comment in the open composer, picks its visibility and posts it. */
export async function writeAndPost(
  page: Page,
  comment: string,
  options: {
    visibility?: "course" | "instructors" | "private";
    question?: boolean;
    tags?: string;
  } = {},
): Promise<void> {
  const composer = page.getByTestId("thread-composer");
  await expect(composer).toBeVisible();
  await composer.getByTestId("thread-composer-input").click();
  await page.keyboard.type(comment);
  if (options.visibility) {
    const labels = { course: "المقرر", instructors: "الأساتذة فقط", private: "أنا فقط" };
    await composer.getByLabel(labels[options.visibility], { exact: true }).check();
  }
  if (options.question) await composer.getByLabel("هذا سؤال").check();
  if (options.tags) await composer.getByLabel("الوسوم").fill(options.tags);
  await composer.getByRole("button", { name: "انشر" }).click();
  await expect(composer).toHaveCount(0);
  await expect(threadWith(page, comment)).toBeVisible();
}

/** Selects a phrase and annotates it through the floating button. */
export async function annotatePhrase(
  page: Page,
  phrase: string,
  comment: string,
  options: Parameters<typeof writeAndPost>[2] & { paragraph?: number } = {},
): Promise<void> {
  await selectPhrase(page, phrase, { paragraph: options.paragraph });
  await page.getByRole("button", { name: "علّق" }).click();
  await writeAndPost(page, comment, options);
}

/** The strings of the ranges painted in the reader's thread highlights (all depths). */
export async function highlightedStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // e2e's DOM typings lack the registry's Map methods (DOM.Iterable); the browser has them.
    const registry = CSS.highlights as unknown as Map<string, Set<Range>>;
    const out: string[] = [];
    for (const name of ["hashiya-depth-1", "hashiya-depth-2", "hashiya-depth-3"]) {
      registry.get(name)?.forEach((range) => {
        out.push(range.toString());
      });
    }
    return out;
  });
}
