"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { ConfirmStep } from "~/components/confirm-step";
import { ExportDialog } from "~/export/export-dialog";
import { useTRPC } from "~/trpc/react";
import { useDescribeError } from "../use-describe-error";
import { useCourseAction } from "./use-course-action";

interface Props {
  text: { id: string; title: string };
  disabled: boolean;
  onDeleted: (title: string) => void;
}

/**
 * Deleting a text, after a confirmation that says what goes with it (counted by the server)
 * and offers the export first. Its open readers lose access at once (the server says so).
 */
export function DeleteText({ text, disabled, onDeleted }: Props) {
  const t = useTranslations("courseExits");
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const impact = useQuery({
    ...trpc.text.deletionImpact.queryOptions({ textId: text.id }),
    enabled: confirming,
    staleTime: 0,
  });
  const remove = useMutation(trpc.text.delete.mutationOptions());
  const action = useCourseAction();
  const describe = useDescribeError();

  if (!confirming) {
    return (
      <button
        type="button"
        className="button-quiet"
        disabled={disabled}
        aria-label={t("deleteTextNamed", { title: text.title })}
        onClick={() => setConfirming(true)}
      >
        {t("deleteText")}
      </button>
    );
  }
  const bdi = (chunks: ReactNode) => <bdi>{chunks}</bdi>;
  return (
    <ConfirmStep
      legend={t.rich("deleteConfirm", { title: text.title, bdi })}
      confirmLabel={t("deleteForGood")}
      cancelLabel={t("cancel")}
      pending={action.pending || !impact.data}
      error={action.error ?? (impact.error ? describe(impact.error) : null)}
      onConfirm={async () => {
        const done = await action.run(() => remove.mutateAsync({ textId: text.id }));
        if (done) onDeleted(text.title);
      }}
      onCancel={() => setConfirming(false)}
    >
      <p data-testid="delete-impact" aria-live="polite">
        {impact.data ? t("deleteLoses", impact.data) : t("deleteCounting")}
      </p>
      <p>{t("exportFirst")}</p>
      <ExportDialog kind="text" id={text.id} />
    </ConfirmStep>
  );
}
