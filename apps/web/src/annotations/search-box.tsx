"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useState } from "react";
import type { TextSpan } from "~/reader/ranges";
import { useTRPC } from "~/trpc/react";
import { describeError } from "./error-sentence";

export interface SearchOutcome {
  textHits: TextSpan[];
  threadIds: string[];
}

/**
 * Arabic-aware search over the text and the threads (`annotation.search`): the server folds
 * tashkeel, tatweel and letter forms, and answers in code points of the canonical text, so
 * the hits are highlighted exactly where it found them.
 */
export function SearchBox({
  textId,
  onResult,
}: {
  textId: string;
  onResult: (result: SearchOutcome | null) => void;
}) {
  const t = useTranslations("annotations");
  const tErrors = useTranslations("errors");
  const locale = useLocale();
  const trpc = useTRPC();
  const inputId = useId();
  const [query, setQuery] = useState<string | null>(null);
  const search = useQuery(
    trpc.annotation.search.queryOptions(
      { textId, query: query ?? "" },
      { enabled: query !== null, staleTime: 10_000 },
    ),
  );

  useEffect(() => {
    onResult(query !== null && search.data ? search.data : null);
  }, [query, search.data, onResult]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("q") ?? "").trim();
    setQuery(value === "" ? null : value.slice(0, 200));
  }

  return (
    <search className="search-box">
      <form onSubmit={submit}>
        <label htmlFor={inputId} className="visually-hidden">
          {t("search")}
        </label>
        <input id={inputId} name="q" type="search" dir="auto" placeholder={t("search")} />
        <button type="submit" className="button-quiet">
          {t("searchButton")}
        </button>
        {query !== null ? (
          <>
            <p className="search-summary" aria-live="polite">
              {search.isError
                ? describeError(search.error, locale, tErrors("unexpected"))
                : search.data
                  ? t("searchSummary", {
                      text: search.data.textHits.length,
                      threads: search.data.threadIds.length,
                    })
                  : null}
            </p>
            <button type="reset" className="button-quiet" onClick={() => setQuery(null)}>
              {t("clearSearch")}
            </button>
          </>
        ) : null}
      </form>
    </search>
  );
}
