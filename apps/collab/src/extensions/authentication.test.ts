import { signCollabToken } from "@hashiya/auth/collab-token";
import { createDb } from "@hashiya/db";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  Forbidden,
  InternalError,
  TokenExpired,
  TokenInvalid,
  TokenMissing,
  UnknownDocument,
  UserNotFound,
} from "../close-codes";
import { presenceUser } from "../presence-state";
import { addMember, createCourse, createText, createUser } from "../testing/factories";
import { Clients, startTestServer, tokenFor, until } from "../testing/harness";

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const clients = new Clients();

beforeAll(async () => {
  database = await createTestDatabase("collab_auth");
  server = await startTestServer(database.db);
});
afterEach(() => clients.closeAll());
afterAll(async () => {
  clients.closeAll();
  await server?.server.destroy();
  await database?.drop();
});

async function memberOfText(options: { isPublic?: boolean } = {}) {
  const { db } = database;
  const course = await createCourse(db);
  const text = await createText(db, course.id, options);
  const member = await createUser(db);
  await addMember(db, course.id, member.id, "student");
  return { course, text, member, name: `text:${text.id}` };
}

describe("tokens", () => {
  it("lets a course member in with a valid token, read-write", async () => {
    const { member, name } = await memberOfText();
    const { outcome } = await clients.connect(server.url, name, await tokenFor(member));
    expect(outcome).toEqual({ type: "authenticated", scope: "read-write" });
  });

  it("refuses a connection without a token", async () => {
    const { name } = await memberOfText();
    const { outcome } = await clients.connect(server.url, name, null);
    expect(outcome).toEqual({ type: "refused", reason: TokenMissing.reason });
  });

  it("refuses an expired token", async () => {
    const { member, name } = await memberOfText();
    const token = await tokenFor(member, { now: new Date(Date.now() - 10 * 60_000) });
    const { outcome } = await clients.connect(server.url, name, token);
    expect(outcome).toEqual({ type: "refused", reason: TokenExpired.reason });
  });

  it("refuses a token signed with another secret", async () => {
    const { member, name } = await memberOfText();
    const token = await signCollabToken(
      { userId: member.id, name: member.name },
      "another-secret-that-is-also-long-enough-456",
    );
    const { outcome } = await clients.connect(server.url, name, token);
    expect(outcome).toEqual({ type: "refused", reason: TokenInvalid.reason });
  });

  it("refuses a genuine token whose payload was altered", async () => {
    const { member, name } = await memberOfText();
    const stranger = await createUser(database.db);
    // A stranger takes their own genuine token and swaps in the member's id.
    const [header, payload, signature] = (await tokenFor(stranger)).split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
    const altered = Buffer.from(JSON.stringify({ ...claims, sub: member.id })).toString(
      "base64url",
    );
    const { outcome } = await clients.connect(
      server.url,
      name,
      `${header}.${altered}.${signature}`,
    );
    expect(outcome).toEqual({ type: "refused", reason: TokenInvalid.reason });
  });

  it("refuses a valid token for a user deleted since it was issued", async () => {
    const { member, name } = await memberOfText();
    const token = await tokenFor(member);
    await database.db.user.delete({ where: { id: member.id } });
    const { outcome } = await clients.connect(server.url, name, token);
    expect(outcome).toEqual({ type: "refused", reason: UserNotFound.reason });
  });
});

describe("documents", () => {
  it("refuses a document name that follows no scheme", async () => {
    const { member, text } = await memberOfText();
    const token = await tokenFor(member);
    for (const name of [`whiteboard:${text.id}`, text.id, "text:", "notes:../../etc"]) {
      const { outcome } = await clients.connect(server.url, name, token);
      expect(outcome, name).toEqual({ type: "refused", reason: UnknownDocument.reason });
    }
  });

  it("opens a public text read-only for a signed-in non-member, and ignores their edits", async () => {
    const { member, name } = await memberOfText({ isPublic: true });
    const outsider = await createUser(database.db);
    const reader = await clients.connect(server.url, name, await tokenFor(outsider));
    expect(reader.outcome).toEqual({ type: "authenticated", scope: "readonly" });

    const writer = await clients.connect(server.url, name, await tokenFor(member));
    await until(() => writer.provider.isSynced && reader.provider.isSynced, "both synced");

    reader.provider.document.getText("notes").insert(0, "تعليق لا يحق له");
    // Presence still works for a reader; and it is sent after the edit on the same socket, which
    // the server handles in order, so once the member sees it the edit has been dealt with.
    reader.provider.setAwarenessField("user", presenceUser(outsider));
    await until(
      () => [...writer.provider.awareness!.getStates().values()].some((s) => s.user),
      "the reader's presence",
    );
    expect(server.server.hocuspocus.documents.get(name)?.getText("notes").toString()).toBe("");
    expect(writer.provider.document.getText("notes").toString()).toBe("");
  });

  it("refuses a signed-in non-member on a text that is not public", async () => {
    const { name } = await memberOfText({ isPublic: false });
    const outsider = await createUser(database.db);
    const { outcome } = await clients.connect(server.url, name, await tokenFor(outsider));
    expect(outcome).toEqual({ type: "refused", reason: Forbidden.reason });
  });

  it("refuses a text that does not exist exactly like one the user may not read", async () => {
    const user = await createUser(database.db);
    const { outcome } = await clients.connect(
      server.url,
      "text:doesnotexist",
      await tokenFor(user),
    );
    expect(outcome).toEqual({ type: "refused", reason: Forbidden.reason });
  });

  it("lets an admin write on any course's text, as the policies say", async () => {
    const { name } = await memberOfText();
    const admin = await createUser(database.db, { isAdmin: true });
    const { outcome } = await clients.connect(server.url, name, await tokenFor(admin));
    expect(outcome).toEqual({ type: "authenticated", scope: "read-write" });
  });

  it("decides each document on a socket on its own", async () => {
    // One socket, two documents: the second is refused, the first stays open and in sync.
    const { member, name } = await memberOfText();
    const other = await memberOfText();
    const token = await tokenFor(member);
    const allowed = await clients.connect(server.url, name, token);
    const refused = await clients.connect(server.url, other.name, token, allowed.socket);
    expect(refused.outcome).toEqual({ type: "refused", reason: Forbidden.reason });

    allowed.provider.document.getText("notes").insert(0, "ما زال مفتوحًا");
    await until(
      () =>
        server.server.hocuspocus.documents.get(name)?.getText("notes").toString() ===
        "ما زال مفتوحًا",
      "the edit on the allowed document",
    );
  });
});

describe("when the database is down", () => {
  it("refuses with 'internal error', not as if the user were not allowed", async () => {
    // Nothing listens on port 1: every query fails to connect.
    const unreachable = createDb("postgresql://postgres@127.0.0.1:1/hashiya", { max: 1 });
    const down = await startTestServer(unreachable);
    try {
      const { outcome } = await clients.connect(
        down.url,
        "text:abc",
        await tokenFor({ id: "someone", name: "أحد" }),
      );
      expect(outcome).toEqual({ type: "refused", reason: InternalError.reason });
      expect(down.logged).toEqual([
        expect.objectContaining({
          level: "error",
          event: "refused",
          fields: expect.objectContaining({ reason: InternalError.reason }),
        }),
      ]);
    } finally {
      clients.closeAll();
      await down.server.destroy();
      await unreachable.$disconnect();
    }
  });
});
