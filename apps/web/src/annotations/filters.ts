import type { ThreadView } from "./types";

/** The thread panel's filters; every one set must hold (an empty filter lets all through). */
export interface ThreadFilters {
  tag: string | null;
  authorId: string | null;
  questionsOnly: boolean;
  unansweredOnly: boolean;
  /** Thread ids from the latest search, or null when no search is active. */
  matching: ReadonlySet<string> | null;
}

export const noFilters: ThreadFilters = {
  tag: null,
  authorId: null,
  questionsOnly: false,
  unansweredOnly: false,
  matching: null,
};

/** A thread without a live reply: what "unanswered" means to someone looking for work. */
export function isUnanswered(thread: ThreadView): boolean {
  return !thread.replies.some((reply) => !reply.deleted);
}

export function filterThreads(
  threads: readonly ThreadView[],
  filters: ThreadFilters,
): ThreadView[] {
  return threads.filter(
    (thread) =>
      (filters.tag === null || thread.tags.includes(filters.tag)) &&
      // A person "took part" through what still stands: a tombstone speaks for no one.
      (filters.authorId === null ||
        (!thread.deleted && thread.author.id === filters.authorId) ||
        thread.replies.some((reply) => !reply.deleted && reply.author.id === filters.authorId)) &&
      (!filters.questionsOnly || thread.isQuestion) &&
      (!filters.unansweredOnly || isUnanswered(thread)) &&
      (filters.matching === null || filters.matching.has(thread.id)),
  );
}

/** The tags and people present in a list, for the filter menus (sorted, each once). */
export function filterChoices(threads: readonly ThreadView[]) {
  const tags = new Set<string>();
  const people = new Map<string, string>();
  for (const thread of threads) {
    for (const tag of thread.tags) tags.add(tag);
    if (!thread.deleted) people.set(thread.author.id, thread.author.name);
    for (const reply of thread.replies) {
      if (!reply.deleted) people.set(reply.author.id, reply.author.name);
    }
  }
  const collator = new Intl.Collator(["ar", "en"]);
  return {
    tags: [...tags].sort(collator.compare),
    people: [...people]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  };
}
