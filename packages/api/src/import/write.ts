import type { CommentBody } from "@hashiya/annotation-schema";
import type { ImportBatch } from "@hashiya/annotation-schema/w3c";
import type { Db } from "@hashiya/db";
import type { AnchorResult, PreparedText } from "@hashiya/text-model";
import { requireOpenCourse } from "../authorise";
import { type LockedText, type Tx, writeInText } from "../commands/transaction";
import { appendEvents } from "../live/log";
import { eventAudience } from "../policies";
import { appError } from "../trpc";
import { attributionFor, courseMembers } from "./creators";
import { keepMemberMentions } from "./mentions";
import type { ProgressListener } from "./report";
import {
  type Counts,
  chunks,
  IDS_PER_QUERY,
  type ThreadRef,
  type WriteContext,
} from "./write-context";
import { writeModeration } from "./write-moderation";
import { writeReplies } from "./write-replies";
import { writeThreads } from "./write-threads";

// The import's one transaction, under the text's write lock (as every write to a text: the
// live log's order depends on it). Keyed by the file's ids: an annotation whose `externalId`
// the text already has is skipped and counted, its new replies still join it; a reply whose id
// its thread already has is skipped. Rows go in a thousand per statement; each new thread gets
// one "thread.created" event (a reply added to an older thread a "reply.created"), so open
// readers see the imported threads arrive.

/** An import of 100,000 items takes a while: the transaction may run this long. */
const TRANSACTION_TIMEOUT_MS = 10 * 60 * 1000;
const EVENTS_PER_APPEND = 500;

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

/** Writes the plan in one transaction; returns what it added and skipped. */
export function writeImport(db: Db, plan: ImportPlan, onProgress?: ProgressListener) {
  return writeInText(db, plan.textId, (tx, text) => write(tx, text, plan, onProgress), {
    timeout: TRANSACTION_TIMEOUT_MS,
  });
}

/** The file's annotations the text already has (from an earlier import), by the file's id. */
async function alreadyImported(tx: Tx, textId: string, externalIds: string[]) {
  const found = new Map<string, ThreadRef>();
  for (const ids of chunks(externalIds, IDS_PER_QUERY)) {
    const rows = await tx.annotation.findMany({
      where: { textId, externalId: { in: ids } },
      select: {
        id: true,
        externalId: true,
        authorId: true,
        visibility: true,
        moderationState: true,
      },
    });
    for (const { externalId, ...row } of rows) found.set(externalId as string, row);
  }
  return found;
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
  const { batch, anchors } = plan;
  const members = await courseMembers(tx, text.courseId);
  const names = new Map(members.map((m) => [m.id, m.name]));
  const older = await alreadyImported(
    tx,
    text.id,
    batch.annotations.map((a) => a.externalId),
  );
  const fresh = batch.annotations
    .map((source, k) => ({ source, anchor: anchors[k] as AnchorResult }))
    .filter(({ source }) => !older.has(source.externalId));
  const replyCount = batch.annotations.reduce(
    (n, a) => n + a.replies.filter((r) => r.body !== null).length,
    0,
  );
  // Saving counts threads and replies, then the live events (one per new thread, and one per
  // reply added to an older thread; at most that many).
  const total = 2 * (fresh.length + replyCount);
  let done = 0;
  const ctx: WriteContext = {
    tx,
    text,
    now: new Date(),
    attribute: attributionFor(members, plan.importer, plan.siteBase),
    bodyOf: (body: CommentBody | null) => (body ? keepMemberMentions(body, names) : null),
    counts: {
      anchored: 0,
      drifted: [],
      orphaned: [],
      skippedDuplicates: { annotations: older.size, replies: 0 },
      replies: 0,
      tags: 0,
      moderation: { applied: 0, skipped: 0 },
      attributedToImporter: 0,
    },
    threads: new Map(older),
    subjects: new Map(),
    events: [],
    progress: async (n) => {
      done += n;
      await onProgress?.({ stage: "writing", done, total });
    },
  };
  await writeThreads(ctx, plan.prepared, fresh);
  await writeReplies(ctx, batch.annotations, older);
  await writeModeration(ctx, batch.moderations, plan.importer.id);

  // One event per new thread (carrying its replies and final moderation state).
  for (const { source } of fresh) {
    const thread = ctx.threads.get(source.externalId)!;
    const subject = ctx.subjects.get(source.externalId)!;
    ctx.events.push({
      type: "thread.created",
      annotationId: thread.id,
      ...eventAudience({ ...thread, moderationState: subject.state }),
    });
  }
  // In slices, so that progress keeps moving while thousands are appended.
  for (const slice of chunks(ctx.events, EVENTS_PER_APPEND)) {
    await appendEvents(tx, text.id, plan.importer.id, slice);
    await ctx.progress(slice.length);
  }
  await onProgress?.({ stage: "writing", done: total, total });
  return ctx.counts;
}
