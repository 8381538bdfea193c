import type { Db } from "@hashiya/db";
import type { AppErrorCode } from "../errors";
import { type Actor, canImportAnnotations, canReadText, courseStanding } from "../policies";

// Who may import into a text, decided before the file is read: signed out → 401; a text the
// actor may not read → 404 (as if missing: no probing for ids); a reader who is not one of the
// course's instructors (or an admin) → 403 with a sentence.

export type ImportTarget =
  | { ok: true; textId: string; importer: { id: string } }
  | { ok: false; status: 401 | 403 | 404; code: AppErrorCode };

export async function importTarget(db: Db, actor: Actor, textId: string): Promise<ImportTarget> {
  if (!actor) return { ok: false, status: 401, code: "auth.sign_in_required" };
  const text = await db.text.findUnique({
    where: { id: textId },
    select: { id: true, courseId: true, isPublic: true },
  });
  if (!text) return { ok: false, status: 404, code: "not_found" };
  const standing = await courseStanding(db, actor, text.courseId);
  if (!canReadText(actor, standing, text)) return { ok: false, status: 404, code: "not_found" };
  if (!canImportAnnotations(actor, standing))
    return { ok: false, status: 403, code: "import.forbidden" };
  return { ok: true, textId: text.id, importer: { id: actor.userId } };
}
