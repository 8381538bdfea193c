// Steps of the course journeys: people made in the database without any course (they start
// or join one through the pages), and the interface's own words read from its message files,
// so that the tests follow the wording instead of copying it.
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { createClassroom } from "./db-helpers";

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

export { createMemberIn, createPerson } from "./db-helpers";

/** A course of its own with a copy of the demo text; answers both ids. */
export const createCourseWithText = () => createClassroom();

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
