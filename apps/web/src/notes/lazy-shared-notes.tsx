"use client";

import dynamic from "next/dynamic";
import { useIdleAfter } from "~/components/use-idle-after";
import type { SharedNotesProps } from "./shared-notes";

const SharedNotesLoaded = dynamic(() => import("./shared-notes").then((m) => m.SharedNotes), {
  ssr: false,
});

/**
 * The shared notes, loaded once the page is idle: their editor (Tiptap, ProseMirror, Yjs
 * bindings) is large, and the text and its highlights come first.
 */
export function LazySharedNotes(props: SharedNotesProps) {
  const idle = useIdleAfter(true);
  return idle ? <SharedNotesLoaded {...props} /> : null;
}
