import { moderationStateSchema } from "@hashiya/annotation-schema";
import { z } from "zod";

// What the audit log stores as an action's `before` and `after` (JSON), one shape per kind of
// thing acted on. Parsed on the way back in: an undo trusts nothing it did not check.

/** An annotation's or reply's moderation, and the open flags an action resolved or reopened. */
export const itemSnapshotSchema = z.object({
  state: moderationStateSchema,
  reason: z.string().nullable(),
  /** Open flags on the item (resolved by a hide or a delete, reopened by its undo). */
  openFlagIds: z.array(z.string()).default([]),
});
export type ItemSnapshot = z.infer<typeof itemSnapshotSchema>;

/** A thread's lock. */
export const lockSnapshotSchema = z.object({ locked: z.boolean() });
export type LockSnapshot = z.infer<typeof lockSnapshotSchema>;

/** A member's mute (ISO time, or null when not muted). */
export const muteSnapshotSchema = z.object({
  mutedUntil: z.string().nullable(),
  mutedReason: z.string().nullable(),
});
export type MuteSnapshot = z.infer<typeof muteSnapshotSchema>;

/** The open flags of an item ("reviewed, keep" closes them; its undo reopens them). */
export const flagsSnapshotSchema = z.object({ openFlagIds: z.array(z.string()) });
export type FlagsSnapshot = z.infer<typeof flagsSnapshotSchema>;

/** Whether two lists of ids hold the same ids. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
}
