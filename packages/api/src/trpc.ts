/**
 * tRPC setup, in three parts:
 * 1. context — what every procedure gets (database, the signed-in user);
 * 2. initialisation — transformer and the error shape clients rely on;
 * 3. procedures — the building blocks routers use (public, protected).
 */
import type { Db } from "@hashiya/db";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { chargeWrite } from "./abuse/charge-write";
import type { RateLimits } from "./abuse/rate-limits";
import { accountState } from "./accounts/account-state";
import { type AppErrorCode, errorMessages, formatErrorMessages } from "./errors";
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
  /** The process-wide write budgets; without them (tests of other concerns) writes are not counted. */
  rateLimits: RateLimits | null;
  /** The client's network address, for writes made without signing in. */
  clientAddress: string | null;
}

export function createTRPCContext(options: {
  db: Db;
  session: { user?: SessionUser | null } | null;
  authSecret: string;
  collabUrl: string;
  /** One hub per process (`createLiveHub(DATABASE_URL)`), shared by every request. */
  live?: LiveHub | null;
  /** One per process (`createRateLimits`), shared by every request. */
  rateLimits?: RateLimits | null;
  clientAddress?: string | null;
}): Context {
  return {
    db: options.db,
    user: options.session?.user?.id ? options.session.user : null,
    authSecret: options.authSecret,
    collabUrl: options.collabUrl,
    live: options.live ?? null,
    rateLimits: options.rateLimits ?? null,
    clientAddress: options.clientAddress ?? null,
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
  options: { cause?: unknown; retryAfterSeconds?: number; params?: Record<string, string> } = {},
): TRPCError {
  const message = formatErrorMessages(appCode, options.params).en;
  return new TRPCError({ code, message, cause: { appCode, ...options } });
}

/** The values an error's sentences were filled in with (see `formatErrorMessages`). */
function paramsOf(error: TRPCError): Record<string, string> | undefined {
  return (error.cause as { params?: Record<string, string> } | undefined)?.params;
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
  // Raised by tRPC itself when the body outgrows the route's cap (`limitRequestBody`).
  if (error.code === "PAYLOAD_TOO_LARGE") return "request.too_large";
  return null;
}

/** Seconds until a refused write may be tried again (rate limits), for Retry-After. */
export function retryAfterOf(error: TRPCError): number | null {
  const seconds = (error.cause as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === "number" ? seconds : null;
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
        messages: appCode ? formatErrorMessages(appCode, paramsOf(error)) : null,
        retryAfterSeconds: retryAfterOf(error),
        fieldErrors: error.cause instanceof ZodError ? error.cause.flatten().fieldErrors : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// 3. Procedures

/**
 * Every mutation spends from its budget (abuse/budgets.ts; unlisted ones from `write`) before
 * its input is even read: per user, or per network address for anonymous ones. Part of both
 * base procedures, so a new mutation is limited without asking.
 */
const limitWrites = t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
  if (type !== "mutation" || !ctx.rateLimits) return next();
  const refusal = await chargeWrite({
    limits: ctx.rateLimits,
    path,
    userId: ctx.user?.id ?? null,
    address: ctx.clientAddress,
    getRawInput,
  });
  if (refusal) {
    const { appCode, retryAfterSeconds } = refusal;
    throw appError("TOO_MANY_REQUESTS", appCode, { retryAfterSeconds });
  }
  return next();
});

/**
 * Sessions are JWTs that keep saying "signed in" and "admin" until they expire: check them
 * against the account (accounts/account-state.ts, re-read every few seconds). A deleted
 * account's session counts as signed out; admin rights follow the account's current row.
 */
const freshSession = t.middleware(async ({ ctx, next }) => {
  if (!ctx.user) return next();
  const state = await accountState(ctx.db, ctx.user.id);
  const user = state.closed ? null : { ...ctx.user, isAdmin: state.isAdmin };
  return next({ ctx: { ...ctx, user } });
});

/** Anyone, signed in or not. Procedures still ask the policies about what they return. */
export const publicProcedure = t.procedure.use(freshSession).use(limitWrites);

/** Signed-in users only; `ctx.user` is non-null inside. */
export const protectedProcedure = t.procedure
  .use(freshSession)
  .use(({ ctx, next }) => {
    if (!ctx.user) throw appError("UNAUTHORIZED", "auth.sign_in_required");
    return next({ ctx: { ...ctx, user: ctx.user } });
  })
  .use(limitWrites);
