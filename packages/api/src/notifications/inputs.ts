import { z } from "zod";

const MAX_BIGINT = 2n ** 63n - 1n;

/** A notification id as clients hold it: the decimal string of a bigint. */
export const notificationIdSchema = z
  .string()
  .refine((id) => /^\d{1,19}$/.test(id) && BigInt(id) <= MAX_BIGINT, {
    message: "invalid_input",
  });

export const notificationKindSchema = z.enum(["mention", "reply", "moderation"]);

export const listNotificationsInputSchema = z.object({
  /** The last id of the previous page (its `nextCursor`): the page holds older ones. */
  cursor: notificationIdSchema.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
  unreadOnly: z.boolean().default(false),
});

export const markReadInputSchema = z.object({
  ids: z.array(notificationIdSchema).min(1).max(100),
});

export const markAllReadInputSchema = z.object({
  /** Marks those up to this id (what the reader has seen), so one arriving meanwhile stays unread. */
  upTo: notificationIdSchema.nullish(),
});

export const setPreferenceInputSchema = z.object({
  kind: notificationKindSchema,
  inApp: z.boolean(),
  email: z.boolean(),
});

export const notificationStreamInputSchema = z.object({
  lastEventId: notificationIdSchema.nullish(),
});
