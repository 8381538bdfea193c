"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { FormField } from "~/components/form-field";
import { useTRPC } from "~/trpc/react";
import { useErrorSentence } from "./use-error-sentence";

/** Asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const sentence = useErrorSentence();
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate({ email: String(new FormData(event.currentTarget).get("email") ?? "").trim() });
  }
  if (request.isSuccess) return <p role="status">{t("sent")}</p>;
  return (
    <form className="auth-form" onSubmit={submit} noValidate>
      <FormField
        id="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        dir="ltr"
        required
      />
      {request.isError ? (
        <p className="form-error" role="alert">
          {sentence(request.error)}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={request.isPending}>
        {request.isPending ? t("sending") : t("sendLink")}
      </button>
    </form>
  );
}
