import { type Db, Prisma } from "@hashiya/db";
import { annotationCounts, replyCounts, wordsOf } from "./counting";

/** One student's row of a text's participation table. */
export interface ParticipationRow {
  userId: string;
  name: string;
  annotations: number;
  /** Annotations marked as questions (part of `annotations`). */
  questions: number;
  replies: number;
  /** Words written in counted annotations and replies. */
  words: number;
  /** Reactions others gave to the student's counted annotations and replies. */
  reactionsReceived: number;
  /** The first counted post's creation; null without any. */
  firstActivityAt: Date | null;
  /** The latest creation or edit of a counted post. */
  lastActivityAt: Date | null;
  /** Counted posts created by the due date, and after it; null when the text has none. */
  onTime: number | null;
  late: number | null;
  /** Counted posts edited after the due date (whenever they were created). */
  editedLate: number | null;
  /** Counted posts a moderator has hidden (they count, marked). */
  hidden: number;
  /** Posts held by pre-moderation (not counted until approved). */
  pending: number;
}

interface RawRow {
  user_id: string;
  name: string;
  annotations: number;
  questions: number;
  replies: number;
  words: number;
  reactions_received: number;
  first_activity_at: Date | null;
  last_activity_at: Date | null;
  on_time: number;
  late: number;
  edited_late: number;
  hidden: number;
  pending: number;
}

/**
 * Every current student of the text's course with what they did on this text, one SQL
 * statement: the posts are aggregated in the database, bodies never leave it.
 */
export async function participation(
  db: Pick<Db, "$queryRaw">,
  text: { id: string; courseId: string; dueAt: Date | null },
): Promise<ParticipationRow[]> {
  // Without a due date every comparison with it is NULL: counted as neither.
  const due = text.dueAt;
  const rows = await db.$queryRaw<RawRow[]>`
    WITH posts AS (
      SELECT 'annotation' AS kind, a.id, a.author_id, a.is_question, a.body_text,
             a.moderation_state::text AS state, a.created_at, a.edited_at
      FROM annotations a
      WHERE a.text_id = ${text.id} AND ${annotationCounts}
      UNION ALL
      SELECT 'reply', r.id, r.author_id, false, r.body_text,
             r.moderation_state::text, r.created_at, r.edited_at
      FROM replies r JOIN annotations a ON a.id = r.annotation_id
      WHERE a.text_id = ${text.id} AND ${replyCounts}
    ),
    received AS (
      SELECT p.author_id, count(*) AS n
      FROM posts p
      JOIN annotation_reactions x ON p.kind = 'annotation' AND x.annotation_id = p.id
      WHERE x.user_id <> p.author_id
      GROUP BY p.author_id
      UNION ALL
      SELECT p.author_id, count(*)
      FROM posts p
      JOIN reply_reactions x ON p.kind = 'reply' AND x.reply_id = p.id
      WHERE x.user_id <> p.author_id
      GROUP BY p.author_id
    ),
    held AS (
      SELECT a.author_id, count(*) AS n FROM annotations a
      WHERE a.text_id = ${text.id} AND a.deleted_at IS NULL AND a.visibility <> 'private'
        AND a.moderation_state = 'pending'
      GROUP BY a.author_id
      UNION ALL
      SELECT r.author_id, count(*) FROM replies r JOIN annotations a ON a.id = r.annotation_id
      WHERE a.text_id = ${text.id} AND r.deleted_at IS NULL AND a.visibility <> 'private'
        AND r.moderation_state = 'pending'
      GROUP BY r.author_id
    ),
    per_author AS (
      SELECT author_id,
             count(*) FILTER (WHERE kind = 'annotation') AS annotations,
             count(*) FILTER (WHERE kind = 'annotation' AND is_question) AS questions,
             count(*) FILTER (WHERE kind = 'reply') AS replies,
             sum(${wordsOf(Prisma.sql`body_text`)}) AS words,
             min(created_at) AS first_activity_at,
             max(greatest(created_at, edited_at)) AS last_activity_at,
             count(*) FILTER (WHERE created_at <= ${due}::timestamp) AS on_time,
             count(*) FILTER (WHERE created_at > ${due}::timestamp) AS late,
             count(*) FILTER (WHERE edited_at > ${due}::timestamp) AS edited_late,
             count(*) FILTER (WHERE state = 'hidden') AS hidden
      FROM posts GROUP BY author_id
    )
    SELECT u.id AS user_id, u.name,
           coalesce(p.annotations, 0)::int AS annotations,
           coalesce(p.questions, 0)::int AS questions,
           coalesce(p.replies, 0)::int AS replies,
           coalesce(p.words, 0)::int AS words,
           coalesce((SELECT sum(n) FROM received WHERE received.author_id = u.id), 0)::int
             AS reactions_received,
           p.first_activity_at, p.last_activity_at,
           coalesce(p.on_time, 0)::int AS on_time,
           coalesce(p.late, 0)::int AS late,
           coalesce(p.edited_late, 0)::int AS edited_late,
           coalesce(p.hidden, 0)::int AS hidden,
           coalesce((SELECT sum(n) FROM held WHERE held.author_id = u.id), 0)::int AS pending
    FROM memberships m
    JOIN users u ON u.id = m.user_id
    LEFT JOIN per_author p ON p.author_id = m.user_id
    WHERE m.course_id = ${text.courseId} AND m.role = 'student'
    ORDER BY u.name, u.id`;
  const hasDue = due !== null;
  return rows.map((row) => ({
    userId: row.user_id,
    name: row.name,
    annotations: row.annotations,
    questions: row.questions,
    replies: row.replies,
    words: row.words,
    reactionsReceived: row.reactions_received,
    firstActivityAt: row.first_activity_at,
    lastActivityAt: row.last_activity_at,
    onTime: hasDue ? row.on_time : null,
    late: hasDue ? row.late : null,
    editedLate: hasDue ? row.edited_late : null,
    hidden: row.hidden,
    pending: row.pending,
  }));
}
