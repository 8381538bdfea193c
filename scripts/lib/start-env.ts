// The run command's own settings, validated before anything starts.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number, e.g. ${fallback}.` })
    .int(`${name} must be a whole port number.`)
    .min(1, `${name} must be between 1 and 65535.`)
    .max(65_535, `${name} must be between 1 and 65535.`)
    .default(fallback);

export function loadStartEnv() {
  return createEnv({
    server: {
      PORT: port("PORT", 3000),
      COLLAB_PORT: port("COLLAB_PORT", 1234),
      HASHIYA_EMBEDDED_PG_PORT: port("HASHIYA_EMBEDDED_PG_PORT", 54329),
      DATABASE_URL: z
        .string()
        .regex(/^postgres(ql)?:\/\/\S+$/, "DATABASE_URL must be a postgresql:// URL.")
        .optional(),
      AUTH_SECRET: z
        .string()
        .min(32, "AUTH_SECRET is too short: use at least 32 random characters.")
        .optional(),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      throw new Error(issues.map((issue) => issue.message).join(" "));
    },
  });
}

export type StartEnv = ReturnType<typeof loadStartEnv>;
