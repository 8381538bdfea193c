// Steps of the dashboard journeys: posting through the real tRPC endpoint with a person's own
// session (the same request the reader's composer sends), so each post goes through
// authorisation, the database and the live stream like any other.
import { readFileSync } from "node:fs";
import { importPlainText } from "@hashiya/text-model";
import type { APIRequestContext } from "@playwright/test";
import { expect } from "./fixtures";

const DEMO_TEXT_ID = "demo-text";
const canonical = importPlainText(
  readFileSync(new URL("../../prisma/seed/demo-text.ar.txt", import.meta.url)),
).text;

/** Code points [start, end) of a phrase in the demo text (its first occurrence). */
export function spanOf(phrase: string): { start: number; end: number } {
  const at = canonical.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" is not in the demo text`);
  const start = [...canonical.slice(0, at)].length;
  return { start, end: start + [...phrase].length };
}

/** The paragraph (0-based) holding a code-point offset of the demo text. */
export function paragraphOf(offset: number): number {
  return [...canonical].slice(0, offset).filter((c) => c === "\n").length;
}

/** A tRPC mutation over HTTP as the signed-in person of `request` (superjson's wire format). */
async function mutate(request: APIRequestContext, path: string, input: unknown) {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).result.data.json;
}

/** Posts a comment on a phrase of the demo text; returns the new thread's id. */
export async function postAnnotation(
  request: APIRequestContext,
  phrase: string,
  comment: string,
  options: { isQuestion?: boolean } = {},
): Promise<string> {
  const text = await request.get(
    `/api/trpc/text.byId?input=${encodeURIComponent(JSON.stringify({ json: { textId: DEMO_TEXT_ID } }))}`,
  );
  const version = (await text.json()).result.data.json.version as number;
  const outcome = await mutate(request, "annotation.create", {
    textId: DEMO_TEXT_ID,
    textVersion: version,
    ...spanOf(phrase),
    body: {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: comment }] }],
    },
    isQuestion: options.isQuestion ?? false,
  });
  return outcome.thread.id as string;
}

/** Reacts to a thread. */
export async function react(request: APIRequestContext, annotationId: string, kind: string) {
  await mutate(request, "reaction.set", {
    target: { type: "annotation", id: annotationId },
    kind,
    on: true,
  });
}

/** Flags a thread for the moderators, with a reason. */
export async function flag(request: APIRequestContext, annotationId: string, reason: string) {
  await mutate(request, "moderation.flag", {
    target: { type: "annotation", id: annotationId },
    reason,
  });
}

/** Replies in a thread. */
export async function reply(request: APIRequestContext, annotationId: string, text: string) {
  await mutate(request, "reply.create", {
    annotationId,
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
  });
}
