import { z } from "zod";
import { entityIdSchema } from "./ids";

/** The reactions a reader may leave on an annotation or a reply (the DB enum `ReactionKind`). */
export const reactionKindSchema = z.enum([
  "upvote",
  "confused",
  "heart",
  "laugh",
  "insightful",
  "thanks",
]);
/** One of the reaction kinds. */
export type ReactionKind = z.infer<typeof reactionKindSchema>;

/** What a reaction is on: a thread's opening annotation or one of its replies. */
export const reactionTargetSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("annotation"), id: entityIdSchema }),
  z.object({ type: z.literal("reply"), id: entityIdSchema }),
]);
/** An annotation or a reply, by id. */
export type ReactionTarget = z.infer<typeof reactionTargetSchema>;
