import { createLiveHub, type LiveHub } from "@hashiya/api";
import { env } from "~/env";

// Kept on globalThis so that a development server's module reloads reuse the one LISTEN
// connection instead of opening another on every edit.
const holder = globalThis as typeof globalThis & { hashiyaLiveHub?: LiveHub };

/**
 * The process's live hub: one `LISTEN hashiya_text_events` connection that wakes every live
 * subscription of this web process. Opened on first use (the first tRPC request).
 */
export function liveHub(): LiveHub {
  holder.hashiyaLiveHub ??= createLiveHub(env.DATABASE_URL);
  return holder.hashiyaLiveHub;
}
