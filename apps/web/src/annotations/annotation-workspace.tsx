"use client";

import type { JSONContent } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { TextBlock } from "~/reader/blocks-to-doc";
import { trimmedSpan } from "~/reader/caret-moves";
import { clearHighlights, paintHighlights } from "~/reader/highlights";
import { KeyboardCaret } from "~/reader/keyboard-caret";
import { groupPassages, type Passage } from "~/reader/overlaps";
import type { TextSpan } from "~/reader/ranges";
import { Reader } from "~/reader/reader";
import { useLayoutTick } from "~/reader/use-layout-tick";
import { useReaderKeys } from "~/reader/use-reader-keys";
import { readSelection, useReaderSelection } from "~/reader/use-reader-selection";
import { useTextRanges } from "~/reader/use-text-ranges";
import { AnnotateButton } from "./annotate-button";
import { CommentForm, type ThreadOptions } from "./composer/comment-form";
import { filterThreads, noFilters, type ThreadFilters } from "./filters";
import { KeyboardHelp } from "./keyboard-help";
import { PassageBadges } from "./passage-badges";
import type { SearchOutcome } from "./search-box";
import type { ThreadActions } from "./thread-card";
import { DRAFT_ID, ThreadPanel } from "./thread-panel";
import type { ThreadView } from "./types";
import { useThreadList, useThreadWrites } from "./use-thread-list";

export interface AnnotationWorkspaceProps {
  text: {
    id: string;
    version: number;
    blocks: TextBlock[];
    direction: "rtl" | "ltr";
    language: string;
  };
  label: string;
  /** The signed-in reader and whether they may annotate (a course member); null: anonymous. */
  viewer: { id: string; canAnnotate: boolean } | null;
  /** `annotation.list` as the server read it for this page. */
  snapshot: { threads: ThreadView[]; lastEventId: string };
}

/** Comments on bodies the editor produces: the server's schema is the gate. */
type BodyInput = Parameters<ReturnType<typeof useThreadWrites>["create"]["mutateAsync"]>[0]["body"];
const asBody = (json: JSONContent) => json as BodyInput;

/**
 * The text with its threads: highlights over the text, a count per passage in the margin,
 * selecting (mouse or keyboard) and annotating, and the live thread panel beside it.
 */
