import { clientAddressOf, signInAttempts } from "@hashiya/api/abuse";
import { handlers } from "@hashiya/auth";
import type { NextRequest } from "next/server";
import { rateLimits } from "~/server/rate-limits";

export const { GET } = handlers;

/**
 * Auth.js's POST, with failed credential sign-ins counted per email and address: past the
 * budget the form comes back with `code=rate_limited` before any password is checked. (The
 * sign-in form's server action counts the same way, in ~/auth/actions.ts.)
 */
export async function POST(req: NextRequest): Promise<Response> {
  if (!req.nextUrl.pathname.endsWith("/callback/credentials")) return handlers.POST(req);
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = form?.get("email");
  if (typeof email !== "string") return handlers.POST(req);
  const attempts = signInAttempts(rateLimits(), clientAddressOf(req.headers), email);
  const verdict = await attempts.check();
  if (!verdict.allowed) {
    const url = new URL("/sign-in?code=rate_limited", req.url);
    return new Response(null, {
      status: 303,
      headers: {
        location: url.pathname + url.search,
        "retry-after": String(verdict.retryAfterSeconds),
      },
    });
  }
  const response = await handlers.POST(req);
  const signedIn = response.headers.getSetCookie().some((c) => c.includes("session-token="));
  await (signedIn ? attempts.succeeded() : attempts.failed());
  return response;
}
