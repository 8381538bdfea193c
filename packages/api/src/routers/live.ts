import { liveInputSchema } from "@hashiya/annotation-schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { viewerStream } from "../live/stream";
import { openLiveSubscription } from "../live/subscription";
import { publicProcedure } from "../trpc";

export const liveRouter = {
  /**
   * A text's live events for the caller (SSE through `httpSubscriptionLink`). Start from the
   * `lastEventId` that `annotation.list` returned; on reconnect the link sends the last id it
   * received, and the stream resumes right after it. Without one, it starts from now.
   * (The web app serves this procedure's SSE through `live/sse-node.ts`, byte for byte
   * as tRPC would, without tRPC's per-viewer streaming cost.)
   */
  onTextEvent: publicProcedure
    .input(liveInputSchema)
    .subscription(({ ctx, input, signal }) =>
      viewerStream((sink) => openLiveSubscription(ctx, input, sink), signal),
    ),
} satisfies TRPCRouterRecord;
