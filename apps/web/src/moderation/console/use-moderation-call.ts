"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useDescribeError } from "~/courses/use-describe-error";
import { useTRPC } from "~/trpc/react";

/**
 * Runs a moderation call from the moderation page, then reads the queue and the log again;
 * a refusal becomes a sentence in the interface language.
 */
export function useModerationCall() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (call: () => Promise<unknown>) => {
      setError(null);
      try {
        await call();
      } catch (cause) {
        setError(describe(cause));
        throw cause;
      } finally {
        await queryClient.invalidateQueries({ queryKey: trpc.moderation.pathKey() });
      }
    },
    [describe, queryClient, trpc],
  );
  return { run, error };
}
