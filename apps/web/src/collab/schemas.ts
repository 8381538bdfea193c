import { z } from "zod";

// Local mirrors of the contract's presence schemas (contracts-issue4.md, @hashiya/annotation-
// schema: presenceUserSchema, presenceStateSchema). Swap for the package's exports once they
// land; the shapes are the same. Everything read from awareness comes from other browsers, so
// it is parsed, never trusted.

/**
 * A CSS colour in a plain form (hex or a colour function of numbers): it is interpolated into
 * a generated ::highlight() rule, so nothing that could close the rule gets through.
 */
const colourSchema = z
  .string()
  .max(64)
  .regex(/^(#[0-9a-f]{3,8}|(rgba?|hsla?|oklch|oklab|lab|lch)\([0-9a-z.,%\s/+-]*\))$/i);

/** Who a collaborator is, exactly as the server issued it (with the collab token). */
export const collabUserSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(200),
  colour: colourSchema,
});
export type CollabUser = z.infer<typeof collabUserSchema>;

/** A half-open span of code points in the canonical text. */
export const spanSchema = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((span) => span.start <= span.end);
export type Span = z.infer<typeof spanSchema>;

/** The awareness state of a `text:<id>` document. */
export const presenceStateSchema = z.object({
  user: collabUserSchema,
  selection: spanSchema.nullable(),
});
export type PresenceState = z.infer<typeof presenceStateSchema>;

/** The part of a `notes:<id>` awareness state we read (the caret is y-prosemirror's `cursor`). */
export const notesPresenceStateSchema = z.object({
  user: collabUserSchema,
  cursor: z.object({ anchor: z.unknown(), head: z.unknown() }).nullish(),
});

/**
 * What `collab.token` returns. `user` is optional here only until the lead's change to the
 * router lands: without it we still connect, but publish no identity (we never make one up).
 */
export const collabTokenSchema = z.object({
  token: z.string().min(1),
  url: z.string().min(1),
  expiresAt: z.coerce.date(),
  user: collabUserSchema.optional(),
});
export type CollabToken = z.infer<typeof collabTokenSchema>;
