import { bodyToPlainText, type CommentBody } from "@hashiya/annotation-schema";
import type { ImportBatch, ImportedAnnotation } from "@hashiya/annotation-schema/w3c";
import type { Db, Prisma, Visibility } from "@hashiya/db";
import { type AnchorResult, describeRange, type PreparedText } from "@hashiya/text-model";
import { requireOpenCourse } from "../authorise";
import { type LockedText, type Tx, writeInText } from "../commands/transaction";
import { appendEvents, type EventDraft } from "../live/log";
import { eventAudience } from "../policies";
import { appError } from "../trpc";
import {
  type AnnotationRow,
  insertAnnotations,
  insertReplies,
  insertTags,
  newId,
  type ReplyRow,
} from "./bulk-insert";
import { attributionFor, courseMembers } from "./creators";
import { keepMemberMentions } from "./mentions";
import { type ModeratedSubject, replayModeration } from "./moderation";
import type { ImportReport, ProgressListener } from "./report";

// The import's one transaction, under the text's write lock (as every write to a text: the
// live log's order depends on it). Keyed by the file's ids: an annotation whose `externalId`
// the text already has is skipped and counted, its new replies still join it; a reply whose id
// its thread already has is skipped. Everything is inserted in batches; each new thread gets
// one "thread.created" event (a reply added to an older thread a "reply.created"), so open
// readers see the imported threads arrive.

const ROWS_PER_INSERT = 1_000;
const EVENTS_PER_APPEND = 500;
const IDS_PER_QUERY = 5_000;
/** An import of 100,000 items takes a while: the transaction may run this long. */
const TRANSACTION_TIMEOUT_MS = 10 * 60 * 1000;

export interface ImportPlan {
  textId: string;
  /** The text version the annotations were anchored in. */
  textVersion: number;
  prepared: PreparedText;
  batch: ImportBatch;
  /** `anchors[k]` is where `batch.annotations[k]` landed. */
  anchors: AnchorResult[];
  importer: { id: string };
  /** This site's base URL, under which our user IRIs live. */
  siteBase: string;
}

type Counts = Omit<ImportReport, "format" | "warnings">;

const chunks = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let k = 0; k < list.length; k += size) out.push(list.slice(k, k + size));
  return out;
};

/** The annotation's stored passage: described in the text now, or its quote when orphaned. */
function passageOf(prepared: PreparedText, source: ImportedAnnotation, anchor: AnchorResult) {
  if (anchor.state === "orphaned") {
    const selectors = source.position ? [source.quote, source.position] : [source.quote];
    return { selectors, quote: source.quote.exact, start: 0, end: 0, score: null };
  }
  const range = describeRange(prepared, anchor, { graphemes: "snap" });
  return {
    selectors: range.selectors,
    quote: range.quote.exact,
    start: range.start,
    end: range.end,
    score: anchor.state === "drifted" ? anchor.score : null,
  };
}

/** Writes the plan in one transaction; returns what it added and skipped. */
export function writeImport(db: Db, plan: ImportPlan, onProgress?: ProgressListener) {
  return writeInText(db, plan.textId, (tx, text) => write(tx, text, plan, onProgress), {
    timeout: TRANSACTION_TIMEOUT_MS,
  });
}

