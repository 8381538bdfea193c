"use client";

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { type CollabUser, presenceStateSchema, type Span } from "./schemas";
import { useCollabDocument } from "./use-collab-document";
import { useCollabSession } from "./use-collab-session";

/** Another browser tab on the same text, as its awareness state says. */
export interface RemoteReader {
  /** The Yjs client id: one per tab, so one user may appear several times. */
  clientId: number;
  user: CollabUser;
  /** Code points of the canonical text; null when nothing is selected. */
  selection: Span | null;
}

export interface PresenceValue {
  /** "off": anonymous (or no collab server); "connecting"; "live": we are visible to others. */
  status: "off" | "connecting" | "live";
  /** This user, as the server named them (null until the server sends it). */
  me: CollabUser | null;
  /** Every other tab on the text, each with its live selection. */
  readers: RemoteReader[];
  /** The people reading now, each once, this user first. */
  people: CollabUser[];
  /** Publishes this tab's selection (code points of the canonical text), or null for none. */
  setSelection: (selection: Span | null) => void;
}

const OFF: PresenceValue = {
  status: "off",
  me: null,
  readers: [],
  people: [],
  setSelection: () => {},
};

const PresenceContext = createContext<PresenceValue>(OFF);

/** Selection changes come in bursts while a mouse drags: send at most one per this window. */
const SELECTION_THROTTLE_MS = 50;

function sameSpan(a: Span | null, b: Span | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);
}

/**
 * Presence on one text through the awareness of the collab document `text:<textId>`: who is
 * reading now and what each has selected. The identity published is exactly the one the server
 * sent with the token (the server drops states that claim anybody else).
 */
export function PresenceProvider({ textId, children }: { textId: string; children: ReactNode }) {
  const sessionState = useCollabSession(textId);
  const session = sessionState.status === "ready" ? sessionState.session : null;
  const document = useCollabDocument(session, `text:${textId}`);
  const awareness = document?.provider.awareness ?? null;
  const me = session?.user ?? null;
  const [readers, setReaders] = useState<RemoteReader[]>([]);

  // The latest selection survives a reconnect or a new provider: it is republished with `user`.
  const selection = useRef<Span | null>(null);
  const sent = useRef<Span | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!awareness) return;
    if (me) {
      awareness.setLocalState({ user: me, selection: selection.current });
      sent.current = selection.current;
    }
    const read = () => {
      const others: RemoteReader[] = [];
      awareness.getStates().forEach((state, clientId) => {
        if (clientId === awareness.clientID) return;
        const parsed = presenceStateSchema.safeParse(state);
        if (parsed.success) others.push({ clientId, ...parsed.data });
      });
      others.sort((a, b) => a.clientId - b.clientId);
      setReaders(others);
    };
    read();
    awareness.on("change", read);
    return () => {
      awareness.off("change", read);
      setReaders([]);
    };
  }, [awareness, me]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const setSelection = useCallback(
    (next: Span | null) => {
      selection.current = next;
      if (!awareness || !me || timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        if (sameSpan(sent.current, selection.current)) return;
        sent.current = selection.current;
        awareness.setLocalStateField("selection", selection.current);
      }, SELECTION_THROTTLE_MS);
    },
    [awareness, me],
  );

  const live = document?.status.authenticated === true && me !== null;
  const value = useMemo<PresenceValue>(() => {
    if (!session) return OFF;
    const people = new Map<string, CollabUser>();
    if (me) people.set(me.id, me);
    for (const reader of readers)
      if (!people.has(reader.user.id)) people.set(reader.user.id, reader.user);
    return {
      status: live ? "live" : "connecting",
      me,
      readers,
      people: Array.from(people.values()),
      setSelection,
    };
  }, [session, me, readers, live, setSelection]);

  return <PresenceContext.Provider value={value}>{children}</PresenceContext.Provider>;
}

/** Presence on the text of the nearest <PresenceProvider>; "off" outside one. */
export function usePresence(): PresenceValue {
  return useContext(PresenceContext);
}
