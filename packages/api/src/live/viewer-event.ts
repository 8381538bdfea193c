import type { LiveEvent } from "@hashiya/annotation-schema";
import type { Db, TextEvent } from "@hashiya/db";
import { canSeeThread } from "../policies";
import {
  lensKey,
  noteOwnThread,
  revealsAuthor,
  showsThread,
  type ThreadRow,
  type ViewerLens,
} from "../presenters";
import { viewOfThread } from "../queries/threads";
import type { StoredEventType } from "./log";
import { shareSerialisation } from "./shared-payload";
import { sharedForEvent } from "./shared-reads";

/**
 * What one viewer gets of one logged event, if anything, given the thread as stored after
 * it (`stored`, loaded once for all viewers) and the viewer's lens (who they are, their role,
 * the course's settings). Synchronous, so that a fan-out to hundreds of viewers costs a few
 * checks each.
 */
export function viewerEvent(
  db: Db,
  lens: ViewerLens,
  row: TextEvent,
  stored: ThreadRow | null,
): LiveEvent | null {
  const { actor, standing } = lens;
  // The viewer's own post may just have opened "reveal after posting" for them.
  if (stored) noteOwnThread(lens, stored);
  // Decided first on the event's audience (the thread as it was, narrowed to author and staff
  // while held: see `eventAudience`), so that not even the ids of a thread — or a pending
  // reply — the viewer never could see reach them; "reveal after posting" holds back
  // classmates' threads the same way...
  const audience = { visibility: row.visibility, authorId: row.threadAuthorId };
  if (!canSeeThread(actor, standing, audience) || !revealsAuthor(lens, row.threadAuthorId)) {
    return null;
  }
  // ...then shaped by the thread as it is now, which may have gone or changed since.
  const sees = stored !== null && showsThread(stored, lens);
  // Viewers who get the same thread get the same event object, built and serialised once:
  // the key holds everything the view depends on — whether they see the thread, their lens
  // on it (staff, someone whose work is in it, everyone else) and their own reactions.
  const viewerId = actor?.userId ?? null;
  const reacted = sees && stored !== null && viewerId !== null && hasReacted(stored, viewerId);
  const lensPart = sees && stored ? lensKey(lens, stored) : "-";
  const key = `${row.id}:${sees ? "sees" : "-"}:${lensPart}:${reacted ? viewerId : ""}`;
  return sharedForEvent(db, key, () => {
    const thread = sees && stored ? viewOfThread(stored, lens) : null;
    const type = row.type as StoredEventType;
    // A change of audience: only those who lost the thread hear of it here (as a removal);
    // those who still see it get the event logged right after.
    if (type === "thread.unshared" && thread) return null;
    return shareSerialisation<LiveEvent>({
      eventId: row.id.toString(),
      type: thread && type !== "thread.unshared" ? type : "thread.deleted",
      textId: row.textId,
      annotationId: row.annotationId,
      replyId: row.replyId,
      thread,
    });
  });
}

function hasReacted(thread: ThreadRow, viewerId: string): boolean {
  const mine = (reaction: { userId: string }) => reaction.userId === viewerId;
  return thread.reactions.some(mine) || thread.replies.some((reply) => reply.reactions.some(mine));
}
