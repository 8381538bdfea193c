import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

const postgresUrl = z
  .string({ message: "DATABASE_URL is missing: set it to a postgresql:// URL, e.g. postgresql://user@host:5432/hashiya" })
  .regex(/^postgres(ql)?:\/\/\S+$/, "DATABASE_URL must be a postgresql:// URL, e.g. postgresql://user@host:5432/hashiya");

/** Validated on first use, so that importing the package never needs a database. */
export function loadDbEnv() {
  return createEnv({
    server: { DATABASE_URL: postgresUrl },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      throw new Error(`Invalid configuration: ${issues.map((issue) => issue.message).join("; ")}`);
    },
  });
}
