// Texts of a course: added by pasting or uploading (.txt, .md), then their title, due date and
// instructions edited. The body itself is not edited here (that comes with live text editing).
import type { Prisma } from "@hashiya/db";
import {
  detectLanguage,
  importMarkdown,
  importPlainText,
  isTextModelError,
  languageDirection,
  type TextDocument,
} from "@hashiya/text-model";
import { appError } from "../trpc";
import { announceMembershipChange, type LockedCourse, type Tx } from "./scope";

/** The importer's refusals that have a sentence of their own in the API's catalogue. */
const IMPORT_REFUSALS = [
  "text.empty",
  "text.too_large",
  "text.too_many_words",
  "text.invalid_unicode",
  "text.binary",
] as const;

/** The text's blocks and canonical string, through the text model's importers. */
export function importSource(source: string, format: "plain" | "markdown"): TextDocument {
  try {
    return format === "markdown" ? importMarkdown(source) : importPlainText(source);
  } catch (error) {
    if (!isTextModelError(error)) throw error;
    const code = IMPORT_REFUSALS.find((refusal) => refusal === error.code);
    throw appError(
      code === "text.too_large" ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST",
      code ?? "invalid_input",
    );
  }
}

export interface NewText {
  title: string;
  source: string;
  format: "plain" | "markdown";
  language: "auto" | "ar" | "en";
  isPublic: boolean;
  dueAt: Date | null;
  instructions: string;
}

export const textAdminSelect = {
  id: true,
  title: true,
  language: true,
  direction: true,
  isPublic: true,
  dueAt: true,
  instructions: true,
  createdAt: true,
} as const satisfies Prisma.TextSelect;

export async function createText(tx: Tx, course: LockedCourse, input: NewText) {
  const document = importSource(input.source, input.format);
  const { language, direction } =
    input.language === "auto" ? detectLanguage(document.text) : languageDirection(input.language);
  return tx.text.create({
    data: {
      courseId: course.id,
      title: input.title,
      language,
      direction,
      isPublic: input.isPublic,
      body: document.text,
      blocks: document.blocks as unknown as Prisma.InputJsonValue,
      dueAt: input.dueAt,
      instructions: input.instructions,
    },
    select: textAdminSelect,
  });
}

export interface TextChanges {
  title?: string;
  dueAt?: Date | null;
  instructions?: string;
  isPublic?: boolean;
  language?: "ar" | "en";
}

/**
 * Changes a text's details. Making it public or private, or declaring another language,
 * changes who may read it and how it is shown: its open pages are told to read it again.
 */
export async function updateText(
  tx: Tx,
  course: LockedCourse,
  textId: string,
  changes: TextChanges,
) {
  const { language, ...rest } = changes;
  const before = await tx.text.findUniqueOrThrow({
    where: { id: textId },
    select: { isPublic: true, language: true },
  });
  const after = await tx.text.update({
    where: { id: textId },
    data: { ...rest, ...(language && languageDirection(language)) },
    select: textAdminSelect,
  });
  if (before.isPublic !== after.isPublic || before.language !== after.language) {
    await announceMembershipChange(tx, course.id, null);
  }
  return after;
}
