"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import SuperJSON from "superjson";
import { useTRPC } from "~/trpc/react";
import { useErrorSentence } from "./use-error-sentence";

/** Downloads the person's own data (account.exportData) as a JSON file. */
export function DataDownload() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sentence = useErrorSentence();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });
  async function download() {
    setState({ busy: true, error: null });
    try {
      const data = await queryClient.fetchQuery({
        ...trpc.account.exportData.queryOptions(),
        staleTime: 0,
      });
      // Plain JSON (dates as ISO strings), readable by anything.
      const json = JSON.stringify(SuperJSON.serialize(data).json, null, 2);
      const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `hashiya-data-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      URL.revokeObjectURL(url);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: sentence(error) });
    }
  }
  return (
    <>
      <button type="button" className="button" onClick={download} disabled={state.busy}>
        {state.busy ? t("downloading") : t("download")}
      </button>
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </>
  );
}
