import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { countUpdates, loadUpdates } from "../collab-updates";
import { addMember, createCourse, createText, createUser } from "../testing/factories";
import { Clients, startTestServer, tokenFor, until } from "../testing/harness";

let database: TestDatabase;
const clients = new Clients();
const servers: Awaited<ReturnType<typeof startTestServer>>[] = [];

async function start(options: { compactAfterRows?: number } = {}) {
  const server = await startTestServer(database.db, options);
  servers.push(server);
  return server;
}

beforeAll(async () => {
  database = await createTestDatabase("collab_persistence");
});
afterEach(async () => {
  clients.closeAll();
  for (const server of servers.splice(0)) await server.server.destroy();
});
afterAll(async () => {
  await database?.drop();
});

async function notesOfACourse() {
  const { db } = database;
  const course = await createCourse(db);
  const text = await createText(db, course.id, { isPublic: true });
  const member = await createUser(db);
  await addMember(db, course.id, member.id);
  return { text, member, name: `notes:${text.id}` };
}

/** The document as PostgreSQL has it: the merge of its rows. */
async function stored(name: string): Promise<string> {
  const doc = new Y.Doc();
  for (const update of await loadUpdates(database.db, name)) Y.applyUpdate(doc, update);
  return doc.getText("notes").toString();
}

it("has an edit in PostgreSQL by the time the provider hears it acknowledged", async () => {
  const server = await start();
  const { member, name } = await notesOfACourse();
  const { provider } = await clients.connect(server.url, name, await tokenFor(member));
  await until(() => provider.isSynced && !provider.hasUnsyncedChanges, "synced");

  for (const words of ["أولًا، ", "ثانيًا، ", "ثالثًا."]) {
    // Read the database the moment the ack arrives: not a millisecond of grace.
    const atAck = new Promise<string>((resolve) => {
      const listener = ({ number }: { number: number }) => {
        if (number !== 0) return;
        provider.off("unsyncedChanges", listener);
        resolve(stored(name));
      };
      provider.on("unsyncedChanges", listener);
    });
    const notes = provider.document.getText("notes");
    notes.insert(notes.length, words);
    expect(await atAck).toBe(notes.toString());
  }
});

it("loads a document from its rows after a restart, and stores nothing a client re-sends", async () => {
  const first = await start();
  const { member, name } = await notesOfACourse();
  const writer = await clients.connect(first.url, name, await tokenFor(member));
  writer.provider.document.getText("notes").insert(0, "ما كُتب يبقى");
  await until(() => !writer.provider.hasUnsyncedChanges, "the edit acknowledged");
  const rows = await countUpdates(database.db, name);
  clients.closeAll();
  await first.server.destroy();

  const second = await start();
  const reader = await clients.connect(second.url, name, await tokenFor(member));
  await until(() => reader.provider.isSynced, "synced");
  expect(reader.provider.document.getText("notes").toString()).toBe("ما كُتب يبقى");
  // Unloading compacted the rows into one; the reconnecting provider's step 2 added nothing.
  expect(rows).toBeGreaterThanOrEqual(1);
  expect(await countUpdates(database.db, name)).toBe(1);
});

it("stores nothing for a read-only reader, nor for a text's presence document", async () => {
  const server = await start();
  const { text, member, name } = await notesOfACourse();
  const outsider = await createUser(database.db);
  const reader = await clients.connect(server.url, name, await tokenFor(outsider));
  expect(reader.outcome).toEqual({ type: "authenticated", scope: "readonly" });
  const writer = await clients.connect(server.url, name, await tokenFor(member));
  writer.provider.document.getText("notes").insert(0, "من عضو");
  await until(() => !writer.provider.hasUnsyncedChanges, "the member's edit acknowledged");
  reader.provider.document.getText("notes").insert(0, "من قارئ ");
  // The refusal ("not saved") comes back on the reader's socket after the edit was handled.
  await until(() => reader.provider.unsyncedChanges > 0, "the reader's edit sent");
  const presence = await clients.connect(server.url, `text:${text.id}`, await tokenFor(member));
  presence.provider.document.getText("notes").insert(0, "لا يُحفظ");
  await until(() => !presence.provider.hasUnsyncedChanges, "the presence edit acknowledged");

  expect(await stored(name)).toBe("من عضو");
  expect(await countUpdates(database.db, `text:${text.id}`)).toBe(0);
});

it("compacts a document past its row limit, keeping its content", async () => {
  const server = await start({ compactAfterRows: 10 });
  const { member, name } = await notesOfACourse();
  const { provider } = await clients.connect(server.url, name, await tokenFor(member));
  const notes = provider.document.getText("notes");
  for (let i = 0; i < 25; i++) {
    notes.insert(notes.length, `${i}، `);
    if (i % 3 === 0) notes.delete(0, 1);
    await until(() => !provider.hasUnsyncedChanges, `edit ${i} acknowledged`);
  }
  await until(() => server.server.hocuspocus.documents.has(name), "loaded");
  const rows = await countUpdates(database.db, name);
  // Each edit is its own row until the 11th triggers a compaction into one, and so on.
  expect(rows).toBeLessThanOrEqual(11);
  expect(await stored(name)).toBe(notes.toString());

  clients.closeAll();
  await until(() => !server.server.hocuspocus.documents.has(name), "unloaded");
  const fresh = await clients.connect(server.url, name, await tokenFor(member));
  await until(() => fresh.provider.isSynced, "synced");
  expect(fresh.provider.document.getText("notes").toString()).toBe(notes.toString());
});
