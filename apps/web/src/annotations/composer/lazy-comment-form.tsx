"use client";

import dynamic from "next/dynamic";

const load = () => import("./comment-form").then((module) => module.CommentForm);

/**
 * The composer, loaded on its own: its editor (Tiptap, ProseMirror) is the largest code on
 * the text page and nothing needs it until someone writes, so the text and its highlights do
 * not wait for it. `preloadCommentForm` fetches it once the page is idle, so it opens at once.
 */
export const CommentForm = dynamic(load, { ssr: false });

export function preloadCommentForm(): void {
  void load();
}

export type { CommentFormProps, ThreadOptions } from "./comment-form";
