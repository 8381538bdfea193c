import { z } from "zod";
import { anchorStateSchema } from "./anchor-state";
import { commentBodySchema } from "./body-schema";
import { moderationStateSchema } from "./moderation";
import { reactionKindSchema } from "./reactions";
import { visibilitySchema } from "./visibility";

// Our own export format (`{ "format": "hashiya-export", "version": 1, … }`): every annotation
// and reply the exporter may see, flat, each with its thread's id and passage. A later version
// bumps `version`; readers check it before anything else.

export const HASHIYA_EXPORT_FORMAT = "hashiya-export";
export const HASHIYA_EXPORT_VERSION = 1;

const isoDate = z.iso.datetime();

export const exportPersonSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** The author's course role; "" when withheld or no longer a member. */
  role: z.string(),
  /** Set when the name stands in for the person (classmate alias, withheld, deleted account). */
  alias: z.enum(["classmate", "withheld", "deleted"]).optional(),
  /**
   * Imported from another tool: the name of who wrote it there (not a member here); `id` and
   * `name` are then the importing instructor's, who stands in for them.
   */
  importedAuthorName: z.string().optional(),
});

export const exportItemSchema = z.strictObject({
  kind: z.enum(["annotation", "reply"]),
  id: z.string(),
  threadId: z.string(),
  textId: z.string(),
  author: exportPersonSchema,
  created: isoDate,
  modified: isoDate.nullable(),
  visibility: visibilitySchema,
  moderation: z
    .strictObject({ state: moderationStateSchema, reason: z.string().nullable() })
    .optional(),
  isQuestion: z.boolean(),
  tags: z.array(z.string()),
  reactions: z.array(z.strictObject({ kind: reactionKindSchema, count: z.number().int() })),
  quote: z.strictObject({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  /** Code points of the text's canonical string. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  anchorState: anchorStateSchema,
  /** Null for a placeholder (an item withheld from the exporter). */
  body: commentBodySchema.nullable(),
  bodyText: z.string(),
});
export type ExportItemJson = z.infer<typeof exportItemSchema>;

export const hashiyaExportSchema = z.strictObject({
  format: z.literal(HASHIYA_EXPORT_FORMAT),
  version: z.literal(HASHIYA_EXPORT_VERSION),
  exportedAt: isoDate,
  scope: z.strictObject({
    kind: z.enum(["text", "course"]),
    id: z.string(),
    title: z.string(),
    /** Staff exports hold the discussion; others their own work only. */
    ownWorkOnly: z.boolean(),
  }),
  texts: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      language: z.string(),
      direction: z.enum(["rtl", "ltr"]),
    }),
  ),
  items: z.array(exportItemSchema),
});
export type HashiyaExport = z.infer<typeof hashiyaExportSchema>;
