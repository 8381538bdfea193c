"use client";

import { useEffect, useState } from "react";

/**
 * The page learns that its reader lost access to the course (removed while reading, or the text
 * made private) from two channels: the live stream ends with `course.access_revoked`, or the
 * collab server closes the text's documents with "access revoked". Whichever comes first
 * announces it on the window; the parts of the page that write or show it listen.
 */
const ACCESS_REVOKED = "hashiya:access-revoked";

/** Says, once for the whole page, that the reader lost access to this text's course. */
export function announceAccessRevoked(textId: string): void {
  window.dispatchEvent(new CustomEvent(ACCESS_REVOKED, { detail: { textId } }));
}

/** Whether the reader lost access to this text's course while the page was open. */
export function useAccessRevoked(textId: string): boolean {
  const [revoked, setRevoked] = useState(false);
  useEffect(() => {
    const listener = (event: Event) => {
      if ((event as CustomEvent<{ textId: string }>).detail?.textId === textId) setRevoked(true);
    };
    window.addEventListener(ACCESS_REVOKED, listener);
    return () => window.removeEventListener(ACCESS_REVOKED, listener);
  }, [textId]);
  return revoked;
}
