"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormField } from "~/components/form-field";
import { useTRPC } from "~/trpc/react";
import { useErrorSentence } from "./use-error-sentence";

/** The display name, sanitised by the server like comment bodies. */
export function ProfileForm({ name, email }: { name: string; email: string }) {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const router = useRouter();
  const sentence = useErrorSentence();
  const [saved, setSaved] = useState<string | null>(null);
  const rename = useMutation(
    trpc.account.rename.mutationOptions({
      onSuccess: (result) => {
        setSaved(result.name);
        router.refresh();
      },
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    rename.mutate({ name: String(new FormData(event.currentTarget).get("name") ?? "") });
  }
  return (
    <form className="auth-form" onSubmit={submit} noValidate>
      <FormField
        id="name"
        label={t("name")}
        hint={t("nameHint")}
        defaultValue={saved ?? name}
        dir="auto"
        autoComplete="name"
        required
        error={rename.isError ? sentence(rename.error) : null}
      />
      <p>
        {t("email")}: <bdi dir="ltr">{email}</bdi>
      </p>
      <button type="submit" className="button" disabled={rename.isPending}>
        {rename.isPending ? t("saving") : t("saveName")}
      </button>
      {saved !== null ? <p role="status">{t("nameSaved")}</p> : null}
    </form>
  );
}
