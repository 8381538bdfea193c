import { z } from "zod";

/**
 * What a notification shows besides its ids, frozen when it is created: the text's title and a
 * short snippet (the passage or the comment), and for moderation the decision and its reason.
 * Names are not stored: they are presented when read (a renamed or deleted account, hidden
 * names), from `actorId`.
 */
export const notificationPayloadSchema = z.object({
  textTitle: z.string().max(300).optional(),
  snippet: z.string().max(400).optional(),
  /** Moderation: what was done (e.g. "hide", "approve"), as the audit log names it. */
  decision: z.string().max(40).optional(),
  reason: z.string().max(1000).optional(),
});

export type NotificationPayload = z.infer<typeof notificationPayloadSchema>;

/** A snippet for a payload: the first characters of a comment or passage, on one line. */
export function snippetOf(text: string, max = 160): string {
  const line = text.replace(/\s+/g, " ").trim();
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join("")}…`;
}
