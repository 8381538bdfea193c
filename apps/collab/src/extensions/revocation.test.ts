// Membership changes take effect at once on open connections: real server, real providers over
// real websockets, changes made through the real API (which NOTIFYs after commit).
import { createCaller, createTRPCContext } from "@hashiya/api";
import type { Db } from "@hashiya/db";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AccessRevoked } from "../close-codes";
import { addMember, createCourse, createText, createUser } from "../testing/factories";
import { Clients, startTestServer, TEST_AUTH_SECRET, tokenFor, until } from "../testing/harness";
import { MEMBERSHIP_LISTENER_APPLICATION_NAME } from "../membership-listener";
import type { Revocation } from "./revocation";

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const clients = new Clients();

beforeAll(async () => {
  database = await createTestDatabase("collab_revocation");
  server = await startTestServer(database.db, { databaseUrl: database.url });
  await revocation().listening();
});
afterEach(() => clients.closeAll());
afterAll(async () => {
  clients.closeAll();
  await server?.server.destroy();
  await database?.drop();
});

function revocation(): Revocation {
  const extension = server.server.hocuspocus.configuration.extensions.find(
    (candidate) => candidate.extensionName === "Revocation",
  );
  return extension as Revocation;
}

/** The API as this user calls it (the instructor's side of the change). */
function api(db: Db, user: { id: string; name: string }) {
  return createCaller(
    createTRPCContext({
      db,
      session: { user: { id: user.id, name: user.name } },
      authSecret: TEST_AUTH_SECRET,
      collabUrl: server.url,
    }),
  );
}

async function classroom(options: { isPublic?: boolean } = {}) {
  const { db } = database;
  const course = await createCourse(db);
  const text = await createText(db, course.id, options);
  const instructor = await createUser(db);
  const student = await createUser(db);
  const classmate = await createUser(db);
  await addMember(db, course.id, instructor.id, "instructor");
  await addMember(db, course.id, student.id, "student");
  await addMember(db, course.id, classmate.id, "student");
  return { course, text, instructor, student, classmate };
}

/** What the server sent a provider: close reasons and stateless messages, in order. */
function recorder(provider: HocuspocusProvider) {
  const closes: string[] = [];
  const messages: unknown[] = [];
  provider.on("close", ({ event }: { event: { reason: string } }) => closes.push(event.reason));
  provider.on("stateless", ({ payload }: { payload: string }) =>
    messages.push(JSON.parse(payload)),
  );
  return { closes, messages };
}

/** The server's copy of a document's notes, or null when it is not loaded. */
function serverNotes(name: string): string | null {
  return server.server.hocuspocus.documents.get(name)?.getText("notes").toString() ?? null;
}

function connectionsOf(name: string, userId: string) {
  const document = server.server.hocuspocus.documents.get(name);
  return (
    document
      ?.getConnections()
      .filter((c) => (c.context as { user: { id: string } }).user.id === userId) ?? []
  );
}

describe("a removed member", () => {
  it("has their notes and presence connections closed at once, and writes nothing more", async () => {
    const { course, text, instructor, student, classmate } = await classroom();
    const notes = `notes:${text.id}`;
    const presence = `text:${text.id}`;
    const token = await tokenFor(student);
    const mine = await clients.connect(server.url, notes, token);
    const myPresence = await clients.connect(server.url, presence, token, mine.socket);
    const theirs = await clients.connect(server.url, notes, await tokenFor(classmate));
    expect(mine.outcome).toEqual({ type: "authenticated", scope: "read-write" });
    const heard = recorder(mine.provider);
    const heardPresence = recorder(myPresence.provider);
    const theirsHeard = recorder(theirs.provider);

    await api(database.db, instructor).member.remove({ courseId: course.id, userId: student.id });

    await until(() => heard.closes.includes(AccessRevoked.reason), "the notes closed");
    await until(() => heardPresence.closes.includes(AccessRevoked.reason), "presence closed");
    expect(connectionsOf(notes, student.id)).toEqual([]);
    expect(connectionsOf(presence, student.id)).toEqual([]);
    // The classmate is untouched.
    expect(theirsHeard.closes).toEqual([]);
    expect(connectionsOf(notes, classmate.id)).toHaveLength(1);

    // Whatever the removed student's provider still sends reaches no one.
    mine.provider.document.getText("notes").insert(0, "بعد الحذف");
    theirs.provider.document.getText("notes").insert(0, "ما زلت هنا ");
    await until(() => serverNotes(notes) === "ما زلت هنا ", "the classmate's edit applied");
    await until(() => !theirs.provider.hasUnsyncedChanges, "the classmate's edit acknowledged");
    expect(theirs.provider.document.getText("notes").toString()).toBe("ما زلت هنا ");
  });

  it("on a public text keeps reading, read-only, and is told so", async () => {
    const { course, text, instructor, student, classmate } = await classroom({ isPublic: true });
    const notes = `notes:${text.id}`;
    const mine = await clients.connect(server.url, notes, await tokenFor(student));
    const theirs = await clients.connect(server.url, notes, await tokenFor(classmate));
    const heard = recorder(mine.provider);

    await api(database.db, instructor).member.remove({ courseId: course.id, userId: student.id });

    await until(() => heard.messages.length > 0, "the access message");
    expect(heard.messages).toEqual([{ type: "access", access: "read-only" }]);
    expect(heard.closes).toEqual([]);
    const [connection] = connectionsOf(notes, student.id);
    expect(connection?.readOnly).toBe(true);

    // A read-only connection's edit is not applied, while the classmate's still is.
    mine.provider.document.getText("notes").insert(0, "لن يُحفظ");
    theirs.provider.document.getText("notes").insert(0, "يُحفظ");
    await until(() => !theirs.provider.hasUnsyncedChanges, "the classmate's edit acknowledged");
    await until(
      () => mine.provider.document.getText("notes").toString().includes("يُحفظ"),
      "broadcast",
    );
    expect(serverNotes(notes)).toBe("يُحفظ");
  });
});

