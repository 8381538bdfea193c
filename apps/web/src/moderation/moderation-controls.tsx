"use client";

import type { ModerationMark as Mark, ModerationTarget } from "@hashiya/annotation-schema";
import type { PersonView } from "~/annotations/types";
import { useModeration } from "./context";
import { FlagButton } from "./flag-button";
import { ModerationActions } from "./moderation-actions";
import styles from "./moderation.module.css";

/**
 * Under a post: "Report" for members who see it (not their own, not a placeholder), and the
 * staff's moderation actions. Nothing without the page's moderation context.
 */
export function ModerationControls({
  target,
  annotationId,
  author,
  mark,
  deleted,
  thread,
}: {
  target: ModerationTarget;
  annotationId: string;
  author: PersonView;
  mark: Mark | undefined;
  deleted: boolean;
  thread: { locked: boolean } | null;
}) {
  const context = useModeration();
  if (!context) return null;
  const own = context.viewerId !== null && author.id === context.viewerId;
  const reportable = context.canFlag && !own && !deleted && !mark?.withheld;
  if (!reportable && !context.canModerate) return null;
  return (
    <div className={styles.row}>
      {reportable ? <FlagButton target={target} /> : null}
      <ModerationActions
        target={target}
        annotationId={annotationId}
        mark={mark}
        author={author}
        thread={thread}
      />
    </div>
  );
}
