import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { annotationRouter } from "./routers/annotation";
import { apiTokenRouter } from "./routers/api-token";
import { authRouter } from "./routers/auth";
import { collabRouter } from "./routers/collab";
import { courseRouter } from "./routers/course";
import { dashboardRouter } from "./routers/dashboard";
import { inviteRouter } from "./routers/invite";
import { liveRouter } from "./routers/live";
import { memberRouter } from "./routers/member";
import { meRouter } from "./routers/me";
import { mentionRouter } from "./routers/mention";
import { moderationRouter } from "./routers/moderation";
import { notificationRouter } from "./routers/notification";
import { reactionRouter } from "./routers/reaction";
import { replyRouter } from "./routers/reply";
import { textRouter } from "./routers/text";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  admin: adminRouter,
  annotation: annotationRouter,
  apiToken: apiTokenRouter,
  auth: authRouter,
  collab: collabRouter,
  course: courseRouter,
  dashboard: dashboardRouter,
  invite: inviteRouter,
  live: liveRouter,
  me: meRouter,
  member: memberRouter,
  mention: mentionRouter,
  moderation: moderationRouter,
  notification: notificationRouter,
  reaction: reactionRouter,
  reply: replyRouter,
  text: textRouter,
});

export type AppRouter = typeof appRouter;
