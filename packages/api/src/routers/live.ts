import { liveInputSchema } from "@hashiya/annotation-schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { lastEventIdOf } from "../live/log";
import { viewerStream } from "../live/stream";
import { findReadableText } from "../policies";
import { actorOf, appError, publicProcedure } from "../trpc";

export const liveRouter = {
  /**
   * A text's live events for the caller (SSE through `httpSubscriptionLink`). Start from the
   * `lastEventId` that `annotation.list` returned; on reconnect the link sends the last id it
   * received, and the stream resumes right after it. Without one, it starts from now.
   */
  onTextEvent: publicProcedure.input(liveInputSchema).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    if (!ctx.live) throw appError("SERVICE_UNAVAILABLE", "live.unavailable");
    const actor = actorOf(ctx.user);
    const found = await findReadableText(ctx.db, actor, input.textId);
    if (!found) throw appError("NOT_FOUND", "not_found");
    // Listen before choosing the cursor: an event committed in between is then both after
    // the cursor and announced, never neither.
    const wakeups = ctx.live.watch(input.textId);
    try {
      const cursor = BigInt(input.lastEventId ?? (await lastEventIdOf(ctx.db, input.textId)));
      // Only what the stream needs: it lives as long as the connection, the body need not.
      const { id, courseId, isPublic } = found.text;
      const text = { id, courseId, isPublic };
      const { standing } = found;
      yield* viewerStream({ db: ctx.db, actor, text, standing, wakeups, cursor, signal });
    } finally {
      wakeups.close();
    }
  }),
} satisfies TRPCRouterRecord;
