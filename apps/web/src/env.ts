import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/**
 * The web app's configuration, validated once. A missing or wrong variable stops start-up
 * (see instrumentation.ts) with a sentence naming it.
 */
export const env = createEnv({
  server: {
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is missing: set it to a postgresql:// URL." })
      .regex(/^postgres(ql)?:\/\/\S+$/, "DATABASE_URL must be a postgresql:// URL."),
    AUTH_SECRET: z
      .string({
        error: "AUTH_SECRET is missing: set it to a random string of at least 32 characters.",
      })
      .min(32, "AUTH_SECRET is too short: use a random string of at least 32 characters."),
    COLLAB_URL: z
      .string({ error: "COLLAB_URL is missing: set it to the collab server's ws:// URL." })
      .regex(/^wss?:\/\/\S+$/, "COLLAB_URL must be a ws:// or wss:// URL."),
    AUTH_URL: z.url({ error: "AUTH_URL must be the site's http(s):// URL." }).optional(),
    // Where write budgets are counted when several web instances run; else in memory.
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, "REDIS_URL must be a redis:// or rediss:// URL.")
      .optional(),
    // Outgoing mail (notifications, password reset). Without SMTP_URL each message is written
    // to the server's log instead (development).
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/\S+$/, "SMTP_URL must be an smtp:// or smtps:// URL.")
      .optional(),
    MAIL_FROM: z
      .string()
      .regex(/^[^<>]*<?[^\s@<>]+@[^\s@<>]+>?$/, 'MAIL_FROM must be an address, e.g. "Hashiya <no-reply@example.org>".')
      .default("Hashiya <no-reply@localhost>"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  // `next build` evaluates server modules without the runtime configuration.
  skipValidation: process.env.NEXT_PHASE === "phase-production-build",
  onValidationError: (issues) => {
    const sentences = issues.map((issue) => issue.message);
    throw new Error(`Invalid configuration of the web app. ${sentences.join(" ")}`);
  },
});
