"use client";

import {
  type HTMLAttributes,
  memo,
  type ReactNode,
  type RefObject,
  useEffect,
  useRef,
} from "react";

export interface ReaderProps {
  /** The text, as <ReaderText> renders it (on the server). */
  children: ReactNode;
  /** The text's own direction and language: independent of the interface language. */
  direction: "rtl" | "ltr";
  language: string;
  label: string;
  /** Receives the element whose children are the text's blocks, for ranges.ts; null when it goes. */
  onRoot?: (root: HTMLElement | null) => void;
  /** Extra attributes for the article (keyboard reading: tabIndex, key handlers, help). */
  articleProps?: HTMLAttributes<HTMLElement>;
  /** The article itself (to give the text focus back, e.g. after closing the composer). */
  articleRef?: RefObject<HTMLElement | null>;
}

/**
 * The text as the reader sees it: plain HTML from the server, read-only, in the text's own
 * direction. No editor: the DOM never changes after hydration, so the offsets ↔ DOM map is
 * built once, highlights are painted at once and selections stay put. Memoised: the text's
 * element (from the server) never changes, so the workspace re-rendering skips it.
 */
export const Reader = memo(function Reader({
  children,
  direction,
  language,
  label,
  onRoot,
  articleProps,
  articleRef: outerRef,
}: ReaderProps) {
  const innerRef = useRef<HTMLElement | null>(null);
  const articleRef = outerRef ?? innerRef;

  useEffect(() => {
    if (!onRoot) return;
    onRoot(articleRef.current?.querySelector<HTMLElement>(".reader-text") ?? null);
    return () => onRoot(null);
  }, [onRoot, articleRef]);

  return (
    <article
      {...articleProps}
      ref={articleRef}
      className="reader"
      dir={direction}
      lang={language}
      aria-label={label}
      data-testid="reader"
    >
      {children}
    </article>
  );
});
