import { z } from "zod";
import { commentBodyInputSchema } from "./body-schema";
import { codePointCount } from "./body-text";
import { entityIdSchema } from "./ids";
import { reactionKindSchema, reactionTargetSchema } from "./reactions";
import { tagListSchema } from "./tags";
import { visibilitySchema } from "./visibility";

// The inputs of the annotation, reply, reaction and live procedures. Ids are bounded strings;
// positions are code points of the canonical text (DESIGN.md, "Conventions").

const offsetSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Longest search query, in code points. */
export const SEARCH_QUERY_MAX_CHARS = 200;

/**
 * A new thread on the passage [start, end) of a text version. The server checks `textVersion`
 * against the current text and builds the selectors and quote itself.
 */
export const createAnnotationInputSchema = z
  .object({
    textId: entityIdSchema,
    textVersion: z.number().int().nonnegative(),
    start: offsetSchema,
    end: offsetSchema,
    body: commentBodyInputSchema,
    visibility: visibilitySchema.default("course"),
    isQuestion: z.boolean().default(false),
    tags: tagListSchema.default([]),
  })
  // Same codes as @hashiya/text-model's range errors.
  .refine((i) => i.start !== i.end, { message: "range.empty", path: ["end"] })
  .refine((i) => i.start <= i.end, { message: "range.inverted", path: ["end"] });
/** What a client sends to createAnnotation; parse with the schema for the server's view. */
export type CreateAnnotationInput = z.input<typeof createAnnotationInputSchema>;

/** An edit of one's own annotation; absent fields stay as they are, `tags` replaces the set. */
export const editAnnotationInputSchema = z.object({
  annotationId: entityIdSchema,
  body: commentBodyInputSchema.optional(),
  visibility: visibilitySchema.optional(),
  isQuestion: z.boolean().optional(),
  tags: tagListSchema.optional(),
  /** Refuse the edit if the annotation changed since then (its `updatedAt`; the protocol's If-Match). */
  unchangedSince: z.date().optional(),
});
/** What a client sends to editAnnotation; parse with the schema for the server's view. */
export type EditAnnotationInput = z.input<typeof editAnnotationInputSchema>;

/** Deleting an annotation (own, or as a moderator). */
export const deleteAnnotationInputSchema = z.object({
  annotationId: entityIdSchema,
  /** As for an edit: refuse if the annotation changed since then. */
  unchangedSince: z.date().optional(),
});

/** A reply in a thread. */
export const createReplyInputSchema = z.object({
  annotationId: entityIdSchema,
  body: commentBodyInputSchema,
});
/** What a client sends to createReply; parse with the schema for the server's view. */
export type CreateReplyInput = z.input<typeof createReplyInputSchema>;

/** An edit of one's own reply. */
export const editReplyInputSchema = z.object({
  replyId: entityIdSchema,
  body: commentBodyInputSchema,
});
/** What a client sends to editReply; parse with the schema for the server's view. */
export type EditReplyInput = z.input<typeof editReplyInputSchema>;

/** Deleting a reply (own, or as a moderator). */
export const deleteReplyInputSchema = z.object({ replyId: entityIdSchema });

/** Turns one reaction of the caller on or off (idempotent either way). */
export const setReactionInputSchema = z.object({
  target: reactionTargetSchema,
  kind: reactionKindSchema,
  on: z.boolean(),
});
/** What a client sends to setReaction; parse with the schema for the server's view. */
export type SetReactionInput = z.input<typeof setReactionInputSchema>;

/** The threads of a text, as the caller may see them. */
export const listThreadsInputSchema = z.object({ textId: entityIdSchema });

/** Arabic-aware search over a text and its threads; the query is trimmed, 1–200 code points. */
export const searchInputSchema = z.object({
  textId: entityIdSchema,
  query: z
    .string()
    .trim()
    .refine((q) => q.length > 0 && codePointCount(q) <= SEARCH_QUERY_MAX_CHARS, {
      message: "search.query_length",
    }),
});
/** What a client sends to search; parse with the schema for the server's view. */
export type SearchInput = z.input<typeof searchInputSchema>;

const MAX_BIGINT = 9_223_372_036_854_775_807n;

/**
 * A text's live events from after `lastEventId` (the decimal id of a TextEvent, a PostgreSQL
 * bigint). tRPC's SSE link fills `lastEventId` in on reconnect from the last tracked event, and
 * may send null, hence nullish.
 */
export const liveInputSchema = z.object({
  textId: entityIdSchema,
  lastEventId: z
    .string()
    // One refinement, so BigInt() only ever sees digits.
    .refine((id) => /^\d{1,19}$/.test(id) && BigInt(id) <= MAX_BIGINT, {
      message: "live.bad_event_id",
    })
    .nullish(),
});
/** What a client sends to live; parse with the schema for the server's view. */
export type LiveInput = z.input<typeof liveInputSchema>;