export function AnnotationWorkspace({ text, label, viewer, snapshot }: AnnotationWorkspaceProps) {
  const t = useTranslations("annotations");
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [column, setColumn] = useState<HTMLDivElement | null>(null);
  const articleRef = useRef<HTMLElement | null>(null);
  const ranges = useTextRanges(root);
  const tick = useLayoutTick(column);
  const selection = useReaderSelection(ranges);
  const [textFocused, setTextFocused] = useState(false);
  const [announcement, setAnnouncement] = useState("");

  const { threads, status, record } = useThreadList(text.id, snapshot);
  const writes = useThreadWrites(record);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [pending, setPending] = useState<TextSpan | null>(null);
  const [filters, setFilters] = useState<ThreadFilters>(noFilters);
  const [search, setSearch] = useState<SearchOutcome | null>(null);
  const canWrite = viewer?.canAnnotate ?? false;

  const shown = useMemo(
    () =>
      filterThreads(threads, { ...filters, matching: search ? new Set(search.threadIds) : null }),
    [threads, filters, search],
  );
  // Orphans have no passage to paint; they stay listed in the panel.
  const anchored = useMemo(() => shown.filter((th) => th.anchorState !== "orphaned"), [shown]);
  const passages = useMemo(() => groupPassages(anchored), [anchored]);
  const active = threads.find((th) => th.id === activeId) ?? null;

  useEffect(() => {
    if (!ranges) return;
    paintHighlights(ranges, {
      threads: anchored,
      active: active && active.anchorState !== "orphaned" ? [active] : [],
      pending,
      search: search?.textHits ?? [],
    });
  }, [ranges, anchored, active, pending, search]);
  useEffect(() => clearHighlights, []);

  const annotate = useCallback(() => {
    if (!canWrite) {
      setAnnouncement(t(viewer ? "membersOnly" : "signInToAnnotate"));
      return;
    }
    const current = ranges ? readSelection(ranges) : null;
    const span =
      ranges && current?.span
        ? trimmedSpan(ranges.text, { anchor: current.span.start, focus: current.span.end })
        : null;
    if (!span) {
      setAnnouncement(t("selectFirst"));
      return;
    }
    setPending(span);
  }, [canWrite, ranges, viewer, t]);

  const onKeyDown = useReaderKeys({ ranges, direction: text.direction, onAnnotate: annotate });

  // A card far from the viewport may still be a placeholder (thread-panel.tsx): activating
  // its thread renders it in full on the next frame.
  const cardOf = (id: string) =>
    column?.ownerDocument.querySelector<HTMLElement>(`[data-card="${CSS.escape(id)}"] .thread`);
  const withCard = (id: string, use: (card: HTMLElement) => void) => {
    const card = cardOf(id);
    if (card) use(card);
    else
      requestAnimationFrame(() => {
        const later = cardOf(id);
        if (later) use(later);
      });
  };

  const activateAt = (offset: number) => {
    // The innermost thread under the click: the one whose passage is shortest.
    const hit = anchored
      .filter((th) => th.start <= offset && offset < th.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    // A click on plain text puts the active thread down.
    setActiveId(hit?.id ?? null);
    if (!hit) return;
    withCard(hit.id, (card) => card.scrollIntoView({ block: "nearest", behavior: "smooth" }));
  };

  const openPassage = (passage: Passage<ThreadView>) => {
    const first = passage.items[0];
    if (!first) return;
    setActiveId(first.id);
    withCard(first.id, (card) => card.focus());
  };

  const passageTop = useCallback(
    (id: string) => {
      const thread = id === DRAFT_ID ? pending : threads.find((th) => th.id === id);
      if (!ranges || !thread || ("anchorState" in thread && thread.anchorState === "orphaned")) {
        return null;
      }
      return ranges.toRange(thread)?.getClientRects()[0]?.top ?? null;
    },
    [ranges, threads, pending],
  );

  const actions: ThreadActions = {
    showPassage: (thread) => {
      setActiveId(thread.id);
      const rect = ranges?.toRange(thread)?.getClientRects()[0];
      if (rect) window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: "smooth" });
    },
    filterByTag: (tag) => setFilters((f) => ({ ...f, tag })),
    reply: async (annotationId, body) => {
      await writes.reply.mutateAsync({ annotationId, body: asBody(body) });
    },
    editThread: async (annotationId, body, options) => {
      await writes.edit.mutateAsync({ annotationId, body: asBody(body), ...options });
    },
    removeThread: async (annotationId) => {
      await writes.remove.mutateAsync({ annotationId });
      setAnnouncement(t("deletedNotice"));
    },
    reactThread: (id, kind, on) =>
      writes.react.mutate({ target: { type: "annotation", id }, kind, on }),
    edit: async (replyId, body) => {
      await writes.editReply.mutateAsync({ replyId, body: asBody(body) });
    },
    remove: async (replyId) => {
      await writes.removeReply.mutateAsync({ replyId });
    },
    react: (id, kind, on) => writes.react.mutate({ target: { type: "reply", id }, kind, on }),
  };

  const create = async (body: JSONContent, options: ThreadOptions | undefined) => {
    if (!pending) return;
    const outcome = await writes.create.mutateAsync({
      textId: text.id,
      textVersion: text.version,
      start: pending.start,
      end: pending.end,
      body: asBody(body),
      ...options,
    });
    setPending(null);
    ranges?.root.ownerDocument.getSelection()?.removeAllRanges();
    if (outcome.thread) setActiveId(outcome.thread.id);
    setAnnouncement(t("posted"));
  };

  const quoteOf = (span: TextSpan) =>
    ranges ? [...ranges.text].slice(span.start, span.end).join("") : "";
  const keysHelpId = useId();

  const draft = pending ? (
    <CommentForm
      key={`${pending.start}-${pending.end}`}
      label={t("composerLabel")}
      submitLabel={t("post")}
      testId="thread-composer"
      threadOptions={{ visibility: "course", isQuestion: false, tags: [] }}
      header={
        <blockquote className="composer-quote" lang={text.language} dir={text.direction}>
          {quoteOf(pending)}
        </blockquote>
      }
      onSubmit={create}
      onCancel={() => {
        setPending(null);
        articleRef.current?.focus();
      }}
    />
  ) : null;
  const notice = pending ? null : viewer === null ? (
    <p className="hint">{t("signInToAnnotate")}</p>
  ) : !canWrite ? (
    <p className="hint">{t("membersOnly")}</p>
  ) : null;

  const caretAt = textFocused && selection && selection.span === null ? selection.focus : null;

  return (
    <div className="workspace">
      <div className="text-column" ref={setColumn}>
        <KeyboardHelp id={keysHelpId} />
        <Reader
          blocks={text.blocks}
          direction={text.direction}
          language={text.language}
          label={label}
          onRoot={setRoot}
          articleProps={{
            tabIndex: 0,
            "aria-describedby": keysHelpId,
            onKeyDown,
            onFocus: () => setTextFocused(true),
            onBlur: () => setTextFocused(false),
            onClick: () => {
              const current = ranges ? readSelection(ranges) : null;
              if (current && current.span === null) activateAt(current.focus);
            },
          }}
          articleRef={articleRef}
        />
        <PassageBadges
          ranges={ranges}
          passages={passages}
          container={column}
          tick={tick}
          onOpen={openPassage}
        />
        {canWrite && !pending ? (
          <AnnotateButton
            ranges={ranges}
            span={selection?.span ?? null}
            container={column}
            tick={tick}
            onAnnotate={annotate}
          />
        ) : null}
        <KeyboardCaret ranges={ranges} at={caretAt} container={column} tick={tick} />
      </div>
      <ThreadPanel
        textId={text.id}
        text={text}
        all={threads}
        shown={shown}
        filters={filters}
        onFilters={setFilters}
        onSearch={setSearch}
        activeId={activeId}
        onActivate={setActiveId}
        viewerId={viewer?.id ?? null}
        canWrite={canWrite}
        actions={actions}
        live={status}
        draft={pending && draft ? { start: pending.start, node: draft } : null}
        notice={notice}
        passageTop={passageTop}
        tick={tick}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
