import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { loadUpdates } from "../collab-updates";
import { addMember, createCourse, createText, createUser } from "../testing/factories";
import { Clients, TEST_AUTH_SECRET, tokenFor, until } from "../testing/harness";
import { freePort, startMain } from "../testing/main-process";

let database: TestDatabase;
const clients = new Clients();
const processes: ReturnType<typeof startMain>[] = [];

beforeAll(async () => {
  database = await createTestDatabase("collab_crash");
});
afterAll(async () => {
  clients.closeAll();
  for (const main of processes) main.kill("SIGKILL");
  await database?.drop();
});

async function startCollab(port: number) {
  const main = startMain({
    AUTH_SECRET: TEST_AUTH_SECRET,
    DATABASE_URL: database.url,
    COLLAB_PORT: String(port),
    COLLAB_ALLOW_MISSING_ORIGIN: "true",
  });
  processes.push(main);
  return { main, url: await main.listening() };
}

const text = (provider: HocuspocusProvider) => provider.document.getText("notes").toString();

/** Makes an edit and SIGKILLs the server the instant the provider hears it acknowledged. */
function editThenKill(provider: HocuspocusProvider, edit: () => void, kill: () => void) {
  return new Promise<void>((resolve) => {
    const listener = ({ number }: { number: number }) => {
      if (number !== 0) return;
      kill();
      provider.off("unsyncedChanges", listener);
      resolve();
    };
    provider.on("unsyncedChanges", listener);
    edit();
  });
}

it("keeps an acknowledged edit through kill -9, and reconnecting clients converge without duplicates", async () => {
  const { db } = database;
  const course = await createCourse(db);
  const notesText = await createText(db, course.id);
  const [alice, badr, carim] = await Promise.all([createUser(db), createUser(db), createUser(db)]);
  for (const user of [alice, badr, carim]) await addMember(db, course.id, user.id);
  const name = `notes:${notesText.id}`;
  const port = await freePort();

  const first = await startCollab(port);
  const a = (await clients.connect(first.url, name, await tokenFor(alice))).provider;
  const b = (await clients.connect(first.url, name, await tokenFor(badr))).provider;
  await until(() => a.isSynced && b.isSynced, "both synced");
  a.document.getText("notes").insert(0, "[أ١] ");
  b.document.getText("notes").insert(0, "[ب١] ");
  await until(
    () => !a.hasUnsyncedChanges && !b.hasUnsyncedChanges && text(a) === text(b),
    "both edits acknowledged and exchanged",
  );

  const notes = a.document.getText("notes");
  await editThenKill(
    a,
    () => notes.insert(notes.length, "[أ٢ الأخيرة]"),
    () => first.main.kill("SIGKILL"),
  );
  const acknowledged = text(a);
  expect(await first.main.exited).toBeNull(); // killed by the signal, no exit code
  expect(first.main.output().stdout).not.toContain("collab stopping");

  // Already in PostgreSQL, with no server left to write it.
  const stored = new Y.Doc();
  for (const update of await loadUpdates(db, name)) Y.applyUpdate(stored, update);
  expect(stored.getText("notes").toString()).toContain("[أ٢ الأخيرة]");

  // B writes while the server is down; it reaches the server when B reconnects.
  b.document.getText("notes").insert(0, "[ب٢ دون اتصال] ");
  const expected = new Y.Doc();
  Y.applyUpdate(expected, Y.encodeStateAsUpdate(a.document));
  Y.applyUpdate(expected, Y.encodeStateAsUpdate(b.document));
  const converged = expected.getText("notes").toString();

  const second = await startCollab(port);
  const c = (await clients.connect(second.url, name, await tokenFor(carim))).provider;
  await until(() => c.isSynced, "a fresh client synced");
  expect(text(c)).toContain(acknowledged);

  await until(
    () =>
      !a.hasUnsyncedChanges &&
      !b.hasUnsyncedChanges &&
      text(a) === converged &&
      text(b) === converged &&
      text(c) === converged,
    "the reconnected clients and the fresh one converged",
    30_000,
  );
  for (const marker of ["[أ١]", "[ب١]", "[أ٢ الأخيرة]", "[ب٢ دون اتصال]"]) {
    expect(converged.split(marker).length - 1, marker).toBe(1);
  }

  // And once more from the database alone, after a second kill.
  second.main.kill("SIGKILL");
  await second.main.exited;
  const after = new Y.Doc();
  for (const update of await loadUpdates(db, name)) Y.applyUpdate(after, update);
  expect(after.getText("notes").toString()).toBe(converged);
}, 90_000);
