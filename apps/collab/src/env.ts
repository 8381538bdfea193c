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

/** An http(s) URL reduced to its origin (scheme://host[:port]), or undefined if it is not one. */
function httpOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    if (url.pathname !== "/" || url.search || url.hash || url.username) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

const ORIGINS_MESSAGE =
  "COLLAB_ALLOWED_ORIGINS must be a comma-separated list of web origins (scheme://host[:port], no path), e.g. https://hashiya.example,http://localhost:3000.";

const originsSchema = z
  .string({ error: ORIGINS_MESSAGE })
  .transform((value) => value.split(",").map((part) => part.trim()))
  .refine((parts) => parts.every((part) => httpOrigin(part) !== undefined), {
    error: ORIGINS_MESSAGE,
  })
  .transform((parts) => parts.map((part) => httpOrigin(part) as string));

export const DEFAULT_WEB_URL = "http://localhost:3000";

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
  const env = readVariables(runtimeEnv);
  const webOrigin = httpOrigin((env.COLLAB_PUBLIC_WEB_URL ?? DEFAULT_WEB_URL).replace(/\/+$/, ""));
  return {
    ...env,
    /** Defaults to the web app's origin (COLLAB_PUBLIC_WEB_URL, else http://localhost:3000). */
    COLLAB_ALLOWED_ORIGINS: env.COLLAB_ALLOWED_ORIGINS ?? [webOrigin as string],
  };
}

function readVariables(runtimeEnv: Record<string, string | undefined>) {
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
      COLLAB_PUBLIC_WEB_URL: z
        .string()
        .refine((value) => httpOrigin(value.replace(/\/+$/, "")) !== undefined, {
          error:
            "COLLAB_PUBLIC_WEB_URL must be the web app's public URL, e.g. https://hashiya.example.",
        })
        .optional(),
      COLLAB_ALLOWED_ORIGINS: originsSchema.optional(),
      COLLAB_ALLOW_MISSING_ORIGIN: z
        .enum(["true", "false"], { error: "COLLAB_ALLOW_MISSING_ORIGIN must be true or false." })
        .default("false")
        .transform((value) => value === "true"),
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
