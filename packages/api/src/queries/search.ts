import { bodyToPlainText } from "@hashiya/annotation-schema";
import type { Db } from "@hashiya/db";
import { createSearcher, searchText, type TextRange } from "@hashiya/text-model";
import type { ViewerLens } from "../presenters";
import { listThreads } from "./threads";

export interface SearchResult {
  /** Hits in the text, in code points of its canonical string, in reading order. */
  textHits: TextRange[];
  /** Threads the viewer may see that match, in reading order. */
  threadIds: string[];
}

/**
 * Searches a text and the threads the viewer may see with the text model's Arabic-aware
 * folding (tashkeel, tatweel, alef/ya/hamza forms, digits), so that the hits the reader
 * highlights are the ones the server found. Threads are matched on what the viewer is shown
 * of them — never on the words of a hidden, removed or held item they get no body of.
 */
export async function searchTextAndThreads(
  db: Pick<Db, "annotation">,
  lens: ViewerLens,
  text: { id: string; body: string },
  query: string,
): Promise<SearchResult> {
  const textHits = createSearcher(text.body).search(query);
  const threads = await listThreads(db, lens, text.id);
  const matches = (haystack: string | null) =>
    haystack !== null && haystack !== "" && searchText(haystack, query).length > 0;
  const threadIds = threads
    .filter(
      (thread) =>
        matches(thread.quote) ||
        matches(thread.bodyText) ||
        thread.replies.some((reply) => reply.body && matches(bodyToPlainText(reply.body))) ||
        thread.tags.some((tag) => matches(tag)),
    )
    .map((thread) => thread.id);
  return { textHits, threadIds };
}
