import { type CourseStanding, can } from "@hashiya/api/policies";
import { ExportDialog } from "./export-dialog";

interface Props {
  kind: "text" | "course";
  id: string;
  /** The viewer's role in the course (null or "none" for non-members). */
  standing: CourseStanding | null;
  user: { id: string; isAdmin?: boolean } | null | undefined;
}

/** The export dialog, for whom the policies let export the discussion (the staff). */
export function ExportButton({ kind, id, standing, user }: Props) {
  const actor = user ? { userId: user.id, isAdmin: user.isAdmin === true } : null;
  if (!can(actor, standing ?? "none", "moderate")) return null;
  return <ExportDialog kind={kind} id={id} />;
}
