import type { AppErrorCode } from "../errors";
import type { ModerationActionKind, ModerationState } from "@hashiya/db";

// The moderation state machine (DESIGN decision 7) for annotations and replies: which decision
// applies from which state, where it leads, and what a refusal says. Pure.

/** The decisions a moderator takes on an item. */
export type ItemDecision = "hide" | "unhide" | "approve" | "deny" | "remove";

interface Transition {
  from: readonly ModerationState[];
  to: ModerationState;
  /** Why the decision does not apply to an item in another state. */
  refusal: AppErrorCode;
  /** The flag resolution it records on the item's open flags, if it resolves them. */
  resolves?: "hidden" | "removed";
}

const TRANSITIONS: Record<ItemDecision, Transition> = {
  hide: { from: ["visible"], to: "hidden", refusal: "moderation.not_visible", resolves: "hidden" },
  unhide: { from: ["hidden"], to: "visible", refusal: "moderation.not_hidden" },
  // A denied post can still be approved (a second look); an approved one is visible.
  approve: { from: ["pending", "denied"], to: "visible", refusal: "moderation.not_pending" },
  deny: { from: ["pending"], to: "denied", refusal: "moderation.not_pending" },
  remove: {
    from: ["visible", "pending", "denied", "hidden"],
    to: "removed",
    refusal: "moderation.already_removed",
    resolves: "removed",
  },
};

/** Where a decision takes an item in state `from`, or why it does not apply. */
export function transition(
  decision: ItemDecision,
  from: ModerationState,
): { to: ModerationState; resolves?: "hidden" | "removed" } | { refusal: AppErrorCode } {
  const rule = TRANSITIONS[decision];
  if (!rule.from.includes(from)) return { refusal: rule.refusal };
  return { to: rule.to, ...(rule.resolves && { resolves: rule.resolves }) };
}

/** The kind an undo records: the natural inverse where the log has one, else the same kind. */
export function inverseKind(kind: ModerationActionKind): ModerationActionKind {
  const inverses: Partial<Record<ModerationActionKind, ModerationActionKind>> = {
    hide: "unhide",
    unhide: "hide",
    remove: "restore",
    restore: "remove",
    lock: "unlock",
    unlock: "lock",
    mute: "unmute",
    unmute: "mute",
    keep_flagged: "reopen_flag",
    reopen_flag: "keep_flagged",
  };
  return inverses[kind] ?? kind;
}
