import type { ImportedModeration } from "@hashiya/annotation-schema/w3c";
import { replayModeration } from "./moderation";
import type { WriteContext } from "./write-context";

// The file's moderation decisions, replayed on the items this import added (`moderation.ts`):
// an audit-log entry each, by the importer, at the decision's own time; then each item's final
// state (and a thread's lock) stored.

export async function writeModeration(
  ctx: WriteContext,
  decisions: readonly ImportedModeration[],
  importerId: string,
): Promise<void> {
  const { tx, text, now } = ctx;
  const { actions, skipped } = replayModeration(decisions, ctx.subjects, now);
  ctx.counts.moderation = { applied: actions.length, skipped };
  if (actions.length === 0) return;
  await tx.moderationAction.createMany({
    data: actions.map((action) => ({
      courseId: text.courseId,
      textId: text.id,
      actorId: importerId,
      kind: action.kind,
      ...(action.subject.type === "annotation"
        ? { annotationId: action.subject.id }
        : { replyId: action.subject.id }),
      reason: action.reason,
      before: action.before,
      after: action.after,
      createdAt: action.createdAt,
    })),
  });
  for (const subject of new Set(actions.map((action) => action.subject))) {
    const data = { moderationState: subject.state, moderationReason: subject.reason };
    if (subject.type === "annotation")
      await tx.annotation.update({
        where: { id: subject.id },
        data: { ...data, lockedAt: subject.locked ? now : null },
      });
    else await tx.reply.update({ where: { id: subject.id }, data });
  }
}
