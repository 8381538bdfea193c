/**
 * tRPC setup, in three parts:
 * 1. context — what every procedure gets (database, the signed-in user);
 * 2. initialisation — transformer and the error shape clients rely on;
 * 3. procedures — the building blocks routers use (public, protected).
 */
import type { Db } from "@hashiya/db";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { type AppErrorCode, errorMessages } from "./errors";
import type { LiveHub } from "./live/hub";
import { sharingTransformer } from "./live/shared-payload";
import type { Actor } from "./policies";

// 1. Context

export interface SessionUser {
  id: string;
  name?: string | null;
  email?: string | null;
  isAdmin?: boolean;
}

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** Secret shared with the collab server, for its short-lived tokens. */
  authSecret: string;
  collabUrl: string;
  /** The process-wide live hub; without one, live subscriptions are refused. */
  live: LiveHub | null;
}

export function createTRPCContext(options: {
  db: Db;
  session: { user?: SessionUser | null } | null;
  authSecret: string;
  collabUrl: string;
  /** One hub per process (`createLiveHub(DATABASE_URL)`), shared by every request. */
  live?: LiveHub | null;
}): Context {
  return {
    db: options.db,
    user: options.session?.user?.id ? options.session.user : null,
    authSecret: options.authSecret,
    collabUrl: options.collabUrl,
    live: options.live ?? null,
  };
}

export function actorOf(user: SessionUser | null): Actor {
  return user ? { userId: user.id, isAdmin: user.isAdmin === true } : null;
}

// 2. Initialisation

/** A TRPCError that carries one of our stable error ids. */
export function appError(
  code: TRPCError["code"],
  appCode: AppErrorCode,
  options: { cause?: unknown } = {},
): TRPCError {
  return new TRPCError({ code, message: errorMessages[appCode].en, cause: { appCode, ...options } });
}

/** The stable error id a procedure error carries, for the client and the tests. */
export function appCodeOf(error: TRPCError): AppErrorCode | null {
  const cause = error.cause as { appCode?: AppErrorCode } | undefined;
  if (cause?.appCode) return cause.appCode;
  if (error.cause instanceof ZodError) {
    // Schemas name a specific refusal (e.g. "comment.too_long") by using its id as the message.
    const coded = error.cause.issues.find((issue) => Object.hasOwn(errorMessages, issue.message));
    return coded ? (coded.message as AppErrorCode) : "invalid_input";
  }
  if (error.code === "NOT_FOUND") return "not_found";
  if (error.code === "UNAUTHORIZED") return "auth.sign_in_required";
  return null;
}

const t = initTRPC.context<Context>().create({
  // superjson, sharing the serialisation of the live events that many viewers get alike.
  transformer: sharingTransformer,
  // Pings keep idle SSE streams open through proxies; a client that hears nothing for longer
  // reconnects (with its last event id, so it misses nothing).
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 40_000 },
  },
  errorFormatter({ shape, error }) {
    const appCode = appCodeOf(error);
    return {
      ...shape,
      data: {
        ...shape.data,
        appCode,
        messages: appCode ? errorMessages[appCode] : null,
        fieldErrors: error.cause instanceof ZodError ? error.cause.flatten().fieldErrors : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// 3. Procedures

/** Anyone, signed in or not. Procedures still ask the policies about what they return. */
export const publicProcedure = t.procedure;

/** Signed-in users only; `ctx.user` is non-null inside. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw appError("UNAUTHORIZED", "auth.sign_in_required");
  return next({ ctx: { ...ctx, user: ctx.user } });
});
