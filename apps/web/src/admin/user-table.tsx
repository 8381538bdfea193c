"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorSentence } from "~/account/use-error-sentence";
import { useTRPC } from "~/trpc/react";

/** The site's users, searched by name or email; admins can make or unmake admins. */
export function UserTable({ viewerId }: { viewerId: string }) {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sentence = useErrorSentence();
  const [query, setQuery] = useState("");
  const pages = useInfiniteQuery(
    trpc.admin.users.infiniteQueryOptions(
      { query, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, initialCursor: null },
    ),
  );
  const setAdmin = useMutation(
    trpc.admin.setAdmin.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.queryKey() }),
    }),
  );
  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQuery(String(new FormData(event.currentTarget).get("userQuery") ?? ""));
  }
  const users = pages.data?.pages.flatMap((page) => page.users) ?? [];
  return (
    <>
      <search>
        <form onSubmit={search} className="admin-search">
          <label htmlFor="userQuery">{t("searchUsers")}</label>
          <input id="userQuery" name="userQuery" type="search" dir="auto" />
          <button type="submit" className="button-quiet">
            {t("search")}
          </button>
        </form>
      </search>
      {setAdmin.isError ? (
        <p className="form-error" role="alert">
          {sentence(setAdmin.error)}
        </p>
      ) : null}
      {pages.isSuccess && users.length === 0 ? <p>{t("none")}</p> : null}
      {users.length > 0 ? (
        <table className="admin-table" data-testid="admin-users">
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("coursesCount")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  <bdi>{user.name}</bdi>
                </th>
                <td dir="ltr">{user.email}</td>
                <td>{user.deletedAt ? t("deleted") : user.isAdmin ? t("admin") : t("member")}</td>
                <td>{user.courses}</td>
                <td>
                  {user.deletedAt ? null : (
                    <button
                      type="button"
                      className="button-quiet"
                      disabled={setAdmin.isPending || (user.isAdmin && user.id === viewerId)}
                      onClick={() => setAdmin.mutate({ userId: user.id, isAdmin: !user.isAdmin })}
                    >
                      {user.isAdmin ? t("unmakeAdmin") : t("makeAdmin")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pages.hasNextPage ? (
        <button type="button" className="button-quiet" onClick={() => void pages.fetchNextPage()}>
          {t("more")}
        </button>
      ) : null}
    </>
  );
}
