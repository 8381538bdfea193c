import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** A whole number in [min, max] given as a decimal string, with one sentence for every way it can be wrong. */
function integer(message: string, min: number, max: number) {
  return z
    .string({ error: message })
    .regex(/^\d+$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: message }).max(max, { error: message }));
}

export class ConfigError extends Error {
  constructor(readonly sentences: string[]) {
    super(`The collab server cannot start. ${sentences.join(" ")}`);
    this.name = "ConfigError";
  }
}

/**
 * The collab server's configuration, validated. Throws a ConfigError whose message has one
 * sentence per missing or wrong variable, naming it.
 */
export function loadEnv(runtimeEnv: Record<string, string | undefined> = process.env) {
  return createEnv({
    server: {
      AUTH_SECRET: z
        .string({
          error: "AUTH_SECRET is not set: give it the same value as the web app's AUTH_SECRET.",
        })
        .min(32, {
          error:
            "AUTH_SECRET is too short: it must be at least 32 characters (the same value as the web app's).",
        }),
      DATABASE_URL: z
        .string({
          error:
            "DATABASE_URL is not set: give it a postgresql:// URL, e.g. postgresql://user@host:5432/hashiya.",
        })
        .regex(/^postgres(ql)?:\/\/\S+$/, {
          error:
            "DATABASE_URL must be a postgresql:// URL, e.g. postgresql://user@host:5432/hashiya.",
        }),
      COLLAB_PORT: integer("COLLAB_PORT must be a port number from 0 to 65535.", 0, 65535).default(
        1234,
      ),
      COLLAB_HOST: z
        .string()
        .regex(/^\S+$/, { error: "COLLAB_HOST must be a host name or IP address, e.g. 127.0.0.1." })
        .default("127.0.0.1"),
      COLLAB_MAX_MESSAGE_BYTES: integer(
        "COLLAB_MAX_MESSAGE_BYTES must be a whole number of bytes from 1024 to 104857600 (100 MiB).",
        1024,
        100 * 1024 * 1024,
      ).default(512 * 1024),
    },
    runtimeEnv,
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      throw new ConfigError(
        issues.map((issue) => {
          const name = issue.path
            ?.map((part) => (typeof part === "object" ? part.key : part))
            .join(".");
          return name && !issue.message.includes(name)
            ? `${name}: ${issue.message}.`
            : issue.message;
        }),
      );
    },
  });
}

export type CollabEnv = ReturnType<typeof loadEnv>;
