import type { ImportedModeration } from "@hashiya/annotation-schema/w3c";
import type { ModerationActionKind, ModerationState } from "@hashiya/db";
import type { ItemSnapshot, LockSnapshot } from "../moderation/snapshots";
import { type ItemDecision, transition } from "../moderation/transitions";

// The file's moderation decisions (W3C `moderating`), replayed on the items this import adds:
// in time order, through the moderation state machine, so an item ends in the state its
// decisions leave it in and each one is an audit-log entry. Decisions about items already
// imported earlier are not replayed again: they came with that import (no duplicates). One
// that does not apply where the replay stands (a "hide" of a hidden item) is skipped.

/** An item this import adds, as the replay tracks it. */
export interface ModeratedSubject {
  type: "annotation" | "reply";
  id: string;
  state: ModerationState;
  reason: string | null;
  locked: boolean;
}

/** An audit-log entry the replay records. */
export interface ReplayedAction {
  kind: ModerationActionKind;
  subject: ModeratedSubject;
  reason: string;
  createdAt: Date;
  before: ItemSnapshot | LockSnapshot;
  after: ItemSnapshot | LockSnapshot;
}

const byTime = (a: ImportedModeration, b: ImportedModeration) => {
  const ta = a.created?.getTime() ?? Number.POSITIVE_INFINITY;
  const tb = b.created?.getTime() ?? Number.POSITIVE_INFINITY;
  return ta === tb ? a.item - b.item : ta - tb;
};

/**
 * Replays `decisions` on `subjects` (by the file's id), changing them in place; returns the
 * audit entries and how many decisions did not apply. Decisions about items not in `subjects`
 * are ignored (already imported).
 */
export function replayModeration(
  decisions: readonly ImportedModeration[],
  subjects: ReadonlyMap<string, ModeratedSubject>,
  now: Date,
): { actions: ReplayedAction[]; skipped: number } {
  const actions: ReplayedAction[] = [];
  // Where each removed item stood before its removal: a "restore" takes it back there.
  const beforeRemoval = new Map<ModeratedSubject, ModerationState>();
  let skipped = 0;
  for (const decision of [...decisions].sort(byTime)) {
    const subject = subjects.get(decision.subject);
    if (!subject) continue;
    const createdAt = decision.created ?? now;
    const base = { kind: decision.decision, subject, reason: decision.reason, createdAt };
    if (decision.decision === "lock" || decision.decision === "unlock") {
      const locked = decision.decision === "lock";
      if (subject.type !== "annotation" || subject.locked === locked) {
        skipped++;
        continue;
      }
      actions.push({ ...base, before: { locked: subject.locked }, after: { locked } });
      subject.locked = locked;
      continue;
    }
    const before: ItemSnapshot = { state: subject.state, reason: subject.reason, openFlagIds: [] };
    let to: ModerationState;
    if (decision.decision === "restore") {
      const previous = beforeRemoval.get(subject);
      if (subject.state !== "removed" || previous === undefined) {
        skipped++;
        continue;
      }
      to = previous;
    } else {
      const next = transition(decision.decision as ItemDecision, subject.state);
      if ("refusal" in next) {
        skipped++;
        continue;
      }
      to = next.to;
      if (to === "removed") beforeRemoval.set(subject, subject.state);
    }
    const reason = to === "visible" ? null : decision.reason || null;
    actions.push({ ...base, before, after: { state: to, reason, openFlagIds: [] } });
    subject.state = to;
    subject.reason = reason;
  }
  return { actions, skipped };
}
