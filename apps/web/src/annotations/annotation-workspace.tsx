"use client";

import type { JSONContent } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useErrorSentence } from "~/account/use-error-sentence";
import { useIdleAfter } from "~/components/use-idle-after";
import { useAccessRevoked } from "~/courses/access-events";
import { AccessLostNotice } from "~/courses/access-lost-notice";
import { useModerationBridge } from "~/moderation/context";
import { trimmedSpan } from "~/reader/caret-moves";
import { clearHighlights, paintHighlights } from "~/reader/highlights";
import { groupPassages, type Passage } from "~/reader/overlaps";
import type { TextSpan } from "~/reader/ranges";
import { Reader } from "~/reader/reader";
import { isNear, useBlocksInView } from "~/reader/use-blocks-in-view";
import { useLayoutTick } from "~/reader/use-layout-tick";
import { useReaderKeys } from "~/reader/use-reader-keys";
import { readSelection } from "~/reader/use-reader-selection";
import { useTextRanges } from "~/reader/use-text-ranges";
import { type Anchor, usePaintedAnchors } from "./anchors";
import { CommentForm, preloadCommentForm, type ThreadOptions } from "./composer/lazy-comment-form";
import { filterThreads, noFilters, type ThreadFilters } from "./filters";
import { KeyboardHelp } from "./keyboard-help";
import { PassageBadges } from "./passage-badges";
import type { SearchOutcome } from "./search-box";
import { SelectionOverlays } from "./selection-overlays";
import type { ThreadActions } from "./thread-card";
import { DRAFT_ID, ThreadPanel } from "./thread-panel";
import { useLinkedThread } from "./use-linked-thread";
import { useThreadList, useThreadWrites } from "./use-thread-list";

export interface AnnotationWorkspaceProps {
  text: {
    id: string;
    version: number;
    direction: "rtl" | "ltr";
    language: string;
  };
  label: string;
  /** The signed-in reader and whether they may annotate (a course member); null: anonymous. */
  viewer: { id: string; canAnnotate: boolean } | null;
  /**
   * `annotation.anchors` as the server read it for this page: the passages are painted from
   * these at once, while the threads themselves (`annotation.list`) are still on their way.
   */
  anchors: Anchor[];
  /** The text itself, rendered on the server (<ReaderText>). */
  children: ReactNode;
}

/** Comments on bodies the editor produces: the server's schema is the gate. */
type BodyInput = Parameters<ReturnType<typeof useThreadWrites>["create"]["mutateAsync"]>[0]["body"];
const asBody = (json: JSONContent) => json as BodyInput;

/**
 * The text with its threads: highlights over the text, a count per passage in the margin,
 * selecting (mouse or keyboard) and annotating, and the live thread panel beside it.
 */
