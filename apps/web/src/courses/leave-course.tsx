"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmStep } from "~/components/confirm-step";
import { useTRPC } from "~/trpc/react";
import { useDescribeError } from "./use-describe-error";

/** Where the home page says that the reader left a course (a fixed sentence, no title). */
export const LEFT_COURSE_URL = "/?status=left-course";

/**
 * A member's way out of the course, after a confirmation; then the home page. The server
 * decides (an only instructor is refused with a sentence, shown here).
 */
export function LeaveCourse({ courseId, title }: { courseId: string; title: string }) {
  const t = useTranslations("courseExits");
  const trpc = useTRPC();
  const router = useRouter();
  const describe = useDescribeError();
  const leave = useMutation(trpc.member.leave.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setError(null);
    try {
      await leave.mutateAsync({ courseId });
      router.replace(LEFT_COURSE_URL);
    } catch (cause) {
      setError(describe(cause));
    }
  }

  return (
    <section aria-labelledby="leave-course">
      <h2 id="leave-course">{t("leaveHeading")}</h2>
      {confirming ? (
        <ConfirmStep
          legend={t.rich("leaveConfirm", { title, bdi: (chunks) => <bdi>{chunks}</bdi> })}
          confirmLabel={t("leaveForGood")}
          cancelLabel={t("cancel")}
          pending={leave.isPending || leave.isSuccess}
          error={error}
          onConfirm={confirm}
          onCancel={() => {
            setConfirming(false);
            setError(null);
          }}
        />
      ) : (
        <button type="button" className="button-quiet" onClick={() => setConfirming(true)}>
          {t("leave")}
        </button>
      )}
    </section>
  );
}
