import { bodyToPlainText, type CommentBody } from "@hashiya/annotation-schema";
import type { ModerationState, Prisma, TextEvent, Visibility } from "@hashiya/db";
import {
  EVENT_COLUMNS,
  type EventDraft,
  eventValues,
  noteAppended,
  previousEventOf,
  wakeUpOf,
} from "../live/log";
import { eventAudience } from "../policies";
import type { threadColumns } from "../presenters";
import { newId } from "../row-id";
import type { Tx } from "./transaction";

// A new thread's row, its tags and its "thread.created" event (with the wake-up) in ONE raw
// statement, returning the columns a thread's view needs (`threadColumns`) and its tags in the
// order the database sorts them. Creating a comment is the hottest write there is (P1: comment
// → readers): Prisma's nested create cost ~1.5 ms of CPU more than this statement, and the
// tags and the event each took a round trip of their own. Times are UTC, as Prisma stores them.

export type ThreadColumnsRow = Prisma.AnnotationGetPayload<{ select: typeof threadColumns }>;

export interface NewThreadRow {
  textId: string;
  authorId: string;
  textVersion: number;
  selectors: readonly object[];
  quote: string;
  start: number;
  end: number;
  body: CommentBody;
  isQuestion: boolean;
  visibility: Visibility;
  moderationState: ModerationState;
  /** Distinct, already normalised. */
  tags: string[];
}

/** Inserts the thread and appends its event; `eventId` is the event's (as `appendEvents`). */
export async function insertThread(
  tx: Tx,
  thread: NewThreadRow,
): Promise<{ row: ThreadColumnsRow & { tags: { name: string }[] }; eventId: string }> {
  const id = newId();
  const { textId, authorId } = thread;
  const draft: EventDraft = { type: "thread.created", annotationId: id, ...eventAudience(thread) };
  const [row] = await tx.$queryRaw<
    (ThreadColumnsRow & {
      tagNames: string[];
      eventId: bigint;
      eventAt: Date;
      previous: bigint | null;
    })[]
  >`
    WITH inserted AS (
      INSERT INTO annotations (id, text_id, author_id, text_version, selectors, quote, start,
        "end", body, body_text, is_question, visibility, moderation_state, created_at, updated_at)
      VALUES (${id}, ${textId}, ${authorId}, ${thread.textVersion},
        ${JSON.stringify(thread.selectors)}::jsonb, ${thread.quote}, ${thread.start},
        ${thread.end}, ${JSON.stringify(thread.body)}::jsonb, ${bodyToPlainText(thread.body)},
        ${thread.isQuestion}, ${thread.visibility}::"Visibility",
        ${thread.moderationState}::"ModerationState", now() AT TIME ZONE 'UTC',
        now() AT TIME ZONE 'UTC')
      RETURNING id, text_id AS "textId", author_id AS "authorId", quote, start, "end",
        anchor_state::text AS "anchorState", anchor_score AS "anchorScore", body,
        body_text AS "bodyText", is_question AS "isQuestion", visibility::text AS visibility,
        moderation_state::text AS "moderationState", moderation_reason AS "moderationReason",
        locked_at AS "lockedAt", imported_author_name AS "importedAuthorName",
        created_at AS "createdAt", edited_at AS "editedAt", deleted_at AS "deletedAt"
    ), tagged AS (
      INSERT INTO annotation_tags (annotation_id, name)
      SELECT inserted.id, tag FROM inserted, jsonb_array_elements_text(${JSON.stringify(thread.tags)}::jsonb) AS tag
      RETURNING name
    ), appended AS (
      INSERT INTO text_events ${EVENT_COLUMNS} VALUES ${eventValues(textId, authorId, draft)}
      RETURNING id, created_at
    ), woken AS (${wakeUpOf(textId)})
    SELECT inserted.*, ARRAY(SELECT name FROM tagged ORDER BY name) AS "tagNames",
      appended.id AS "eventId", appended.created_at AS "eventAt",
      ${previousEventOf(textId)} AS previous
    FROM inserted, appended, woken`;
  if (!row) throw new Error("the thread was not inserted");
  const { tagNames, eventId, eventAt, previous, ...columns } = row;
  const event: TextEvent = {
    id: eventId,
    textId,
    actorId: authorId,
    replyId: null,
    createdAt: eventAt,
    ...draft,
  };
  return {
    row: { ...columns, tags: tagNames.map((name) => ({ name })) },
    eventId: noteAppended(tx, { textId, previous: previous ?? 0n, rows: [event] }),
  };
}
