import { type CourseStanding, canImportAnnotations } from "@hashiya/api/policies";
import { ImportDialog } from "./import-dialog";

interface Props {
  textId: string;
  text: { language: string; direction: "rtl" | "ltr" };
  /** The viewer's role in the course ("none" for non-members). */
  standing: CourseStanding | null;
  user: { id: string; isAdmin?: boolean } | null | undefined;
}

/** The import dialog, for whom the policies let import into the text (instructors, admins). */
export function ImportButton({ textId, text, standing, user }: Props) {
  const actor = user ? { userId: user.id, isAdmin: user.isAdmin === true } : null;
  if (!canImportAnnotations(actor, standing ?? "none")) return null;
  return <ImportDialog textId={textId} text={text} />;
}
