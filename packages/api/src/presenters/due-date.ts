/**
 * Whether a post or an edit came after its text's due date: derived from the timestamps (no
 * column), so moving the due date re-marks everything at once.
 */
export function afterDue(at: Date | null, dueAt: Date | null): boolean {
  return at !== null && dueAt !== null && at.getTime() > dueAt.getTime();
}

/** The two marks a thread or a reply carries; `editedAt` stays null for the viewer who may not see it. */
export function dueMarks(
  item: { createdAt: Date; editedAt: Date | null },
  dueAt: Date | null,
): { postedAfterDue: boolean; editedAfterDue: boolean } {
  return {
    postedAfterDue: afterDue(item.createdAt, dueAt),
    editedAfterDue: afterDue(item.editedAt, dueAt),
  };
}
