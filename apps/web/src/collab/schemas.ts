import {
  notesPresenceStateSchema as contractNotesPresenceStateSchema,
  type PresenceState,
  type PresenceUser,
  presenceStateSchema,
  presenceUserSchema,
} from "@hashiya/annotation-schema";
import { z } from "zod";

// Everything read from awareness comes from other browsers: it is parsed with the contract's
// schemas (which also pin the colour to the presence palette, so it is safe to put in a
// generated CSS rule), never trusted.

export { presenceStateSchema, type PresenceState };

/** Who a collaborator is, exactly as the server issued it (with the collab token). */
export const collabUserSchema = presenceUserSchema;
export type CollabUser = PresenceUser;

/** A half-open span of code points in the canonical text. */
export type Span = { start: number; end: number };

/** A `notes:<id>` awareness state with y-prosemirror's caret (two relative positions, JSON). */
export const notesPresenceStateSchema = contractNotesPresenceStateSchema.extend({
  cursor: z.object({ anchor: z.unknown(), head: z.unknown() }).nullish(),
});

/**
 * What `collab.token` returns. Should `user` ever be missing (an older server), we still
 * connect but publish no presence: an identity is never made up on the client.
 */
export const collabTokenSchema = z.object({
  token: z.string().min(1),
  url: z.string().min(1),
  expiresAt: z.coerce.date(),
  user: collabUserSchema.optional(),
});
export type CollabToken = z.infer<typeof collabTokenSchema>;

/**
 * What the collab server sends when what the user may do with an open document changed (its
 * `close-codes.ts`: ACCESS_MESSAGE_TYPE): the connection is already read-only or read-write.
 */
export const accessMessageSchema = z.object({
  type: z.literal("access"),
  access: z.enum(["read-write", "read-only"]),
});

/** The reason of the collab server's close message for a document the user lost access to. */
export const ACCESS_REVOKED_REASON = "access revoked";
