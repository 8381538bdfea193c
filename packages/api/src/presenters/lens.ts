import {
  type Actor,
  type CourseStanding,
  countsTowardReveal,
  type DiscussionSettings,
  isStaff,
  passesRevealGate,
  seesNameOf,
} from "../policies";

/**
 * Everything a presenter needs to know about the viewer and the course to shape a thread for
 * them: who they are, their role, the course's discussion settings, its staff (whose names and
 * threads are never held back), the aliases of its students (names hidden) and how far the
 * viewer is through "reveal after posting". Loaded by `queries/lens.ts`.
 */
export interface ViewerLens {
  actor: Actor;
  standing: CourseStanding;
  settings: DiscussionSettings;
  /** The course's moderators and instructors (only loaded when a setting needs them). */
  staffIds: ReadonlySet<string>;
  /** Students' alias numbers, by the order they joined (only when names are hidden). */
  aliases: ReadonlyMap<string, number>;
  /**
   * The viewer's own posts on the text that count toward "reveal after posting" (ids, as far
   * as the gate needs: at most `revealAfterPosts`), and how many.
   */
  counted: Set<string>;
  posted: number;
}

export const PLAIN_SETTINGS: DiscussionSettings = {
  preModeration: false,
  revealAfterPosts: 0,
  namesHidden: false,
};

/** A lens for a course with no discussion settings switched on. */
export function plainLens(actor: Actor, standing: CourseStanding): ViewerLens {
  return {
    actor,
    standing,
    settings: PLAIN_SETTINGS,
    staffIds: new Set(),
    aliases: new Map(),
    counted: new Set(),
    posted: 0,
  };
}

/**
 * Takes note of one of the viewer's own threads, as a live stream sees it go by: one that now
 * counts toward "reveal after posting" counts at once, so that classmates' work flows from the
 * next event on, not only once the stream's lens is read again. A lens belongs to one viewer.
 */
export function noteOwnThread(
  lens: ViewerLens,
  thread: { id: string; authorId: string } & Parameters<typeof countsTowardReveal>[0],
): void {
  if (isRevealed(lens) || thread.authorId !== lens.actor?.userId) return;
  if (!countsTowardReveal(thread) || lens.counted.has(thread.id)) return;
  lens.counted.add(thread.id);
  lens.posted = lens.counted.size;
}

/** Whether the viewer sees work by this author under "reveal after posting". */
export function revealsAuthor(lens: ViewerLens, authorId: string): boolean {
  return passesRevealGate(
    lens.actor,
    lens.standing,
    { authorId, authorIsStaff: lens.staffIds.has(authorId) },
    { required: lens.settings.revealAfterPosts, posted: lens.posted },
  );
}

/** Whether the viewer is through "reveal after posting" (or it is off, or they are staff). */
export function isRevealed(lens: ViewerLens): boolean {
  const required = lens.settings.revealAfterPosts;
  return required <= 0 || lens.posted >= required || isStaff(lens.actor, lens.standing);
}

/** Whether the viewer sees this person's real name (see `seesNameOf`). */
export function showsName(lens: ViewerLens, userId: string): boolean {
  return seesNameOf(lens.actor, lens.standing, lens.settings, {
    id: userId,
    isStaff: lens.staffIds.has(userId),
  });
}

/**
 * What a shared live event's view depends on for this viewer, beyond whether they see the
 * thread and their own reactions: viewers with the same key get the same thread view. The
 * staff all see the same; someone whose work is in the thread sees it their own way; everyone
 * else sees it alike, as far as "reveal after posting" has let them.
 */
export function lensKey(
  lens: ViewerLens,
  thread: { authorId: string; replies: { author: { id: string } }[] },
): string {
  if (isStaff(lens.actor, lens.standing)) return "staff";
  const viewerId = lens.actor?.userId;
  if (viewerId) {
    const involved =
      thread.authorId === viewerId || thread.replies.some((reply) => reply.author.id === viewerId);
    if (involved) return `u:${viewerId}`;
  }
  return isRevealed(lens) ? "others" : "others:held-back";
}
