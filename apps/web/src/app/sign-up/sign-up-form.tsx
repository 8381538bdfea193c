"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { signInAction } from "~/auth/actions";
import { FormField } from "~/components/form-field";
import { type AppErrorCode, errorSentence, isAppErrorCode } from "~/i18n/errors";
import { useTRPC } from "~/trpc/react";

type Field = "name" | "email" | "password" | "form";

/** Which field an API error belongs to, so the sentence appears next to it. */
function fieldOf(code: AppErrorCode): Field {
  if (code === "auth.email_taken") return "email";
  if (code.startsWith("auth.weak_password.")) return "password";
  if (code === "display_name.invalid") return "name";
  return "form";
}

/** `returnTo`: the page to land on once signed in (already checked to be on this site). */
export function SignUpForm({ returnTo = "/" }: { returnTo?: string }) {
  const t = useTranslations("signUp");
  const tErrors = useTranslations("errors");
  const locale = useLocale();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [error, setError] = useState<{ field: Field; sentence: string } | null>(null);
  const [signingIn, startSignIn] = useTransition();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    try {
      await signUp.mutateAsync({
        name: String(form.get("name") ?? ""),
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        locale,
      });
    } catch (cause) {
      const code = cause instanceof TRPCClientError ? cause.data?.appCode : null;
      setError(
        isAppErrorCode(code)
          ? { field: fieldOf(code), sentence: errorSentence(code, locale) }
          : { field: "form", sentence: tErrors("unexpected") },
      );
      return;
    }
    // The account exists: sign in with the same credentials and go on (home, or a join link).
    form.set("callbackUrl", returnTo);
    startSignIn(async () => {
      const refused = await signInAction(null, form);
      if (refused) setError({ field: "form", sentence: errorSentence(refused.error, locale) });
    });
  }

  const pending = signUp.isPending || signingIn;
  const errorFor = (field: Field) => (error?.field === field ? error.sentence : null);

  return (
    <form onSubmit={onSubmit} className="auth-form" noValidate>
      {error?.field === "form" ? (
        <p className="form-error" role="alert" id="form-error">
          {error.sentence}
        </p>
      ) : null}
      <FormField
        id="name"
        label={t("name")}
        autoComplete="name"
        dir="auto"
        required
        maxLength={80}
        error={errorFor("name")}
      />
      <FormField
        id="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        dir="ltr"
        required
        error={errorFor("email")}
      />
      <FormField
        id="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        dir="ltr"
        required
        hint={t("passwordHint")}
        error={errorFor("password")}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
