import type { Db } from "@hashiya/db";
import { createSearcher, searchText, type TextRange } from "@hashiya/text-model";
import { type Actor, type CourseStanding, canSeeThread } from "../policies";
import { visibleWhere } from "./threads";

export interface SearchResult {
  /** Hits in the text, in code points of its canonical string, in reading order. */
  textHits: TextRange[];
  /** Threads the viewer may see that match, in reading order. */
  threadIds: string[];
}

/**
 * Searches a text and the threads the viewer may see with the text model's Arabic-aware
 * folding (tashkeel, tatweel, alef/ya/hamza forms, digits), so that the hits the reader
 * highlights are the ones the server found.
 */
export async function searchTextAndThreads(
  db: Pick<Db, "annotation">,
  actor: Actor,
  standing: CourseStanding,
  text: { id: string; body: string },
  query: string,
): Promise<SearchResult> {
  const textHits = createSearcher(text.body).search(query);
  const threads = await db.annotation.findMany({
    where: { textId: text.id, ...visibleWhere(actor, standing) },
    select: {
      id: true,
      authorId: true,
      visibility: true,
      quote: true,
      bodyText: true,
      tags: { select: { name: true } },
      replies: { where: { deletedAt: null }, select: { bodyText: true } },
    },
    orderBy: [{ start: "asc" }, { end: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const matches = (haystack: string) => searchText(haystack, query).length > 0;
  const threadIds = threads
    .filter((thread) => canSeeThread(actor, standing, thread))
    .filter(
      (thread) =>
        matches(thread.quote) ||
        matches(thread.bodyText) ||
        thread.replies.some((reply) => matches(reply.bodyText)) ||
        thread.tags.some((tag) => matches(tag.name)),
    )
    .map((thread) => thread.id);
  return { textHits, threadIds };
}
