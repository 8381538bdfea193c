import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { appendUpdate, compactUpdates, countUpdates, loadUpdates } from "./collab-updates";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase("collab_updates");
});
afterAll(async () => {
  await database?.drop();
});

/** A writer whose every edit is one update, as a provider sends them. */
function writer() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  return { doc, text: doc.getText("notes"), updates };
}

async function contentOf(name: string): Promise<string> {
  const doc = new Y.Doc();
  for (const update of await loadUpdates(database.db, name)) Y.applyUpdate(doc, update);
  return doc.getText("notes").toString();
}

it("merges a document's rows into one with the same content, and leaves other documents alone", async () => {
  const { db } = database;
  const a = writer();
  for (let i = 0; i < 30; i++) {
    a.text.insert(a.text.length, `سطر ${i}\n`);
    if (i % 4 === 0) a.text.delete(0, 2);
  }
  for (const update of a.updates) await appendUpdate(db, "notes:a", update);
  await appendUpdate(db, "notes:other", a.updates[0] as Uint8Array);

  expect(await compactUpdates(db, "notes:a")).toBe(30 + 8);
  expect(await countUpdates(db, "notes:a")).toBe(1);
  expect(await contentOf("notes:a")).toBe(a.text.toString());
  expect(await countUpdates(db, "notes:other")).toBe(1);
  // One row is already compact.
  expect(await compactUpdates(db, "notes:a")).toBe(0);
});

it("loses no update appended while it compacts, nor when two compactions race", async () => {
  const { db } = database;
  const name = "notes:busy";
  const [a, b] = [writer(), writer()];
  for (let i = 0; i < 40; i++) a.text.insert(a.text.length, `أ${i} `);
  for (const update of a.updates) await appendUpdate(db, name, update);

  // B keeps appending (from two connections of the pool) while compactions run.
  for (let i = 0; i < 40; i++) b.text.insert(0, `ب${i} `);
  const appends = b.updates.map((update) => appendUpdate(db, name, update));
  const compactions = [compactUpdates(db, name), compactUpdates(db, name)];
  await Promise.all([...appends, ...compactions]);
  await compactUpdates(db, name);

  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
  expect(await countUpdates(db, name)).toBe(1);
  expect(await contentOf(name)).toBe(a.text.toString());
});