describe("a changed role", () => {
  it("that keeps the member writing changes nothing on their connections", async () => {
    const { course, text, instructor, student, classmate } = await classroom();
    const notes = `notes:${text.id}`;
    const mine = await clients.connect(server.url, notes, await tokenFor(student));
    const sentinel = await clients.connect(server.url, notes, await tokenFor(classmate));
    const heard = recorder(mine.provider);
    const sentinelHeard = recorder(sentinel.provider);
    const caller = api(database.db, instructor);
    await caller.member.setRole({ courseId: course.id, userId: student.id, role: "moderator" });
    // Changes are applied in the order they commit: once the later removal has closed the
    // classmate's connection, the role change before it has been decided too.
    await caller.member.remove({ courseId: course.id, userId: classmate.id });
    await until(() => sentinelHeard.closes.includes(AccessRevoked.reason), "the sentinel");
    expect(heard.closes).toEqual([]);
    expect(heard.messages).toEqual([]);
    expect(connectionsOf(notes, student.id)[0]?.readOnly).toBe(false);
  });
});

describe("an archived course", () => {
  it("turns every member's notes read-only, and restoring makes them writable again", async () => {
    const { course, text, instructor, student, classmate } = await classroom();
    const notes = `notes:${text.id}`;
    const mine = await clients.connect(server.url, notes, await tokenFor(student));
    const theirs = await clients.connect(server.url, notes, await tokenFor(classmate));
    const heard = [recorder(mine.provider), recorder(theirs.provider)];
    const caller = api(database.db, instructor);

    await caller.course.archive({ courseId: course.id });
    await until(() => heard.every((h) => h.messages.length === 1), "both told");
    for (const h of heard) expect(h.messages).toEqual([{ type: "access", access: "read-only" }]);
    expect(connectionsOf(notes, student.id)[0]?.readOnly).toBe(true);

    // A new connection while archived is read-only from the start.
    const late = await clients.connect(server.url, notes, await tokenFor(student));
    expect(late.outcome).toEqual({ type: "authenticated", scope: "readonly" });

    await caller.course.restore({ courseId: course.id });
    await until(() => heard.every((h) => h.messages.length === 2), "both told again");
    for (const h of heard) expect(h.messages[1]).toEqual({ type: "access", access: "read-write" });
    mine.provider.document.getText("notes").insert(0, "عاد المقرر");
    await until(() => serverNotes(notes) === "عاد المقرر", "the edit applied");
  });
});

describe("the listener", () => {
  it("after losing its connection, decides every open connection again", async () => {
    const { course, text, student } = await classroom();
    const notes = `notes:${text.id}`;
    const mine = await clients.connect(server.url, notes, await tokenFor(student));
    const heard = recorder(mine.provider);
    // A removal whose notification the listener never hears: it was cut off meanwhile.
    await database.db.$executeRaw`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = ${MEMBERSHIP_LISTENER_APPLICATION_NAME} AND datname = current_database()`;
    await database.db.membership.delete({
      where: { courseId_userId: { courseId: course.id, userId: student.id } },
    });
    await until(() => heard.closes.includes(AccessRevoked.reason), "closed after reconnecting");
    await revocation().listening();
  });
});

describe("a member who leaves", () => {
  it("has their notes connection closed at once, like a removal", async () => {
    const { course, text, student, classmate } = await classroom();
    const notes = `notes:${text.id}`;
    const mine = await clients.connect(server.url, notes, await tokenFor(student));
    const theirs = await clients.connect(server.url, notes, await tokenFor(classmate));
    const heard = recorder(mine.provider);
    const theirsHeard = recorder(theirs.provider);

    await api(database.db, student).member.leave({ courseId: course.id });

    await until(() => heard.closes.includes(AccessRevoked.reason), "the notes closed");
    expect(connectionsOf(notes, student.id)).toEqual([]);
    expect(theirsHeard.closes).toEqual([]);
  });
});

describe("a deleted text", () => {
  it("closes every connection to its notes and presence, and keeps no notes behind", async () => {
    const { text, instructor, student, classmate } = await classroom();
    const notes = `notes:${text.id}`;
    const mine = await clients.connect(server.url, notes, await tokenFor(student));
    const presence = await clients.connect(
      server.url,
      `text:${text.id}`,
      await tokenFor(classmate),
    );
    const heard = recorder(mine.provider);
    const heardPresence = recorder(presence.provider);
    mine.provider.document.getText("notes").insert(0, "ملاحظة");
    await until(() => !mine.provider.hasUnsyncedChanges, "the note stored");

    await api(database.db, instructor).text.delete({ textId: text.id });

    await until(() => heard.closes.includes(AccessRevoked.reason), "the notes closed");
    await until(() => heardPresence.closes.includes(AccessRevoked.reason), "presence closed");
    expect(connectionsOf(notes, student.id)).toEqual([]);
    expect(await database.db.collabUpdate.count({ where: { documentName: notes } })).toBe(0);
  });
});
