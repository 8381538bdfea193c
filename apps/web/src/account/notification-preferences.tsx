"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";
import { useErrorSentence } from "./use-error-sentence";

/** Per kind of notification: shown on the site, and emailed. Each change is saved at once. */
export function NotificationPreferences() {
  const t = useTranslations("account");
  const tKinds = useTranslations("notifications.kinds");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sentence = useErrorSentence();
  const preferences = useQuery(trpc.notification.preferences.queryOptions());
  const save = useMutation(
    trpc.notification.setPreference.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.notification.preferences.queryKey() }),
    }),
  );
  if (!preferences.data) return null;
  return (
    <>
      <table className="preferences" data-testid="notification-preferences">
        <thead>
          <tr>
            <th scope="col">{t("kind")}</th>
            <th scope="col">{t("inApp")}</th>
            <th scope="col">{t("byEmail")}</th>
          </tr>
        </thead>
        <tbody>
          {preferences.data.map((choice) => (
            <tr key={choice.kind}>
              <th scope="row">{tKinds(choice.kind)}</th>
              <td>
                <input
                  type="checkbox"
                  checked={choice.inApp}
                  aria-label={`${tKinds(choice.kind)} · ${t("inApp")}`}
                  onChange={(event) => save.mutate({ ...choice, inApp: event.target.checked })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  checked={choice.email}
                  aria-label={`${tKinds(choice.kind)} · ${t("byEmail")}`}
                  onChange={(event) => save.mutate({ ...choice, email: event.target.checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status">
        {save.isError ? sentence(save.error) : save.isSuccess ? t("preferencesSaved") : ""}
      </p>
    </>
  );
}
