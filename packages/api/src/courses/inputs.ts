// The inputs of the course, member, invite and text procedures. A refusal that has a sentence
// of its own uses its error id as the message (see `appCodeOf`).
import { z } from "zod";

const id = z.string().min(1).max(64);

// Invisible marks keyboards insert on their own are removed; embeddings, overrides, isolates and
// controls (the "Trojan Source" trick: a title displaying other text than it holds) are refused.
const INVISIBLE_MARKS = /[\u00AD\u061C\u200B\u200E\u200F\u2060\uFEFF]/gu;
const FORBIDDEN_IN_LABEL = /[\u202A-\u202E\u2066-\u2069]|\p{Cc}|\p{Cs}/u;

/** A one-line label (course or text title): NFC, whitespace collapsed, 1 to `max` characters. */
export function labelSchema(max: number, appCode: string) {
  return (
    z
      .string()
      // Bounded before normalising, so a megabyte "title" is refused without that work.
      .max(max * 4, { message: appCode })
      .transform((raw) =>
        raw.normalize("NFC").replace(INVISIBLE_MARKS, "").replace(/\s+/gu, " ").trim(),
      )
      .refine(
        (label) => {
          const length = [...label].length;
          return length >= 1 && length <= max && !FORBIDDEN_IN_LABEL.test(label);
        },
        { message: appCode },
      )
  );
}

export const COURSE_TITLE_MAX = 120;
export const TEXT_TITLE_MAX = 200;
export const INSTRUCTIONS_MAX = 4_000;
export const REVEAL_AFTER_POSTS_MAX = 20;

export const courseTitleSchema = labelSchema(COURSE_TITLE_MAX, "course.title_invalid");
export const textTitleSchema = labelSchema(TEXT_TITLE_MAX, "text.title_invalid");

/** Plain-text instructions: NFC, line breaks kept (normalised to \n), no other controls. */
export const instructionsSchema = z
  .string()
  .max(INSTRUCTIONS_MAX * 2, { message: "text.instructions_too_long" })
  .transform((raw) => raw.normalize("NFC").replace(/\r\n?/g, "\n").trim())
  .refine((value) => [...value].length <= INSTRUCTIONS_MAX, {
    message: "text.instructions_too_long",
  })
  .refine((value) => !/[\u202A-\u202E\u2066-\u2069]|[^\P{Cc}\n\t]/u.test(value), {
    message: "comment.forbidden_character",
  });

export const courseIdInput = z.object({ courseId: id });

export const createCourseInput = z.object({ title: courseTitleSchema });
export const renameCourseInput = z.object({ courseId: id, title: courseTitleSchema });
export const copyCourseInput = z.object({ courseId: id, title: courseTitleSchema });

export const courseSettingsInput = z.object({
  courseId: id,
  preModeration: z.boolean().optional(),
  revealAfterPosts: z.number().int().min(0).max(REVEAL_AFTER_POSTS_MAX).optional(),
  namesHidden: z.boolean().optional(),
  deletedAuthorPolicy: z.enum(["anonymise", "remove"]).optional(),
});

export const roleSchema = z.enum(["student", "moderator", "instructor"]);

export const setRoleInput = z.object({ courseId: id, userId: id, role: roleSchema });
export const removeMemberInput = z.object({ courseId: id, userId: id });

/** An invite's expiry: from an hour to a year ahead, or none. */
export const createInviteInput = z.object({
  courseId: id,
  role: roleSchema.default("student"),
  expiresAt: z.date().nullable().default(null),
});
export const inviteIdInput = z.object({ courseId: id, inviteId: id });
export const inviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, {
  message: "invite.invalid",
});
export const joinInput = z.union([
  z.object({ token: inviteTokenSchema }),
  z.object({ code: z.string().max(40, { message: "invite.code_format" }) }),
]);

export const TEXT_FORMATS = ["plain", "markdown"] as const;
export const textLanguageSchema = z.enum(["auto", "ar", "en"]);

export const createTextInput = z.object({
  courseId: id,
  title: textTitleSchema,
  /** The text itself, pasted or read from a .txt/.md file (the importer enforces the limits). */
  source: z.string().max(2 * 1024 * 1024, { message: "text.too_large" }),
  format: z.enum(TEXT_FORMATS),
  /** "auto": detected from the letters the text uses. */
  language: textLanguageSchema.default("auto"),
  isPublic: z.boolean().default(false),
  dueAt: z.date().nullable().default(null),
  instructions: instructionsSchema.default(""),
});

export const textIdInput = z.object({ textId: id });

export const updateTextInput = z.object({
  textId: id,
  title: textTitleSchema.optional(),
  dueAt: z.date().nullable().optional(),
  instructions: instructionsSchema.optional(),
  isPublic: z.boolean().optional(),
  language: z.enum(["ar", "en"]).optional(),
});
