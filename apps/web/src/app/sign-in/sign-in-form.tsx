"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { type SignInState, signInAction } from "~/auth/actions";
import { FormField } from "~/components/form-field";
import { type AppErrorCode, errorSentence } from "~/i18n/errors";

export function SignInForm({
  callbackUrl,
  refused,
}: {
  callbackUrl: string;
  /** A refusal that arrived in the URL (the form posted without JavaScript). */
  refused: AppErrorCode | null;
}) {
  const t = useTranslations("signIn");
  const locale = useLocale();
  const [state, action, pending] = useActionState<SignInState, FormData>(
    signInAction,
    refused ? { error: refused, email: "" } : null,
  );
  return (
    <form action={action} className="auth-form" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state ? (
        <p className="form-error" role="alert" id="sign-in-error">
          {errorSentence(state.error, locale)}
        </p>
      ) : null}
      <FormField
        id="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        dir="ltr"
        required
        defaultValue={state?.email}
        aria-describedby={state ? "sign-in-error" : undefined}
      />
      <FormField
        id="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        dir="ltr"
        required
        aria-invalid={state ? true : undefined}
        aria-describedby={state ? "sign-in-error" : undefined}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
