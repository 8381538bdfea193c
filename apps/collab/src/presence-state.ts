import { z } from "zod";
import type { CollabDocument } from "./documents";
import { presenceColour } from "@hashiya/annotation-schema";

/** Who a connection is, as every other reader sees them: from the server, never from the client. */
export interface PresenceUser {
  id: string;
  name: string;
  colour: string;
}

export function presenceUser(user: { id: string; name: string }): PresenceUser {
  return { id: user.id, name: user.name, colour: presenceColour(user.id) };
}

// The contract's shapes (contracts-issue4.md, "presence"): strict, so nothing rides along.
// `color` may repeat `colour` (Tiptap's caret extension reads that spelling), nothing else.
const userSchema = z
  .strictObject({ id: z.string(), name: z.string(), colour: z.string(), color: z.string().optional() })
  .refine((claimed) => claimed.color === undefined || claimed.color === claimed.colour);

const spanSchema = z
  .strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((span) => span.start <= span.end);

/** y-prosemirror's caret: two Yjs relative positions (JSON), or null when unfocused. */
const relativePositionSchema = z.record(z.string(), z.unknown());
const cursorSchema = z
  .strictObject({ anchor: relativePositionSchema, head: relativePositionSchema })
  .nullable();

const stateSchemas = {
  text: z.strictObject({ user: userSchema, selection: spanSchema.nullable().optional() }),
  notes: z.strictObject({ user: userSchema, cursor: cursorSchema.optional() }),
} satisfies Record<CollabDocument["type"], z.ZodType>;

/** Bytes of JSON one awareness state may take (a caret is ~150, a selection ~40). */
export const MAX_STATE_JSON_BYTES = 2048;

/**
 * Whether an awareness state may be shown as this user's on this kind of document: the contract's
 * shape, small, and `user` exactly the connection's identity.
 */
export function isOwnPresenceState(
  document: CollabDocument,
  state: unknown,
  json: string,
  user: PresenceUser,
): boolean {
  if (Buffer.byteLength(json) > MAX_STATE_JSON_BYTES) return false;
  const parsed = stateSchemas[document.type].safeParse(state);
  if (!parsed.success) return false;
  const claimed = parsed.data.user;
  return claimed.id === user.id && claimed.name === user.name && claimed.colour === user.colour;
}
