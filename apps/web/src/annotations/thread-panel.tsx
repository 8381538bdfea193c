"use client";

import { useTranslations } from "next-intl";
import { memo, type ReactNode, useEffect, useMemo, useState } from "react";
import { FiltersBar } from "./filters-bar";
import { filterChoices, type ThreadFilters } from "./filters";
import { SearchBox, type SearchOutcome } from "./search-box";
import { type ThreadActions, ThreadCard } from "./thread-card";
import type { ThreadView } from "./types";
import { useCardAlignment } from "./use-card-alignment";
import type { LiveStatus } from "./use-thread-list";

/** The card id of the new-thread composer (never a thread id: those are cuids). */
export const DRAFT_ID = "new";

/**
 * A text may carry thousands of threads: only the first cards and those near the viewport
 * (or active) are rendered in full; the others stand as light placeholders of about a card's
 * height, holding their passage's quote, until they come within `REVEAL_MARGIN` of the
 * viewport. A card once shown stays shown.
 */
const EAGER_CARDS = 30;
const REVEAL_MARGIN = "1500px 0px";
const PLACEHOLDER_HEIGHT = "9rem";

export interface ThreadPanelProps {
  textId: string;
  text: { language: string; direction: "rtl" | "ltr" };
  /** Every thread the viewer may see; null while they are still on their way. */
  all: ThreadView[] | null;
  /** Those the filters and the search let through; null like `all`. */
  shown: ThreadView[] | null;
  filters: ThreadFilters;
  onFilters: (filters: ThreadFilters) => void;
  onSearch: (result: SearchOutcome | null) => void;
  activeId: string | null;
  onActivate: (id: string) => void;
  viewerId: string | null;
  canWrite: boolean;
  actions: ThreadActions;
  live: LiveStatus;
  /** The new-thread composer, placed among the threads where its passage is. */
  draft: { start: number; node: ReactNode } | null;
  /** Shown above the list (the hint to sign in, or that only members annotate). */
  notice: ReactNode;
  /** Top of a thread's passage in client coordinates, for aligning its card. */
  passageTop: (id: string) => number | null;
  tick: number;
}

/**
 * The threads beside the text (on the inline-end side: left of an Arabic text in the Arabic
 * interface, right in the English one), in reading order, each aligned with its passage.
 */
export const ThreadPanel = memo(function ThreadPanel(props: ThreadPanelProps) {
  const { filters } = props;
  const loading = props.all === null;
  const all = props.all ?? NONE;
  const shown = props.shown ?? NONE;
  const t = useTranslations("annotations");
  const [list, setList] = useState<HTMLOListElement | null>(null);
  const choices = useMemo(() => filterChoices(all), [all]);
  // Where the draft goes: before the first thread whose passage starts after its own.
  const draftAt = props.draft
    ? (() => {
        const at = shown.findIndex((thread) => thread.start > (props.draft?.start ?? 0));
        return at < 0 ? shown.length : at;
      })()
    : -1;
  const ids = useMemo(() => {
    const list = shown.map((thread) => thread.id);
    if (draftAt >= 0) list.splice(draftAt, 0, DRAFT_ID);
    return list;
  }, [shown, draftAt]);
  const draftItem = props.draft ? (
    <li key={DRAFT_ID} data-card={DRAFT_ID}>
      {props.draft.node}
    </li>
  ) : null;
  const revealed = useRevealedCards(list, shown);
  useCardAlignment(list, ids, props.passageTop, props.tick);

  return (
    <aside className="thread-panel" aria-labelledby="threads-heading" data-testid="thread-panel">
      <div className="thread-panel-head">
        <h2 id="threads-heading">
          {t("threads")} <span className="count">({all.length})</span>
        </h2>
        <span className="live-status" data-status={props.live} role="status">
          {t(`live_${props.live}`)}
        </span>
      </div>
      <SearchBox textId={props.textId} onResult={props.onSearch} />
      <FiltersBar value={filters} onChange={props.onFilters} choices={choices} />
      {props.notice}
      {loading ? (
        <p className="muted">{t("loadingThreads")}</p>
      ) : shown.length === 0 && !props.draft ? (
        <p className="muted">{all.length === 0 ? t("noThreads") : t("noMatches")}</p>
      ) : null}
      <ol className="thread-list" ref={setList} aria-busy={loading || undefined}>
        {draftAt === 0 ? draftItem : null}
        {shown.map((thread, i) => [
          i >= EAGER_CARDS && thread.id !== props.activeId && !revealed.has(thread.id) ? (
            <li
              key={thread.id}
              data-card={thread.id}
              data-placeholder=""
              style={{ minBlockSize: PLACEHOLDER_HEIGHT }}
            >
              <p className="thread-quote" lang={props.text.language} dir={props.text.direction}>
                {thread.quote}
              </p>
            </li>
          ) : (
            <li key={thread.id} data-card={thread.id}>
              <ThreadCard
                thread={thread}
                active={thread.id === props.activeId}
                viewerId={props.viewerId}
                canWrite={props.canWrite}
                text={props.text}
                actions={props.actions}
                onActivate={props.onActivate}
              />
            </li>
          ),
          draftAt === i + 1 ? draftItem : null,
        ])}
      </ol>
    </aside>
  );
});

const NONE: ThreadView[] = [];

/** Ids of the placeholder cards that came near the viewport (see EAGER_CARDS). */
function useRevealedCards(
  list: HTMLElement | null,
  shown: readonly ThreadView[],
): ReadonlySet<string> {
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    if (!list || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        const near = entries
          .filter((entry) => entry.isIntersecting)
          .map((entry) => (entry.target as HTMLElement).dataset.card)
          .filter((id): id is string => id !== undefined);
        if (near.length === 0) return;
        for (const entry of entries) if (entry.isIntersecting) observer.unobserve(entry.target);
        setRevealed((previous) => new Set([...previous, ...near]));
      },
      { rootMargin: REVEAL_MARGIN },
    );
    for (const child of Array.from(
      list.querySelectorAll<HTMLElement>(":scope > li[data-placeholder]"),
    )) {
      observer.observe(child);
    }
    return () => observer.disconnect();
  }, [list, shown, revealed]);
  return revealed;
}
