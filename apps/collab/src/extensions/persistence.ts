import type { Db } from "@hashiya/db";
import type {
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  Extension,
  onLoadDocumentPayload,
} from "@hocuspocus/server";
import { messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";
import * as Y from "yjs";
import { InternalError } from "../close-codes";
import { appendUpdate, compactUpdates, loadUpdates } from "../collab-updates";
import { isPersisted, parseDocumentName } from "../documents";
import { type CollabLog, consoleLog } from "./logger";

export interface PersistenceConfiguration {
  db: Db;
  /** Compact a document once it has more rows than this (and whenever it unloads). */
  compactAfterRows: number;
  log?: CollabLog;
}

function persisted(documentName: string): boolean {
  const document = parseDocumentName(documentName);
  return document !== null && isPersisted(document);
}

/**
 * Makes every acknowledged edit of a persisted document (`notes:`) durable: each Yjs update a
 * client sends is appended to `collab_updates` before Hocuspocus applies and acknowledges it.
 *
 * Hocuspocus 4.7 handles a sync message as: `beforeHandleMessage` hooks → `beforeSync` hooks
 * (with the update) → apply → SyncStatus (the ack) to the client, all awaited in order (see
 * CONTEXT.md). The append is in `beforeSync`, which gets both Sync step 2 (what a client sends
 * on (re)connecting) and Update messages. A failed append closes the document's connection
 * unacknowledged: the provider re-sends the edit when it reconnects.
 */
export class Persistence implements Extension {
  extensionName = "Persistence";

  private readonly rows = new Map<string, number>();
  private readonly compacting = new Map<string, Promise<void>>();
  private readonly log: CollabLog;

  constructor(private readonly configuration: PersistenceConfiguration) {
    this.log = configuration.log ?? consoleLog;
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    if (!persisted(documentName)) return;
    const updates = await loadUpdates(this.configuration.db, documentName);
    Y.transact(document, () => {
      for (const update of updates) Y.applyUpdate(document, update);
    });
    this.rows.set(documentName, updates.length);
  }

  async beforeSync({
    documentName,
    document,
    connection,
    type,
    payload,
  }: beforeSyncPayload): Promise<void> {
    if (type !== messageYjsSyncStep2 && type !== messageYjsUpdate) return;
    // Hocuspocus applies nothing from a read-only connection.
    if (connection.readOnly || !persisted(documentName)) return;
    // Nothing new (a reconnecting client's step 2 often is): it is stored already.
    if (Y.snapshotContainsUpdate(Y.snapshot(document), payload)) return;

    try {
      await appendUpdate(this.configuration.db, documentName, payload);
    } catch (error) {
      this.log("error", "persist-failed", {
        document: documentName,
        error: error instanceof Error ? error.message : String(error),
      });
      throw InternalError;
    }
    const rows = (this.rows.get(documentName) ?? 0) + 1;
    this.rows.set(documentName, rows);
    if (rows > this.configuration.compactAfterRows) void this.compact(documentName);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    const rows = this.rows.get(documentName);
    this.rows.delete(documentName);
    if (rows !== undefined && rows > 1) await this.compact(documentName);
  }

  /** Compacts the document's rows (one compaction per document at a time); never throws. */
  compact(documentName: string): Promise<void> {
    const running = this.compacting.get(documentName);
    if (running) return running;
    const compaction = (async () => {
      try {
        const merged = await compactUpdates(this.configuration.db, documentName);
        const rows = this.rows.get(documentName);
        if (merged > 0 && rows !== undefined) this.rows.set(documentName, rows - merged + 1);
      } catch (error) {
        this.log("error", "compact-failed", {
          document: documentName,
          error: error instanceof Error ? error.message : String(error),
        });
      } finally {
        this.compacting.delete(documentName);
      }
    })();
    this.compacting.set(documentName, compaction);
    return compaction;
  }
}
