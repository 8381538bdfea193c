import type { ModerationState, Visibility } from "@hashiya/db";
import { type Actor, type CourseStanding, can } from "./actor";

// Who may see and write what in a text's discussion: visibility, moderation states, course
// settings (pre-moderation, reveal after posting, hidden names), mutes and locks. Pure answers
// from facts the callers read; every read path and write asks here.

/** What the thread policies need to know about a thread (an annotation and its replies). */
export interface ThreadAccess {
  visibility: Visibility;
  authorId: string;
  /** Absent means visible (an event's audience, callers that know no more). */
  moderationState?: ModerationState;
}

/** An annotation or a reply, as far as moderation is concerned. */
export interface ModeratedItem {
  authorId: string;
  moderationState: ModerationState;
}

/** The course staff (moderators, instructors) and admins: they moderate and see held items. */
export function isStaff(actor: Actor, standing: CourseStanding): boolean {
  return can(actor, standing, "moderate");
}

const isAuthor = (actor: Actor, item: { authorId: string }) => actor?.userId === item.authorId;

/** Pending (pre-moderated) and denied items are their author's and the staff's only. */
export function isHeld(state: ModerationState | undefined): boolean {
  return state === "pending" || state === "denied";
}

/**
 * Whether the actor may see a thread, given that they may read its text (callers check
 * `canReadText` first; a thread never makes its text readable). Private threads are their
 * author's alone — not even admins or instructors see them (DESIGN "Who may do what");
 * instructors-only threads are the author's and the staff's; course threads are everyone's
 * who reads the text. A held (pending or denied) thread narrows any of these to its author
 * and the staff. Hidden and removed threads stay in view, shaped by {@link disclosureOf}.
 */
export function canSeeThread(
  actor: Actor,
  standing: CourseStanding,
  thread: ThreadAccess,
): boolean {
  if (!canSeeHeld(actor, standing, thread)) return false;
  switch (thread.visibility) {
    case "course":
      return true;
    case "private":
      return isAuthor(actor, thread);
    case "instructors":
      return isAuthor(actor, thread) || isStaff(actor, standing);
  }
}

/** A reply in a thread the actor sees: held replies only for their author and the staff. */
export function canSeeReply(actor: Actor, standing: CourseStanding, reply: ModeratedItem): boolean {
  return canSeeHeld(actor, standing, reply);
}

function canSeeHeld(
  actor: Actor,
  standing: CourseStanding,
  item: { authorId: string; moderationState?: ModerationState },
): boolean {
  return !isHeld(item.moderationState) || isAuthor(actor, item) || isStaff(actor, standing);
}

/**
 * How much of an item a viewer who may see it gets:
 * - "full": the item as written;
 * - "marked": the item with its moderation state (and reason) shown — held items to their
 *   author and the staff, hidden ones to their author and the staff, removed ones to the staff
 *   (whose copy the body is kept for, DESIGN "Deleting");
 * - "placeholder": a hidden item to everyone else: its place in the thread, nothing of it;
 * - "tombstone": a removed item to everyone but the staff (its author also gets the reason).
 */
export type Disclosure = "full" | "marked" | "placeholder" | "tombstone";

export function disclosureOf(
  actor: Actor,
  standing: CourseStanding,
  item: ModeratedItem,
): Disclosure {
  switch (item.moderationState) {
    case "visible":
      return "full";
    case "pending":
    case "denied":
      return "marked";
    case "hidden":
      return isAuthor(actor, item) || isStaff(actor, standing) ? "marked" : "placeholder";
    case "removed":
      return isStaff(actor, standing) ? "marked" : "tombstone";
  }
}

/** The moderator's reason for an item's state reaches its author and the staff only. */
export function canSeeModerationReason(
  actor: Actor,
  standing: CourseStanding,
  item: { authorId: string },
): boolean {
  return isAuthor(actor, item) || isStaff(actor, standing);
}

// ── Course settings ──

/** The course settings that change what people see and how their posts start. */
export interface DiscussionSettings {
  preModeration: boolean;
  revealAfterPosts: number;
  namesHidden: boolean;
}

/**
 * "Reveal after posting": whether a viewer sees threads and replies by this author on a text.
 * The staff see everything; everyone sees their own work and the staff's; others' work shows
 * once the viewer has `required` posts of their own there that count ({@link countsTowardReveal}).
 * It applies to everyone who is not staff, readers of a public text included — otherwise
 * signing out would reveal what the course holds back.
 */
export function passesRevealGate(
  actor: Actor,
  standing: CourseStanding,
  author: { authorId: string; authorIsStaff: boolean },
  gate: { required: number; posted: number },
): boolean {
  if (gate.required <= 0 || gate.posted >= gate.required) return true;
  return isStaff(actor, standing) || isAuthor(actor, author) || author.authorIsStaff;
}

/** A post counts toward "reveal after posting" when others can see it: shared, visible, kept. */
export function countsTowardReveal(annotation: {
  visibility: Visibility;
  moderationState: ModerationState;
  deletedAt: Date | null;
}): boolean {
  return (
    annotation.visibility !== "private" &&
    annotation.moderationState === "visible" &&
    annotation.deletedAt === null
  );
}

