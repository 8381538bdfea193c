"use client";

import type { ModerationTarget } from "@hashiya/annotation-schema";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { ReasonForm } from "./reason-form";

/** "Report": any member asks the moderators to look at a post, saying why. */
export function FlagButton({ target }: { target: ModerationTarget }) {
  const t = useTranslations("moderation");
  const trpc = useTRPC();
  const flag = useMutation(trpc.moderation.flag.mutationOptions());
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <span className="muted" role="status">
        {t("flagged")}
      </span>
    );
  }
  if (!asking) {
    return (
      <button
        type="button"
        className="button-quiet"
        onClick={() => setAsking(true)}
        data-testid="flag-button"
      >
        {t("flag")}
      </button>
    );
  }
  return (
    <ReasonForm
      label={t("flagReason")}
      submitLabel={t("sendFlag")}
      required
      onSubmit={async (reason) => {
        await flag.mutateAsync({ target, reason });
        setAsking(false);
        setDone(true);
      }}
      onCancel={() => setAsking(false)}
    />
  );
}
