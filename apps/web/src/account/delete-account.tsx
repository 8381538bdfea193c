"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { signOutAction } from "~/auth/actions";
import { FormField } from "~/components/form-field";
import { useTRPC } from "~/trpc/react";
import { useErrorSentence } from "./use-error-sentence";

/** Deletes the account, confirmed with the password and a checkbox; then signs out. */
export function DeleteAccount() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const sentence = useErrorSentence();
  const [confirmed, setConfirmed] = useState(false);
  const remove = useMutation(
    trpc.account.delete.mutationOptions({ onSuccess: () => void signOutAction() }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remove.mutate({
      password: String(new FormData(event.currentTarget).get("deletePassword") ?? ""),
    });
  }
  return (
    <form className="auth-form" onSubmit={submit} noValidate>
      <FormField
        id="deletePassword"
        label={t("deletePassword")}
        type="password"
        autoComplete="current-password"
        dir="ltr"
        required
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={confirmed}
          onChange={(event) => setConfirmed(event.target.checked)}
        />
        {t("deleteConfirm")}
      </label>
      {remove.isError ? (
        <p className="form-error" role="alert">
          {sentence(remove.error)}
        </p>
      ) : null}
      <button
        type="submit"
        className="button button-danger"
        disabled={!confirmed || remove.isPending || remove.isSuccess}
      >
        {remove.isPending ? t("deleting") : t("deleteButton")}
      </button>
    </form>
  );
}