/**
 * Whether the viewer sees this person's real name. With names hidden, students and public
 * readers see classmates as stable aliases; the staff see names; everyone sees their own name
 * and the staff's.
 */
export function seesNameOf(
  actor: Actor,
  standing: CourseStanding,
  settings: Pick<DiscussionSettings, "namesHidden">,
  person: { id: string; isStaff: boolean },
): boolean {
  if (!settings.namesHidden || person.isStaff) return true;
  return actor?.userId === person.id || isStaff(actor, standing);
}

/**
 * The state a new post starts in. With pre-moderation, students' shared posts wait for a
 * moderator; private notes (nobody else sees them) and the staff's posts do not.
 */
export function initialModerationState(
  settings: Pick<DiscussionSettings, "preModeration">,
  standing: CourseStanding,
  visibility: Visibility,
): "visible" | "pending" {
  return settings.preModeration && standing === "student" && visibility !== "private"
    ? "pending"
    : "visible";
}

/**
 * Whether a student's edit sends their post back to the queue where the course pre-moderates:
 * new words, or a private note now shared, are not what a moderator approved (an edited
 * denied post is submitted again). Hidden and removed posts stay as moderators left them.
 */
export function heldAgainAfterEdit(
  settings: Pick<DiscussionSettings, "preModeration">,
  standing: CourseStanding,
  item: { moderationState: ModerationState; visibility: Visibility },
  edit: { bodyChanged: boolean; visibility: Visibility },
): boolean {
  if (initialModerationState(settings, standing, edit.visibility) !== "pending") return false;
  const nowShared = item.visibility === "private";
  if (item.moderationState === "visible") return edit.bodyChanged || nowShared;
  return item.moderationState === "denied" && edit.bodyChanged;
}

// ── Writing ──

/** Whether the actor may annotate, reply, react and tag in a text of this course. */
export function canWriteInText(actor: Actor, standing: CourseStanding): boolean {
  return can(actor, standing, "annotate");
}

/** Whether the actor may flag what they see (any member; admins too). */
export function canFlag(actor: Actor, standing: CourseStanding): boolean {
  return can(actor, standing, "annotate");
}

/**
 * Whether a member is muted at `now`: they may read, but not write, until `mutedUntil`.
 * Deleting their own posts stays allowed (taking words back is never harmful).
 */
export function isMuted(membership: { mutedUntil: Date | null } | null, now: Date): boolean {
  return membership?.mutedUntil != null && membership.mutedUntil > now;
}

/** Only students are muted: the staff answer to the instructor, not to the mute button. */
export function canBeMuted(standing: CourseStanding): boolean {
  return standing === "student";
}

/** A locked thread takes no new replies; one a moderator removed takes nothing at all. */
export function acceptsReplies(thread: {
  lockedAt: Date | null;
  deletedAt: Date | null;
  moderationState: ModerationState;
}): "open" | "locked" | "gone" {
  if (thread.deletedAt || thread.moderationState === "removed") return "gone";
  return thread.lockedAt ? "locked" : "open";
}

/**
 * Whether the actor may edit or delete this item as its author: only its author, and only
 * while they may still write in the course (a former member's words stay as they left them).
 */
export function canEditOwn(
  actor: Actor,
  standing: CourseStanding,
  item: { authorId: string },
): boolean {
  return actor?.userId === item.authorId && canWriteInText(actor, standing);
}

// ── Live events ──

/** Who an event about a thread may reach: what `canSeeThread` checks on the log row. */
export interface EventAudience {
  visibility: Visibility;
  threadAuthorId: string;
}

/**
 * The audience of an event about a thread (and one of its replies): the thread's own, narrowed
 * to "the item's author and the staff" while the thread — or the reply, with `reply` — is held,
 * so that not even the ids of pending or denied items reach anyone else over the live channel.
 * A reply whose state changes to or from held gives `replyBefore` too: the event must reach
 * everyone who saw the reply before or sees it after (the wider of the two).
 */
export function eventAudience(
  thread: { visibility: Visibility; authorId: string; moderationState: ModerationState },
  reply?: ModeratedItem,
  replyBefore?: ModerationState,
): EventAudience {
  const own: EventAudience = { visibility: thread.visibility, threadAuthorId: thread.authorId };
  if (thread.visibility === "private") return own;
  if (isHeld(thread.moderationState)) return { ...own, visibility: "instructors" };
  const replyHeld = reply && isHeld(reply.moderationState) && (!replyBefore || isHeld(replyBefore));
  if (reply && replyHeld) return { visibility: "instructors", threadAuthorId: reply.authorId };
  return own;
}

/** Whether two audiences are the same (a change of audience logs "thread.unshared" first). */
export function sameAudience(a: EventAudience, b: EventAudience): boolean {
  return a.visibility === b.visibility && a.threadAuthorId === b.threadAuthorId;
}
