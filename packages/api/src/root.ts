import { authRouter } from "./routers/auth";
import { collabRouter } from "./routers/collab";
import { courseRouter } from "./routers/course";
import { meRouter } from "./routers/me";
import { textRouter } from "./routers/text";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  collab: collabRouter,
  course: courseRouter,
  me: meRouter,
  text: textRouter,
});

export type AppRouter = typeof appRouter;
