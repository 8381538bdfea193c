import { annotationRouter } from "./routers/annotation";
import { authRouter } from "./routers/auth";
import { collabRouter } from "./routers/collab";
import { courseRouter } from "./routers/course";
import { dashboardRouter } from "./routers/dashboard";
import { liveRouter } from "./routers/live";
import { meRouter } from "./routers/me";
import { reactionRouter } from "./routers/reaction";
import { replyRouter } from "./routers/reply";
import { textRouter } from "./routers/text";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  annotation: annotationRouter,
  auth: authRouter,
  collab: collabRouter,
  course: courseRouter,
  dashboard: dashboardRouter,
  live: liveRouter,
  me: meRouter,
  reaction: reactionRouter,
  reply: replyRouter,
  text: textRouter,
});

export type AppRouter = typeof appRouter;
