import { createRateLimits, type RateLimits } from "@hashiya/api/abuse";
import { env } from "~/env";

// On globalThis, like the live hub, so a development server's reloads keep one Redis connection.
const holder = globalThis as typeof globalThis & { hashiyaRateLimits?: RateLimits };

/**
 * The process's write budgets: counted in Redis when REDIS_URL is set (shared by every web
 * instance), else in this process's memory (one machine).
 */
export function rateLimits(): RateLimits {
  holder.hashiyaRateLimits ??= createRateLimits({
    redisUrl: env.REDIS_URL,
    onStoreError: logStoreError,
  });
  return holder.hashiyaRateLimits;
}

let lastLogged = 0;
// Redis being away is logged at most once a minute; writes are counted in memory meanwhile.
function logStoreError(error: Error) {
  if (Date.now() - lastLogged < 60_000) return;
  lastLogged = Date.now();
  console.warn(`Rate limits: Redis is unavailable (${error.message}); counting in memory.`);
}
