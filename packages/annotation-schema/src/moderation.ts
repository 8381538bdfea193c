import { z } from "zod";
import { codePointCount } from "./body-text";
import { entityIdSchema } from "./ids";

// Moderation (DESIGN decision 7): the states an annotation or reply moves through, the inputs
// of the moderation procedures and what they answer. Reasons are plain text, shown to the author
// and the staff; they are cleaned like tags (no controls, no bidi overrides).

/** Where an item stands in moderation (the DB enum `ModerationState`). */
export const moderationStateSchema = z.enum(["visible", "pending", "denied", "hidden", "removed"]);
export type ModerationState = z.infer<typeof moderationStateSchema>;

/** What a moderator can do, as the audit log names it (the DB enum `ModerationActionKind`). */
export const moderationActionKindSchema = z.enum([
  "hide",
  "unhide",
  "approve",
  "deny",
  "remove",
  "restore",
  "lock",
  "unlock",
  "mute",
  "unmute",
  "keep_flagged",
  "reopen_flag",
]);
export type ModerationActionKind = z.infer<typeof moderationActionKindSchema>;

/** Longest reason (for a flag, a hide, a deny, a delete, a mute), in code points. */
export const MODERATION_REASON_MAX_CHARS = 500;

const INVISIBLE_MARKS = /[\u00AD\u200B\u2060\uFEFF]/gu;
const FORBIDDEN_IN_REASON = /[\u202A-\u202E\u2066-\u2069]|\p{Cc}|\p{Cs}/u;

/** A reason as stored: NFC, invisible marks removed, whitespace runs collapsed, trimmed. */
export function normaliseReason(raw: string): string {
  return raw.normalize("NFC").replace(INVISIBLE_MARKS, "").replace(/\s+/gu, " ").trim();
}

const reasonText = z
  .string()
  .max(MODERATION_REASON_MAX_CHARS * 8)
  .transform(normaliseReason)
  .refine((reason) => !FORBIDDEN_IN_REASON.test(reason), { message: "moderation.reason_invalid" })
  .refine((reason) => codePointCount(reason) <= MODERATION_REASON_MAX_CHARS, {
    message: "moderation.reason_too_long",
  });

/** A reason that must be given (a flag, a hide, a deny, a delete, a mute). */
export const moderationReasonSchema = reasonText.refine((reason) => reason.length > 0, {
  message: "moderation.reason_required",
});
/** A reason that may be left out (unhide, approve, lock, undo…): "" when absent. */
export const optionalReasonSchema = reasonText.default("");

/** An annotation (a thread's opening comment) or a reply, by id. */
export const moderationTargetSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("annotation"), id: entityIdSchema }),
  z.object({ type: z.literal("reply"), id: entityIdSchema }),
]);
export type ModerationTarget = z.infer<typeof moderationTargetSchema>;

/** Any member who sees an item may flag it, once while their flag is open. */
export const flagInputSchema = z.object({
  target: moderationTargetSchema,
  reason: moderationReasonSchema,
});

/** Hide, deny and moderator delete need a reason: the author is told it. */
export const decideWithReasonInputSchema = z.object({
  target: moderationTargetSchema,
  reason: moderationReasonSchema,
});

/** Unhide, approve and "reviewed, keep" may carry a note for the log. */
export const decideInputSchema = z.object({
  target: moderationTargetSchema,
  reason: optionalReasonSchema,
});

/** Locking a thread (no new replies) or unlocking it. */
export const lockInputSchema = z.object({
  annotationId: entityIdSchema,
  reason: optionalReasonSchema,
});

/** Longest mute: a year, in hours. */
export const MUTE_MAX_HOURS = 24 * 366;

/** Muting a member of a course for a number of hours (they read but may not write). */
export const muteInputSchema = z.object({
  courseId: entityIdSchema,
  userId: entityIdSchema,
  hours: z.number().int().min(1).max(MUTE_MAX_HOURS),
  reason: moderationReasonSchema,
});

export const unmuteInputSchema = z.object({
  courseId: entityIdSchema,
  userId: entityIdSchema,
  reason: optionalReasonSchema,
});

/** Undoing one action of the audit log (which records the inverse, pointing back at it). */
export const undoInputSchema = z.object({
  actionId: entityIdSchema,
  reason: optionalReasonSchema,
});

/** The open flags and the posts held for approval in a course. */
export const moderationQueueInputSchema = z.object({ courseId: entityIdSchema });

/** Most audit entries per page. */
export const AUDIT_PAGE_MAX = 100;

/** The audit log of a course, newest first, filtered; `cursor` is the last id of a page. */
export const auditLogInputSchema = z.object({
  courseId: entityIdSchema,
  kind: moderationActionKindSchema.optional(),
  actorId: entityIdSchema.optional(),
  /** The member the action was about: the author of the item, or the muted member. */
  memberId: entityIdSchema.optional(),
  textId: entityIdSchema.optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
  cursor: entityIdSchema.optional(),
});
export type AuditLogInput = z.input<typeof auditLogInputSchema>;

// ── What leaves the server ──

/**
 * How an item's moderation shows to one viewer (absent on plain visible items). `withheld`:
 * the viewer gets a placeholder (hidden) or a tombstone (removed) instead of the content.
 * `reason` only reaches the item's author and the staff.
 */
export interface ModerationMark {
  state: Exclude<ModerationState, "visible">;
  reason: string | null;
  withheld: boolean;
}

/** Who someone is in the moderation screens (staff only: real names). */
export interface MemberRef {
  id: string;
  name: string;
}

/** An item in the moderation queue or the audit log, as the staff see it (body kept). */
export interface ModeratedItemView {
  type: "annotation" | "reply";
  id: string;
  annotationId: string;
  textId: string;
  textTitle: string;
  author: MemberRef;
  /** The passage the thread is on. */
  quote: string;
  /** The plain text of the item ("" when its author deleted it). */
  bodyText: string;
  state: ModerationState;
  reason: string | null;
  deleted: boolean;
  createdAt: Date;
}

/** One open flag. */
export interface FlagView {
  id: string;
  flagger: MemberRef;
  reason: string;
  createdAt: Date;
}

/** One entry of the queue: an item with its open flags, or a post waiting for approval. */
export interface QueueEntryView {
  item: ModeratedItemView;
  flags: FlagView[];
}

/** One entry of the audit log. */
export interface AuditEntryView {
  id: string;
  kind: ModerationActionKind;
  actor: MemberRef;
  createdAt: Date;
  reason: string;
  /** The item acted on (null for mutes). */
  item: ModeratedItemView | null;
  /** The member muted or unmuted, or the item's author. */
  member: MemberRef | null;
  before: unknown;
  after: unknown;
  /** The action this one undid. */
  undoesId: string | null;
  undoneAt: Date | null;
  /** Whether an undo would apply now (not undone yet, and the state has not moved on). */
  undoable: boolean;
}
