"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useDescribeError } from "./use-describe-error";

/** Joins the course of an invite link, then opens the course. */
export function JoinInviteButton({ token, courseTitle }: { token: string; courseTitle: string }) {
  const t = useTranslations("join");
  const trpc = useTRPC();
  const router = useRouter();
  const describe = useDescribeError();
  const join = useMutation(trpc.invite.join.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function onJoin() {
    setError(null);
    try {
      const joined = await join.mutateAsync({ token });
      router.push(`/courses/${joined.courseId}`);
    } catch (cause) {
      setError(describe(cause));
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={onJoin} disabled={join.isPending}>
        {join.isPending
          ? t("joining")
          : t.rich("joinCourse", {
              title: courseTitle,
              course: (chunks) => <bdi>{chunks}</bdi>,
            })}
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
