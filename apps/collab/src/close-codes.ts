/**
 * Why the collab server refuses a document or closes a socket, as constants the web client can
 * match on (the shape of @hocuspocus/common's CloseEvents).
 *
 * A refused document gets only the `reason`, in Hocuspocus's permission-denied message: the
 * socket stays open for the other documents multiplexed on it. A socket the server closes carries
 * `code` (and, when the server had a say, `reason`) in its close frame.
 */
export interface CloseEvent {
  readonly code: number;
  readonly reason: string;
}

/** No token came with the document's authentication message. */
export const TokenMissing = { code: 4401, reason: "token missing" } as const satisfies CloseEvent;

/** The token was genuine but is past its expiry: the client should fetch a fresh one. */
export const TokenExpired = { code: 4401, reason: "token expired" } as const satisfies CloseEvent;

/** The token was forged, altered, or made for another purpose. */
export const TokenInvalid = { code: 4401, reason: "token invalid" } as const satisfies CloseEvent;

/** The token names a user who no longer exists (deleted since it was issued). */
export const UserNotFound = { code: 4401, reason: "user not found" } as const satisfies CloseEvent;

/** The document's text does not exist or the user may not read it (the two look alike on purpose). */
export const Forbidden = { code: 4403, reason: "forbidden" } as const satisfies CloseEvent;

/**
 * The user lost access to an open document: removed from its course (or its text made private)
 * while connected. Only that document's connection is closed (the socket carries others): the
 * client gets Hocuspocus's close message with this `reason`, and should not reconnect it.
 */
export const AccessRevoked = {
  code: 4403,
  reason: "access revoked",
} as const satisfies CloseEvent;

/**
 * The stateless message the server sends on an open document when what the user may do with it
 * changed (a role change, the course archived or restored): `{"type":"access","access":…}`
 * with "read-write" or "read-only". The connection already enforces the new access.
 */
export const ACCESS_MESSAGE_TYPE = "access";

/** The document name follows no scheme in documents.ts. */
export const UnknownDocument = {
  code: 4404,
  reason: "unknown document",
} as const satisfies CloseEvent;

/**
 * A websocket message was larger than COLLAB_MAX_MESSAGE_BYTES. The socket is closed with 1009
 * (RFC 6455 "message too big"); when the websocket layer refuses the frame before Hocuspocus
 * sees it, the close frame has the code but an empty reason.
 */
export const MessageTooBig = {
  code: 1009,
  reason: "message too big",
} as const satisfies CloseEvent;

/** The server failed while deciding (e.g. the database is down); the client may retry. */
export const InternalError = {
  code: 1011,
  reason: "internal error",
} as const satisfies CloseEvent;

/**
 * A message the server could not decode, or a Yjs update that Yjs would refuse or could not
 * place (it depends on changes the server never had). The socket is closed with 1007 (RFC 6455
 * "invalid frame payload data"); the document and the other clients are untouched.
 */
export const MalformedMessage = {
  code: 1007,
  reason: "malformed message",
} as const satisfies CloseEvent;

/**
 * Hocuspocus's own code, used when a socket exceeds a cap before authenticating: too many or
 * too large queued messages (COLLAB limits: see extensions/limits.ts) or too many documents
 * pending authentication. Listed so the web client can match on it.
 */
export const ResetConnection = {
  code: 4205,
  reason: "Reset Connection",
} as const satisfies CloseEvent;