async function write(
  tx: Tx,
  text: LockedText,
  plan: ImportPlan,
  onProgress?: ProgressListener,
): Promise<Counts> {
  requireOpenCourse(text);
  // The text was edited between anchoring and now: the anchors may be wrong.
  if (text.version !== plan.textVersion) throw appError("CONFLICT", "import.text_changed");
  const { batch, anchors, prepared } = plan;
  const members = await courseMembers(tx, text.courseId);
  const attribute = attributionFor(members, plan.importer, plan.siteBase);
  const names = new Map(members.map((m) => [m.id, m.name]));
  const bodyOf = (body: CommentBody | null) => (body ? keepMemberMentions(body, names) : null);
  const now = new Date();

  // Annotations of the file the text already has (from an earlier import).
  const existing = new Map<string, ExistingThread>();
  for (const ids of chunks(
    batch.annotations.map((a) => a.externalId),
    IDS_PER_QUERY,
  )) {
    const rows = await tx.annotation.findMany({
      where: { textId: text.id, externalId: { in: ids } },
      select: {
        id: true,
        externalId: true,
        authorId: true,
        visibility: true,
        moderationState: true,
      },
    });
    for (const row of rows) existing.set(row.externalId as string, row);
  }
  const fresh = batch.annotations
    .map((source, k) => ({ source, anchor: anchors[k] as AnchorResult }))
    .filter(({ source }) => !existing.has(source.externalId));
  const replyCount = batch.annotations.reduce(
    (n, a) => n + a.replies.filter((r) => r.body !== null).length,
    0,
  );
  // Saving counts threads and replies, then the live events (one per new thread, and one per
  // reply added to an older thread; at most that many).
  const total = fresh.length + replyCount + fresh.length + replyCount;
  let done = 0;
  const progress = async (n: number) => {
    done += n;
    await onProgress?.({ stage: "writing", done, total });
  };

  const counts: Counts = {
    anchored: 0,
    drifted: [],
    orphaned: [],
    skippedDuplicates: { annotations: existing.size, replies: 0 },
    replies: 0,
    tags: 0,
    moderation: { applied: 0, skipped: 0 },
    attributedToImporter: 0,
  };
  const threads = new Map<string, ExistingThread>(existing);
  const subjects = new Map<string, ModeratedSubject>();
  const events: EventDraft[] = [];

  for (const group of chunks(fresh, ROWS_PER_INSERT)) {
    const rows: AnnotationRow[] = group.map(({ source, anchor }) => {
      const passage = passageOf(prepared, source, anchor);
      const who = attribute(source.creator);
      if (who.importedAuthorName !== null) counts.attributedToImporter++;
      if (anchor.state === "anchored") counts.anchored++;
      else if (anchor.state === "drifted")
        counts.drifted.push({ ...itemOf(source), quote: passage.quote, score: anchor.score });
      else counts.orphaned.push({ ...itemOf(source), quote: passage.quote, reason: anchor.reason });
      const body = bodyOf(source.body);
      return {
        id: newId(),
        textId: text.id,
        authorId: who.authorId,
        importedAuthorName: who.importedAuthorName,
        externalId: source.externalId,
        textVersion: text.version,
        selectors: passage.selectors as object[],
        quote: passage.quote,
        start: passage.start,
        end: passage.end,
        anchorState: anchor.state,
        anchorScore: passage.score,
        body,
        bodyText: body ? bodyToPlainText(body) : "",
        isQuestion: source.isQuestion,
        visibility: source.visibility ?? "course",
        createdAt: source.created ?? now,
        editedAt: source.modified,
      };
    });
    await insertAnnotations(tx, rows);
    for (const row of rows) {
      threads.set(row.externalId, { ...row, moderationState: "visible" });
      subjects.set(row.externalId, {
        type: "annotation",
        id: row.id,
        state: "visible",
        reason: null,
        locked: false,
      });
    }
    const tags = group.flatMap(({ source }) =>
      source.tags.map((name) => ({ annotationId: threads.get(source.externalId)!.id, name })),
    );
    await insertTags(tx, tags);
    counts.tags += tags.length;
    await progress(group.length);
  }

  // Replies: each thread's, new or older; those its thread already has are skipped.
  const known = await knownReplies(
    tx,
    [...existing.values()].map((t) => t.id),
  );
  const replies = batch.annotations.flatMap((annotation) => {
    const thread = threads.get(annotation.externalId)!;
    return annotation.replies
      .filter((reply) => reply.body !== null)
      .map((reply) => ({ reply, thread }));
  });
  const freshReplies = replies.filter(
    ({ reply, thread }) => !known.has(replyKey(thread.id, reply.externalId)),
  );
  counts.skippedDuplicates.replies = replies.length - freshReplies.length;
  await progress(replies.length - freshReplies.length);
  const olderThreads = new Map([...existing.values()].map((t) => [t.id, t]));
  for (const group of chunks(freshReplies, ROWS_PER_INSERT)) {
    const rows: ReplyRow[] = group.map(({ reply, thread }) => {
      const who = attribute(reply.creator);
      if (who.importedAuthorName !== null) counts.attributedToImporter++;
      const body = bodyOf(reply.body) as CommentBody;
      return {
        id: newId(),
        annotationId: thread.id,
        authorId: who.authorId,
        importedAuthorName: who.importedAuthorName,
        externalId: reply.externalId,
        body,
        bodyText: bodyToPlainText(body),
        createdAt: reply.created ?? now,
        editedAt: reply.modified,
      };
    });
    await insertReplies(tx, rows);
    for (const row of rows) {
      subjects.set(row.externalId, {
        type: "reply",
        id: row.id,
        state: "visible",
        reason: null,
        locked: false,
      });
      const thread = olderThreads.get(row.annotationId);
      if (thread) {
        events.push({
          type: "reply.created",
          annotationId: thread.id,
          replyId: row.id,
          ...eventAudience(thread, { authorId: row.authorId, moderationState: "visible" }),
        });
      }
    }
    counts.replies += rows.length;
    await progress(group.length);
  }

  // The file's moderation decisions on what this import added.
  const { actions, skipped } = replayModeration(batch.moderations, subjects, now);
  counts.moderation = { applied: actions.length, skipped };
  if (actions.length > 0) {
    await tx.moderationAction.createMany({
      data: actions.map((action) => ({
        courseId: text.courseId,
        textId: text.id,
        actorId: plan.importer.id,
        kind: action.kind,
        ...(action.subject.type === "annotation"
          ? { annotationId: action.subject.id }
          : { replyId: action.subject.id }),
        reason: action.reason,
        before: action.before,
        after: action.after,
        createdAt: action.createdAt,
      })),
    });
    const touched = new Set(actions.map((action) => action.subject));
    for (const subject of touched) {
      const data = {
        moderationState: subject.state,
        moderationReason: subject.reason,
        ...(subject.type === "annotation" && { lockedAt: subject.locked ? now : null }),
      };
      if (subject.type === "annotation")
        await tx.annotation.update({ where: { id: subject.id }, data });
      else await tx.reply.update({ where: { id: subject.id }, data });
    }
  }

  // One event per new thread (with its replies and final moderation state).
  for (const { source } of fresh) {
    const thread = threads.get(source.externalId)!;
    const subject = subjects.get(source.externalId)!;
    events.push({
      type: "thread.created",
      annotationId: thread.id,
      ...eventAudience({ ...thread, moderationState: subject.state }),
    });
  }
  // In slices, so that progress keeps moving while thousands are appended.
  for (const slice of chunks(events, EVENTS_PER_APPEND)) {
    await appendEvents(tx, text.id, plan.importer.id, slice);
    await progress(slice.length);
  }
  done = total;
  await onProgress?.({ stage: "writing", done, total });
  return counts;
}

interface ExistingThread {
  id: string;
  authorId: string;
  visibility: Visibility;
  moderationState: Prisma.AnnotationGetPayload<object>["moderationState"];
}

const itemOf = (source: ImportedAnnotation) => ({
  item: source.item,
  externalId: source.externalId,
});

const replyKey = (annotationId: string, externalId: string) => `${annotationId}\u0000${externalId}`;

/** The imported replies the given threads already have, as `replyKey`s. */
async function knownReplies(tx: Tx, threadIds: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const ids of chunks(threadIds, IDS_PER_QUERY)) {
    const rows = await tx.reply.findMany({
      where: { annotationId: { in: ids }, externalId: { not: null } },
      select: { annotationId: true, externalId: true },
    });
    for (const row of rows) known.add(replyKey(row.annotationId, row.externalId as string));
  }
  return known;
}
