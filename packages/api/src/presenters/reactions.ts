import { type ReactionSummary, reactionKindSchema } from "@hashiya/annotation-schema";
import type { ReactionKind } from "@hashiya/db";

export const reactionSelect = { kind: true, userId: true } as const;

/**
 * One summary per kind that has reactions, in the schema's order of kinds (so the UI's
 * buttons do not jump around), with whether the viewer is among them.
 */
export function presentReactions(
  rows: { kind: ReactionKind; userId: string }[],
  viewerId: string | null,
): ReactionSummary[] {
  return reactionKindSchema.options.flatMap((kind) => {
    const mine = rows.filter((row) => row.kind === kind);
    if (mine.length === 0) return [];
    return [{ kind, count: mine.length, mine: mine.some((row) => row.userId === viewerId) }];
  });
}
