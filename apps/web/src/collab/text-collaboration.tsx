import { auth } from "@hashiya/auth";
import type { ReactNode } from "react";
import { LazySharedNotes } from "~/notes/lazy-shared-notes";
import { PresenceProvider } from "./presence";
import { PresenceBar } from "./presence-bar";
import { ReaderPresenceBridge } from "./reader-presence-bridge";

/**
 * Everything live on a text page for a signed-in reader, in one element the page mounts:
 * presence (who is reading, their selections over the text) and the shared notes. Anonymous
 * readers get nothing from here (no collab connection, no token request); the page still
 * reads. A server component only to ask the session once, before any client code runs.
 */
export async function TextCollaboration({
  textId,
  canWrite,
  children,
}: {
  textId: string;
  canWrite: boolean;
  /** Optional: the reader, placed inside the presence context (for `usePresence`). */
  children?: ReactNode;
}) {
  const session = await auth();
  if (!session?.user) return <>{children}</>;
  return (
    <PresenceProvider textId={textId}>
      <PresenceBar textId={textId} />
      {children}
      <ReaderPresenceBridge selector='[data-testid="reader"] .reader-text' />
      <LazySharedNotes textId={textId} canWrite={canWrite} />
    </PresenceProvider>
  );
}
