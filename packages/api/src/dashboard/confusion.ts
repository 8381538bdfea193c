import { type Db, Prisma } from "@hashiya/db";
import { annotationCounts, notStaff, replyCounts } from "./counting";

/** A thread that shows confusion: a student's question, or "confused" reactions. */
export interface ConfusedThread {
  annotationId: string;
  isQuestion: boolean;
  /** Students' "confused" reactions on the thread's annotation and its counted replies. */
  confused: number;
  replies: number;
  /** The start of the comment (plain text). */
  excerpt: string;
  authorName: string;
}

/** A passage (overlapping threads merged) ranked by the confusion on it. */
export interface ConfusedPassage {
  start: number;
  end: number;
  /** The passage's text, cut at `QUOTE_MAX` code points (`quoteCut` then says so). */
  quote: string;
  quoteCut: boolean;
  questions: number;
  confused: number;
  /** The passage's most confused threads, at most `THREADS_MAX`. */
  threads: ConfusedThread[];
}

const QUOTE_MAX = 280;
const EXCERPT_MAX = 140;
const THREADS_MAX = 5;

interface RawPassage {
  start: number;
  end: number;
  quote: string;
  questions: number;
  confused: number;
  threads: ConfusedThread[];
}

/**
 * The passages with the most student questions and "confused" reactions, most first. Threads
 * on overlapping passages are merged into one passage (gaps and islands over the sorted
 * ranges); the quote is cut from the stored canonical text in SQL (`substring` counts code
 * points, as stored positions do).
 */
export async function confusionReport(
  db: Pick<Db, "$queryRaw">,
  text: { id: string; courseId: string },
  limit: number,
): Promise<ConfusedPassage[]> {
  const rows = await db.$queryRaw<RawPassage[]>`
    WITH scored AS (
      SELECT a.id, a.start, a."end", a.body_text, a.author_id,
             a.is_question AND ${notStaff(text.courseId, Prisma.sql`a.author_id`)} AS question,
             (SELECT count(*) FROM annotation_reactions x
              WHERE x.annotation_id = a.id AND x.kind = 'confused'
                AND ${notStaff(text.courseId, Prisma.sql`x.user_id`)})
           + (SELECT count(*) FROM reply_reactions x JOIN replies r ON r.id = x.reply_id
              WHERE r.annotation_id = a.id AND x.kind = 'confused' AND ${replyCounts}
                AND ${notStaff(text.courseId, Prisma.sql`x.user_id`)}) AS confused,
             (SELECT count(*) FROM replies r WHERE r.annotation_id = a.id AND ${replyCounts})
               AS replies
      FROM annotations a
      WHERE a.text_id = ${text.id} AND ${annotationCounts} AND a.anchor_state <> 'orphaned'
    ),
    confusing AS (
      SELECT * FROM scored WHERE question OR confused > 0
    ),
    ordered AS (
      SELECT *, max("end") OVER (ORDER BY start, "end", id
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
      FROM confusing
    ),
    islands AS (
      SELECT *, sum(CASE WHEN reach IS NULL OR start >= reach THEN 1 ELSE 0 END)
                  OVER (ORDER BY start, "end", id) AS passage
      FROM ordered
    ),
    ranked AS (
      SELECT i.*, row_number() OVER (PARTITION BY passage
               ORDER BY question::int + confused DESC, start, id) AS rank
      FROM islands i
    ),
    passages AS (
      SELECT min(k.start) AS start, max(k."end") AS "end",
             count(*) FILTER (WHERE k.question)::int AS questions,
             sum(k.confused)::int AS confused,
             json_agg(json_build_object(
               'annotationId', k.id,
               'isQuestion', k.question,
               'confused', k.confused,
               'replies', k.replies,
               'excerpt', left(k.body_text, ${EXCERPT_MAX}::int),
               'authorName', u.name
             ) ORDER BY k.rank) FILTER (WHERE k.rank <= ${THREADS_MAX}::int) AS threads
      FROM ranked k JOIN users u ON u.id = k.author_id
      GROUP BY k.passage
      ORDER BY count(*) FILTER (WHERE k.question) + sum(k.confused) DESC, min(k.start)
      LIMIT ${limit}::int
    )
    SELECT p.start::int AS start, p."end"::int AS "end", p.questions, p.confused, p.threads,
           -- One code point past the cut, so the caller knows whether it cut.
           substring(t.body FROM p.start + 1 FOR least(p."end" - p.start, ${QUOTE_MAX + 1}::int))
             AS quote
    FROM passages p CROSS JOIN (SELECT body FROM texts WHERE id = ${text.id}) t
    ORDER BY p.questions + p.confused DESC, p.start`;
  return rows.map((row) => {
    const points = [...row.quote];
    return {
      start: row.start,
      end: row.end,
      quote: points.slice(0, QUOTE_MAX).join(""),
      quoteCut: points.length > QUOTE_MAX,
      questions: row.questions,
      confused: row.confused,
      threads: row.threads.map((thread) => ({ ...thread, confused: Number(thread.confused) })),
    };
  });
}
