import type { Tx } from "../commands/transaction";
import { canFlag, disclosureOf } from "../policies";
import { appError } from "../trpc";
import { recordAction } from "./effects";
import type { FlagsSnapshot } from "./snapshots";
import { type ItemScope, openFlagsOf } from "./scope";

/**
 * A member reports an annotation or reply they see, with a reason: one open flag per person
 * per item (a second is refused until a moderator has resolved the first). Flags are between
 * the flagger and the staff: no event, nothing shown to the author.
 */
export async function flagItem(
  tx: Tx,
  scope: ItemScope,
  actor: { userId: string; isAdmin: boolean },
  reason: string,
): Promise<{ flagId: string }> {
  const { item, text, standing } = scope;
  const flaggerId = actor.userId;
  if (!canFlag(actor, standing)) throw appError("FORBIDDEN", "course.members_only");
  // What the flagger gets no words of (a placeholder, a tombstone) is not theirs to report.
  const disclosure = disclosureOf(actor, standing, item);
  if (item.deletedAt || disclosure === "placeholder" || disclosure === "tombstone") {
    throw appError("CONFLICT", "flag.not_available");
  }
  const open = await tx.flag.findFirst({
    where: {
      annotationId: item.annotationId,
      replyId: item.replyId,
      flaggerId,
      resolvedAt: null,
    },
    select: { id: true },
  });
  if (open) throw appError("CONFLICT", "flag.already_open");
  const flag = await tx.flag.create({
    data: {
      courseId: text.courseId,
      annotationId: item.annotationId,
      replyId: item.replyId,
      flaggerId,
      reason,
    },
    select: { id: true },
  });
  return { flagId: flag.id };
}

/** "Reviewed, keep": closes the item's open flags, leaving the item as it is. */
export async function keepFlagged(
  tx: Tx,
  scope: ItemScope,
  actorId: string,
  reason: string,
): Promise<{ actionId: string }> {
  const { item, text } = scope;
  const openFlagIds = (await openFlagsOf(tx, item)).map((flag) => flag.id);
  if (openFlagIds.length === 0) throw appError("CONFLICT", "moderation.no_open_flags");
  await tx.flag.updateMany({
    where: { id: { in: openFlagIds } },
    data: { resolvedAt: new Date(), resolvedById: actorId, resolution: "kept" },
  });
  const before: FlagsSnapshot = { openFlagIds };
  const after: FlagsSnapshot = { openFlagIds: [] };
  const actionId = await recordAction(tx, {
    courseId: text.courseId,
    textId: text.id,
    actorId,
    kind: "keep_flagged",
    annotationId: item.annotationId,
    replyId: item.replyId,
    targetUserId: item.authorId,
    reason,
    before,
    after,
  });
  return { actionId };
}