export function AnnotationWorkspace({
  text,
  label,
  viewer,
  anchors,
  children,
}: AnnotationWorkspaceProps) {
  const t = useTranslations("annotations");
  const tModeration = useTranslations("moderation");
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [column, setColumn] = useState<HTMLDivElement | null>(null);
  const articleRef = useRef<HTMLElement | null>(null);
  const ranges = useTextRanges(root);
  const near = useBlocksInView(root);
  const tick = useLayoutTick(column);
  const [announcement, setAnnouncement] = useState("");
  // A write without a form of its own (a reaction) says here why it failed (e.g. too many).
  const [failure, setFailure] = useState<string | null>(null);
  const sentence = useErrorSentence();

  // The text and its highlights first; then, at the browser's next free moment (50 ms at
  // most), the threads' bodies and the composer's code.
  const [paintedOnce, setPaintedOnce] = useState(false);
  const settled = useIdleAfter(paintedOnce, 50);
  const { threads, status, record } = useThreadList(text.id, settled);
  const writes = useThreadWrites(record);
  // Moderation controls on the cards apply their answers here; a post may open classmates' work.
  const moderation = useModerationBridge(record);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [pending, setPending] = useState<TextSpan | null>(null);
  const [filters, setFilters] = useState<ThreadFilters>(noFilters);
  const [search, setSearch] = useState<SearchOutcome | null>(null);
  // Lost access while reading (the live stream or the collab server says so): no writing.
  const revoked = useAccessRevoked(text.id);
  const canWrite = (viewer?.canAnnotate ?? false) && !revoked;

  const shown = useMemo(
    () =>
      threads &&
      filterThreads(threads, { ...filters, matching: search ? new Set(search.threadIds) : null }),
    [threads, filters, search],
  );
  // What is painted: the server's anchors until the threads arrive, then the shown threads'
  // (orphans have no passage; they stay listed in the panel).
  const painted = usePaintedAnchors(anchors, shown);
  const passages = useMemo(() => groupPassages(painted.list), [painted]);
  const active = activeId === null ? undefined : painted.byId.get(activeId);

  useEffect(() => {
    if (!ranges) return;
    paintHighlights(ranges, {
      threads: painted.list,
      active: active ? [active] : [],
      pending,
      search: search?.textHits ?? [],
    });
    setPaintedOnce(true);
  }, [ranges, painted, active, pending, search]);
  useEffect(() => {
    if (settled && canWrite) preloadCommentForm();
  }, [settled, canWrite]);
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
  const withCard = useCallback(
    (id: string, use: (card: HTMLElement) => void) => {
      const cardOf = () =>
        column?.ownerDocument.querySelector<HTMLElement>(`[data-card="${CSS.escape(id)}"] .thread`);
      const card = cardOf();
      if (card) use(card);
      else
        requestAnimationFrame(() => {
          const later = cardOf();
          if (later) use(later);
        });
    },
    [column],
  );

  const onTextClick = useCallback(() => {
    const current = ranges ? readSelection(ranges) : null;
    if (!current || current.span !== null) return;
    const offset = current.focus;
    // The innermost thread under the click: the one whose passage is shortest.
    const hit = painted.list
      .filter((th) => th.start <= offset && offset < th.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    // A click on plain text puts the active thread down.
    setActiveId(hit?.id ?? null);
    if (!hit) return;
    withCard(hit.id, (card) => card.scrollIntoView({ block: "nearest", behavior: "smooth" }));
  }, [ranges, painted, withCard]);

  // A link to one thread (?thread=…) opens it: active, its card in view and focused.
  const openLinked = useCallback(
    (id: string) => {
      setActiveId(id);
      withCard(id, (card) => {
        card.scrollIntoView({ block: "center" });
        card.focus();
      });
    },
    [withCard],
  );
  useLinkedThread(threads, openLinked);

  const openPassage = useCallback(
    (passage: Passage<Anchor>) => {
      const first = passage.items[0];
      if (!first) return;
      setActiveId(first.id);
      withCard(first.id, (card) => card.focus());
    },
    [withCard],
  );

  // A passage far from the viewport is not laid out: its card aims at the top of its block.
  const passageTop = useCallback(
    (id: string) => {
      const span = id === DRAFT_ID ? pending : painted.byId.get(id);
      if (!ranges || !span) return null;
      const block = ranges.index.blockAt(span.start);
      if (!isNear(near, block))
        return ranges.root.children[block]?.getBoundingClientRect().top ?? null;
      return ranges.toRange(span)?.getClientRects()[0]?.top ?? null;
    },
    [ranges, painted, pending, near],
  );

  // The actions of every card, made once: a card re-renders only when its own thread changes.
  const latest = useRef({ writes, ranges });
  latest.current = { writes, ranges };
  const actions = useMemo<ThreadActions>(() => {
    const w = () => latest.current.writes;
    return {
      showPassage: (thread) => {
        setActiveId(thread.id);
        const rect = latest.current.ranges?.toRange(thread)?.getClientRects()[0];
        if (rect) window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: "smooth" });
      },
      filterByTag: (tag) => setFilters((f) => ({ ...f, tag })),
      reply: async (annotationId, body) => {
        await w().reply.mutateAsync({ annotationId, body: asBody(body) });
      },
      editThread: async (annotationId, body, options) => {
        await w().edit.mutateAsync({ annotationId, body: asBody(body), ...options });
      },
      removeThread: async (annotationId) => {
        await w().remove.mutateAsync({ annotationId });
        setAnnouncement(t("deletedNotice"));
      },
      reactThread: (id, kind, on) =>
        w().react.mutate(
          { target: { type: "annotation", id }, kind, on },
          { onError: (error) => setFailure(sentence(error)) },
        ),
      edit: async (replyId, body) => {
        await w().editReply.mutateAsync({ replyId, body: asBody(body) });
      },
      remove: async (replyId) => {
        await w().removeReply.mutateAsync({ replyId });
      },
      react: (id, kind, on) =>
        w().react.mutate(
          { target: { type: "reply", id }, kind, on },
          { onError: (error) => setFailure(sentence(error)) },
        ),
    };
  }, [t, sentence]);

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
    const held = outcome.thread?.moderation?.state === "pending";
    setAnnouncement(held ? tModeration("postedPending") : t("posted"));
    moderation.afterPost();
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
  const notice = useMemo(
    () =>
      pending ? null : viewer === null ? (
        <p className="hint">{t("signInToAnnotate")}</p>
      ) : !canWrite ? (
        <p className="hint">{t("membersOnly")}</p>
      ) : null,
    [pending, viewer, canWrite, t],
  );

  const articleProps = useMemo(
    () => ({ tabIndex: 0, "aria-describedby": keysHelpId, onKeyDown, onClick: onTextClick }),
    [keysHelpId, onKeyDown, onTextClick],
  );

  return (
    <div className="workspace">
      <AccessLostNotice revoked={revoked} />
      {failure ? (
        <p className="form-error workspace-failure" role="alert">
          {failure}{" "}
          <button type="button" className="button-quiet" onClick={() => setFailure(null)}>
            {t("dismiss")}
          </button>
        </p>
      ) : null}
      <div className="text-column" ref={setColumn}>
        <KeyboardHelp id={keysHelpId} />
        <Reader
          direction={text.direction}
          language={text.language}
          label={label}
          onRoot={setRoot}
          articleProps={articleProps}
          articleRef={articleRef}
        >
          {children}
        </Reader>
        <PassageBadges
          ranges={ranges}
          passages={passages}
          near={near}
          container={column}
          tick={tick}
          onOpen={openPassage}
        />
        <SelectionOverlays
          ranges={ranges}
          article={articleRef}
          container={column}
          tick={tick}
          canAnnotate={canWrite && !pending}
          onAnnotate={annotate}
        />
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
