import { z } from "zod";
import { entityIdSchema } from "./ids";

/**
 * The presence colours, one per reader. Each has at least 4.5:1 contrast on white, so a 2px caret
 * stays visible (WCAG asks 3:1 for graphics) and white label text is readable on it; at
 * `PRESENCE_SELECTION_ALPHA` over white, dark body text keeps about 9:1 on the tinted selection.
 * Hues are spread so that neighbours differ by ΔE ≥ 17 (CIE76); none is the annotation yellow.
 */
export const PRESENCE_COLOURS = [
  "#c62828", // red
  "#c2410c", // orange
  "#a16207", // amber
  "#4d7c0f", // lime
  "#15803d", // green
  "#0f766e", // teal
  "#0e7490", // cyan
  "#2563eb", // blue
  "#4338ca", // indigo
  "#7c3aed", // violet
  "#a21caf", // magenta
  "#be185d", // pink
] as const;
/** One of `PRESENCE_COLOURS`. */
export type PresenceColour = (typeof PRESENCE_COLOURS)[number];

/** Opacity of a remote selection's tint (0x40 ≈ 25%). */
export const PRESENCE_SELECTION_ALPHA = 0x40 / 0xff;

/**
 * A user's presence colour, from their id alone (FNV-1a over the id's UTF-16 units), so the
 * server, every client and every session agree without storing it.
 */
export function presenceColour(userId: string): PresenceColour {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PRESENCE_COLOURS[(hash >>> 0) % PRESENCE_COLOURS.length]!;
}

/** The translucent tint (#rrggbbaa) for a remote selection in `colour`. */
export function presenceSelectionColour(colour: PresenceColour): string {
  return `${colour}40`;
}

/**
 * The `user` field of an awareness state, set by the server from the connection's identity.
 * `color` (American spelling) may repeat `colour`: Tiptap's CollaborationCaret draws carets
 * from `user.color`, so the notes editor can set both and keep the stock caret rendering.
 */
export const presenceUserSchema = z
  .object({
    id: entityIdSchema,
    name: z.string().min(1).max(100),
    colour: z.enum(PRESENCE_COLOURS),
    color: z.enum(PRESENCE_COLOURS).optional(),
  })
  .refine((u) => u.color === undefined || u.color === u.colour, {
    message: "presence.colour_mismatch",
    path: ["color"],
  });
/** Who a presence state belongs to. */
export type PresenceUser = z.infer<typeof presenceUserSchema>;

/** A live selection: code points of the canonical text; start = end is a caret. */
export const presenceSelectionSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.start <= s.end, { message: "range.inverted", path: ["end"] });

/** Awareness state of a `text:<id>` document: who is reading and what they have selected. */
export const presenceStateSchema = z.object({
  user: presenceUserSchema,
  selection: presenceSelectionSchema.nullable(),
});
/** A reader of a text and their live selection. */
export type PresenceState = z.infer<typeof presenceStateSchema>;

/**
 * Awareness state of a `notes:<id>` document. Only `user` is ours; the caret is y-prosemirror's
 * own `cursor` field, which this schema lets through (unknown keys are stripped, not refused).
 */
export const notesPresenceStateSchema = z.object({ user: presenceUserSchema });
/** A writer of shared notes (their caret is y-prosemirror's). */
export type NotesPresenceState = z.infer<typeof notesPresenceStateSchema>;
