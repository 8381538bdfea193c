import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { type AppRouter, appRouter } from "./root";
import { appCodeOf, createCallerFactory, createTRPCContext } from "./trpc";

/** Calls procedures directly on the server (React Server Components, tests). */
export const createCaller = createCallerFactory(appRouter);

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export { type AppRouter, appCodeOf, appRouter, createTRPCContext };
export type { Context, SessionUser } from "./trpc";
export { createLiveHub, type LiveHub, type LiveHubOptions } from "./live/hub";
export { plainLiveInput, serveLiveSubscription } from "./live/sse-node";
export { webHeaders } from "./node-headers";
export { createMailer, LOGGED_MAIL_PREFIX, type Mailer, setMailer } from "./mail/mailer";
