"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormField } from "~/components/form-field";
import { useTRPC } from "~/trpc/react";
import { useErrorSentence } from "./use-error-sentence";

/** Sets a new password with the secret from the emailed link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const sentence = useErrorSentence();
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset.mutate({
      token,
      password: String(new FormData(event.currentTarget).get("newPassword") ?? ""),
    });
  }
  if (reset.isSuccess) {
    return (
      <p role="status">
        {t("resetDone")} <Link href="/sign-in">{t("signInLink")}</Link>
      </p>
    );
  }
  return (
    <form className="auth-form" onSubmit={submit} noValidate>
      <FormField
        id="newPassword"
        label={t("newPassword")}
        hint={t("newPasswordHint")}
        type="password"
        autoComplete="new-password"
        dir="ltr"
        required
      />
      {reset.isError ? (
        <p className="form-error" role="alert">
          {sentence(reset.error)} <Link href="/forgot-password">{t("askAgain")}</Link>
        </p>
      ) : null}
      <button type="submit" className="button" disabled={reset.isPending}>
        {reset.isPending ? t("saving") : t("resetButton")}
      </button>
    </form>
  );
}
