import type { MembershipChange } from "@hashiya/api/membership-channel";
import type { Db } from "@hashiya/db";
import type { Connection, Extension, Hocuspocus, onConfigurePayload } from "@hocuspocus/server";
import { ACCESS_MESSAGE_TYPE, AccessRevoked } from "../close-codes";
import type { CollabContext } from "../context";
import { type DocumentAccess, documentAccess, documentName } from "../documents";
import { listenForMembershipChanges, type MembershipListener } from "../membership-listener";
import type { CollabLog } from "./logger";

export interface RevocationConfiguration {
  db: Db;
  /** Where to LISTEN for membership changes; without one, access is decided only on connect. */
  databaseUrl?: string;
  log: CollabLog;
}

/**
 * Makes a removed member or a changed role take effect at once on open connections. When a
 * membership change commits (`hashiya_membership`), every open connection it concerns (that
 * user's, or everyone's in that course) is decided again with the same policies as on connect:
 * one the user may no longer open is closed (AccessRevoked); one whose access changed is made
 * read-only or read-write in place and told so (a stateless `access` message).
 */
export class Revocation implements Extension {
  extensionName = "Revocation";
  private instance: Hocuspocus | null = null;
  private listener: MembershipListener | null = null;
  /** Re-checks run one after another, so two changes in a row are applied in order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly configuration: RevocationConfiguration) {}

  async onConfigure({ instance }: onConfigurePayload) {
    this.instance = instance;
  }

  async onListen() {
    const { databaseUrl } = this.configuration;
    if (!databaseUrl || this.listener) return;
    this.listener = listenForMembershipChanges(databaseUrl, {
      onChange: (change) => void this.recheck(change),
      onReconnect: () => void this.recheck(null),
      onError: (error) =>
        this.configuration.log("warn", "membership-listener", { error: String(error) }),
    });
  }

  /** Resolves once membership changes are being listened to (tests, health checks). */
  async listening(): Promise<void> {
    await this.listener?.ready();
  }

  async onDestroy() {
    await this.listener?.close();
    this.listener = null;
  }

  /**
   * Decides again the open connections a change concerns (null: all of them, after the
   * listener missed notifications). Resolves once they are closed or updated.
   */
  recheck(change: MembershipChange | null): Promise<void> {
    const run = this.queue.then(() => this.apply(change));
    this.queue = run.catch((error: unknown) => {
      this.configuration.log("error", "recheck-failed", { error: String(error) });
    });
    return run;
  }

  private async apply(change: MembershipChange | null) {
    const open = this.openConnections(change?.userId ?? null);
    if (open.length === 0) return;
    const { db } = this.configuration;
    const textIds = [...new Set(open.map(({ context }) => context.document.textId))];
    const texts = await db.text.findMany({
      where: { id: { in: textIds } },
      select: { id: true, courseId: true },
    });
    // The change's course's texts, and texts deleted since they were opened (no course left to
    // match: their decision below is null, and their connections close).
    const existing = new Map(texts.map((text) => [text.id, text.courseId]));
    const concerned = new Set(
      textIds.filter((id) => !existing.has(id) || !change || existing.get(id) === change.courseId),
    );
    const userIds = [...new Set(open.map(({ context }) => context.user.id))];
    const users = new Map(
      (
        await db.user.findMany({
          where: { id: { in: userIds } },
          select: { id: true, isAdmin: true },
        })
      ).map((user) => [user.id, user]),
    );
    // One decision per user and document, however many tabs they have open on it.
    const decisions = new Map<string, Promise<DocumentAccess | null>>();
    for (const { connection, context } of open) {
      if (!concerned.has(context.document.textId)) continue;
      const user = users.get(context.user.id);
      const key = `${context.user.id}\u0000${documentName(context.document)}`;
      let decision = decisions.get(key);
      if (!decision) {
        decision = user
          ? documentAccess(db, { userId: user.id, isAdmin: user.isAdmin }, context.document)
          : Promise.resolve(null);
        decisions.set(key, decision);
      }
      this.enforce(connection, context, await decision);
    }
  }

  private enforce(connection: Connection, context: CollabContext, access: DocumentAccess | null) {
    const fields = {
      socket: connection.socketId,
      document: documentName(context.document),
      user: context.user.id,
    };
    if (access === null) {
      connection.close(AccessRevoked);
      this.configuration.log("info", "access-revoked", fields);
      return;
    }
    if (access === context.access) return;
    context.access = access;
    // Persistence, MessageGuard and Hocuspocus itself read this on every message.
    connection.readOnly = access === "read-only";
    connection.sendStateless(JSON.stringify({ type: ACCESS_MESSAGE_TYPE, access }));
    this.configuration.log("info", "access-changed", { ...fields, access });
  }

  private openConnections(userId: string | null) {
    const open: { connection: Connection; context: CollabContext }[] = [];
    for (const document of this.instance?.documents.values() ?? []) {
      for (const connection of document.getConnections()) {
        const context = connection.context as CollabContext | undefined;
        if (!context?.user || (userId && context.user.id !== userId)) continue;
        open.push({ connection, context });
      }
    }
    return open;
  }
}
