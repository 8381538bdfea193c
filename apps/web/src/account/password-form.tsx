"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormField } from "~/components/form-field";
import { useTRPC } from "~/trpc/react";
import { useErrorSentence } from "./use-error-sentence";

/** A new password, confirmed with the current one. */
export function PasswordForm() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const sentence = useErrorSentence();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    change.mutate(
      {
        currentPassword: String(data.get("currentPassword") ?? ""),
        newPassword: String(data.get("newPassword") ?? ""),
      },
      { onSuccess: () => form.reset() },
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
