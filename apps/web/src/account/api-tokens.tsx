"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FormField } from "~/components/form-field";
import { useTRPC } from "~/trpc/react";
import { useErrorSentence } from "./use-error-sentence";

/**
 * Personal API tokens for the Web Annotation Protocol: create one (its secret is shown once,
 * here, and never again), see when each was last used, revoke it.
 */
export function ApiTokens() {
  const t = useTranslations("apiTokens");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sentence = useErrorSentence();
  const [revokedName, setRevokedName] = useState<string | null>(null);
  const tokens = useQuery(trpc.apiToken.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiToken.list.queryKey() });
  const create = useMutation(trpc.apiToken.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(
    trpc.apiToken.revoke.mutationOptions({
      onSuccess: (row) => {
        setRevokedName(row.name);
        return refresh();
      },
    }),
  );
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setRevokedName(null);
    create.mutate(
      { name: String(new FormData(form).get("apiTokenName") ?? "") },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <>
      <form className="auth-form" onSubmit={submit} noValidate>
        <FormField
          id="apiTokenName"
          label={t("name")}
          hint={t("nameHint")}
          maxLength={80}
          required
          error={create.isError ? sentence(create.error) : null}
        />
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t("creating") : t("create")}
        </button>
      </form>
      {create.data ? (
        <div role="status" data-testid="new-api-token">
          <p>{t("created", { name: create.data.name })}</p>
          <label htmlFor="new-api-token">{t("tokenLabel")}</label>
          <input id="new-api-token" readOnly dir="ltr" value={create.data.token} size={52} />
        </div>
      ) : null}
      <h3>{t("list")}</h3>
      {tokens.data?.length === 0 ? <p>{t("none")}</p> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <table className="preferences" data-testid="api-tokens">
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("createdAt")}</th>
              <th scope="col">{t("lastUsed")}</th>
              <th scope="col">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id}>
                <th scope="row" dir="auto">
                  {token.name}
                </th>
                <td>{when(token.createdAt)}</td>
                <td>{token.lastUsedAt ? when(token.lastUsedAt) : t("never")}</td>
                <td>
                  {token.revokedAt ? (
                    t("revokedOn", { date: when(token.revokedAt) })
                  ) : (
                    <button
                      type="button"
                      className="button button-danger"
                      aria-label={t("revokeLabel", { name: token.name })}
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate({ id: token.id })}
                    >
                      {t("revoke")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p role="status">
        {revoke.isError
          ? sentence(revoke.error)
          : revokedName
            ? t("revoked", { name: revokedName })
            : ""}
      </p>
    </>
  );
}
