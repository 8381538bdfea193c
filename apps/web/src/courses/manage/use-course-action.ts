"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDescribeError } from "../use-describe-error";

/**
 * Runs one change of the course page: while it runs `pending`, after it the page's server data
 * is read again (router.refresh), and a refusal becomes the sentence in `error`.
 */
export function useCourseAction() {
  const router = useRouter();
  const describe = useDescribeError();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run<T>(change: () => Promise<T>): Promise<T | undefined> {
    setPending(true);
    setError(null);
    try {
      const result = await change();
      router.refresh();
      return result;
    } catch (cause) {
      setError(describe(cause));
      return undefined;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, error };
}
