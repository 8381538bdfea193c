import { z } from "zod";
import type { ThreadView } from "./views";

/** What happened to a thread; every event carries the thread as it now is for its viewer. */
export const liveEventTypeSchema = z.enum([
  "thread.created",
  "thread.updated",
  "thread.deleted",
  "reply.created",
  "reply.updated",
  "reply.deleted",
  "reactions.changed",
  // A moderator hid, unhid, approved, denied, removed, restored, locked or unlocked something.
  "moderation.changed",
  // About the viewer, not a thread (`annotationId` "", `thread` null, `eventId` the stream's
  // position): what they may see changed (a role, the course's settings, archived or restored),
  // so the page reads the discussion again; or they may no longer read the text at all (removed
  // from the course): the stream ends right after.
  "access.changed",
  "access.revoked",
]);
/** One of the live event types. */
export type LiveEventType = z.infer<typeof liveEventTypeSchema>;

/**
 * One event of a text's live stream, already filtered and shaped for one viewer. `thread` is the
 * whole thread as that viewer may see it after the event; null means "remove it from view"
 * (deleted without replies, or no longer visible to this viewer). `eventId` is the TextEvent id
 * as a decimal string, the cursor a reconnecting client resumes from.
 */
export interface LiveEvent {
  eventId: string;
  type: LiveEventType;
  textId: string;
  annotationId: string;
  replyId: string | null;
  thread: ThreadView | null;
}
