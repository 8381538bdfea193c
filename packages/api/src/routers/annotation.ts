import {
  createAnnotationInputSchema,
  deleteAnnotationInputSchema,
  editAnnotationInputSchema,
  listThreadsInputSchema,
  searchInputSchema,
} from "@hashiya/annotation-schema";
import { Prisma } from "@hashiya/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { requireAuthor, requireUnchanged, requireUnmuted, requireWriter } from "../authorise";
import { createAnnotation, deleteAnnotation, editAnnotation } from "../commands/annotation";
import { writeInTextAs, writeOnThread } from "../commands/transaction";
import { lastEventIdOf } from "../live/log";
import { primeThreadAfterEvent } from "../live/shared-reads";
import { findReadableText, initialModerationState } from "../policies";
import { isRevealed, plainLens } from "../presenters";
import { loadLens } from "../queries/lens";
import { searchTextAndThreads } from "../queries/search";
import { listAnchors, listThreads, threadOutcome, viewOfThread } from "../queries/threads";
import { actorOf, appError, protectedProcedure, publicProcedure } from "../trpc";

export const annotationRouter = {
  /**
   * The threads of a text the caller may see, with the log position they reflect: the two are
   * read in one REPEATABLE READ snapshot, so subscribing from `lastEventId` misses nothing.
   */
  list: publicProcedure.input(listThreadsInputSchema).query(async ({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    const found = await findReadableText(ctx.db, actor, input.textId);
    if (!found) throw appError("NOT_FOUND", "not_found");
    return ctx.db.$transaction(
      async (tx) => {
        const lastEventId = await lastEventIdOf(tx, input.textId);
        const lens = await loadLens(tx, actor, found.standing, found.text);
        const threads = await listThreads(tx, lens, input.textId);
        // "Reveal after posting": how far the caller is, so the page can say what it holds back.
        const { revealAfterPosts: required } = lens.settings;
        const reveal = isRevealed(lens) ? null : { required, posted: lens.posted };
        return { threads, lastEventId, reveal };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
    );
  }),

  /**
   * Where the threads the caller may see are anchored (id, start, end; orphans left out), for
   * painting a text's highlights before `list` brings the threads themselves.
   */
  anchors: publicProcedure.input(listThreadsInputSchema).query(async ({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    const found = await findReadableText(ctx.db, actor, input.textId);
    if (!found) throw appError("NOT_FOUND", "not_found");
    const lens = await loadLens(ctx.db, actor, found.standing, found.text);
    return { anchors: await listAnchors(ctx.db, lens, input.textId) };
  }),

  /** Starts a thread on a passage of the text version the caller is reading. */
  create: protectedProcedure.input(createAnnotationInputSchema).mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    return writeInTextAs(ctx.db, actor, input.textId, async (tx, text, writer) => {
      const { standing } = writer;
      requireWriter(actor, standing, text);
      requireUnmuted(writer);
      const author = { id: ctx.user.id, name: writer.name, standing };
      const moderationState = initialModerationState(text, standing, input.visibility);
      const created = { ...input, moderationState };
      const { row, ...outcome } = await createAnnotation(tx, text, author, created);
      if (!row) return threadOutcome(tx, actor, standing, outcome);
      primeThreadAfterEvent(ctx.db, row.id, BigInt(outcome.eventId), row);
      // A new thread holds only the writer's own words: no course setting changes their view.
      return { thread: viewOfThread(row, plainLens(actor, standing)), eventId: outcome.eventId };
    });
  }),

  /** Edits one's own thread: body, visibility, question mark, tags (a set). */
  edit: protectedProcedure.input(editAnnotationInputSchema).mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    return writeOnThread(ctx.db, actor, input.annotationId, async (tx, scope) => {
      requireAuthor(actor, scope.standing, scope.thread);
      requireUnmuted(scope.mute);
      requireUnchanged(scope.thread, input.unchangedSince);
      const outcome = await editAnnotation(tx, scope, ctx.user.id, input);
      return threadOutcome(tx, actor, scope.standing, outcome);
    });
  }),

  /** Deletes one's own thread; `thread` is its tombstone, or null when nothing hung on it. */
  delete: protectedProcedure.input(deleteAnnotationInputSchema).mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    return writeOnThread(ctx.db, actor, input.annotationId, async (tx, scope) => {
      requireAuthor(actor, scope.standing, scope.thread);
      requireUnchanged(scope.thread, input.unchangedSince);
      const outcome = await deleteAnnotation(tx, scope, ctx.user.id);
      return threadOutcome(tx, actor, scope.standing, outcome);
    });
  }),

  /**
   * Arabic-aware search: hits in the text (code points of the canonical text) and the ids of
   * the threads the caller may see whose quote, body, replies or tags match.
   */
  search: publicProcedure.input(searchInputSchema).query(async ({ ctx, input }) => {
    const actor = actorOf(ctx.user);
    const found = await findReadableText(ctx.db, actor, input.textId);
    if (!found) throw appError("NOT_FOUND", "not_found");
    const lens = await loadLens(ctx.db, actor, found.standing, found.text);
    return searchTextAndThreads(ctx.db, lens, found.text, input.query);
  }),
} satisfies TRPCRouterRecord;
