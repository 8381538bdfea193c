import {
  CollabTokenError,
  type CollabTokenFailure,
  verifyCollabToken,
} from "@hashiya/auth/collab-token";
import { presenceIdentity } from "@hashiya/api/policies";
import type { Db } from "@hashiya/db";
import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import {
  type CloseEvent,
  Forbidden,
  InternalError,
  TokenExpired,
  TokenInvalid,
  TokenMissing,
  UnknownDocument,
  UserNotFound,
} from "../close-codes";
import type { CollabContext } from "../context";
import { documentAccess, parseDocumentName } from "../documents";

/** A document the server would not open, for whoever wants to know (the logger). */
export interface Refusal {
  socketId: string;
  documentName: string;
  refusal: CloseEvent;
  /** Known once the token has been verified. */
  userId?: string;
  /** For InternalError only: what went wrong. */
  error?: unknown;
}

export interface AuthenticationConfiguration {
  db: Db;
  /** The web app's AUTH_SECRET, from which collab tokens are signed. */
  authSecret: string;
  onRefused: (refusal: Refusal) => void;
}

const TOKEN_REFUSALS: Record<CollabTokenFailure, CloseEvent> = {
  missing: TokenMissing,
  expired: TokenExpired,
  invalid: TokenInvalid,
};

type Decision =
  | { type: "allowed"; context: CollabContext }
  | { type: "refused"; refusal: CloseEvent; userId?: string };

/**
 * Lets a connection open a document only with a valid collab token for an existing user who may
 * read that document; marks it read-only when the user may read but not write. Runs for every
 * document on a socket, since one socket carries many.
 */
export class Authentication implements Extension {
  extensionName = "Authentication";

  constructor(private readonly configuration: AuthenticationConfiguration) {}

  async onAuthenticate({
    token,
    documentName,
    socketId,
    connectionConfig,
  }: onAuthenticatePayload): Promise<CollabContext> {
    let decision: Decision;
    try {
      decision = await this.decide(token, documentName);
    } catch (error) {
      this.configuration.onRefused({ socketId, documentName, refusal: InternalError, error });
      throw InternalError;
    }
    if (decision.type === "refused") {
      const { refusal, userId } = decision;
      this.configuration.onRefused({ socketId, documentName, refusal, userId });
      // Hocuspocus sends `reason` to the client as permission-denied. A plain object, not an
      // Error, so Hocuspocus does not log it a second time.
      throw refusal;
    }
    connectionConfig.readOnly = decision.context.access === "read-only";
    // Hocuspocus merges the returned object into the connection's context.
    return decision.context;
  }

  private async decide(token: string, documentName: string): Promise<Decision> {
    let userId: string;
    try {
      ({ userId } = await verifyCollabToken(token, this.configuration.authSecret));
    } catch (error) {
      if (error instanceof CollabTokenError) {
        return { type: "refused", refusal: TOKEN_REFUSALS[error.reason] };
      }
      throw error;
    }

    const { db } = this.configuration;
    const user = await db.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, isAdmin: true },
    });
    if (!user) return { type: "refused", refusal: UserNotFound, userId };

    const document = parseDocumentName(documentName);
    if (!document) return { type: "refused", refusal: UnknownDocument, userId };

    const access = await documentAccess(db, { userId: user.id, isAdmin: user.isAdmin }, document);
    if (!access) return { type: "refused", refusal: Forbidden, userId };

    // Who they are to the others on this text: an alias where the course hides classmates' names.
    const presence = await presenceIdentity(db, user, document.textId);
    return { type: "allowed", context: { user, document, access, presence } };
  }
}
