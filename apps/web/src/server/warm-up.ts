import { db } from "@hashiya/db";
import { liveHub } from "./live-hub";

/**
 * Run once at start (instrumentation.ts), so that the first requests do not pay for what
 * every request then reuses: the database client and its query compiler, a first pooled
 * connection, and the live hub's LISTEN connection (live subscriptions wait for nothing).
 * Failures are only reported: the same work happens again on first use.
 */
export async function warmUp(): Promise<void> {
  liveHub();
  await db.text.findFirst({ select: { id: true } });
}
