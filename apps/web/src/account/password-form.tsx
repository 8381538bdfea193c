"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormField } from "~/components/form-field";
import { renewSessionAction } from "~/auth/actions";
import { useTRPC } from "~/trpc/react";
import { useErrorSentence } from "./use-error-sentence";

/**
 * A new password, confirmed with the current one. The change ends every session of the
 * account, this browser's too: it signs in again with the new password at once.
 */
export function PasswordForm({ email }: { email: string }) {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const router = useRouter();
  const sentence = useErrorSentence();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const newPassword = String(data.get("newPassword") ?? "");
    change.mutate(
      { currentPassword: String(data.get("currentPassword") ?? ""), newPassword },
      {
        onSuccess: async () => {
          form.reset();
          await renewSessionAction(email, newPassword);
          router.refresh();
        },
      },
    );
  }
  return (
    <form className="auth-form" onSubmit={submit} noValidate>
      <FormField
        id="currentPassword"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        dir="ltr"
        required
      />
      <FormField
        id="newPassword"
        label={t("newPassword")}
        hint={t("newPasswordHint")}
        type="password"
        autoComplete="new-password"
        dir="ltr"
        required
      />
      {change.isError ? (
        <p className="form-error" role="alert">
          {sentence(change.error)}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={change.isPending}>
        {change.isPending ? t("saving") : t("changePassword")}
      </button>
      {change.isSuccess ? <p role="status">{t("passwordChanged")}</p> : null}
    </form>
  );
}
