import { presenceIdentity } from "@hashiya/api/policies";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { presenceUser } from "../presence-state";
import { encodeAwarenessUpdate } from "../protocol";
import { addMember, createCourse, createText, createUser } from "../testing/factories";
import { Clients, startTestServer, tokenFor, until } from "../testing/harness";
import { frames, openRawSocket } from "../testing/raw-socket";

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const clients = new Clients();

beforeAll(async () => {
  database = await createTestDatabase("collab_presence");
  server = await startTestServer(database.db);
});
afterEach(() => clients.closeAll());
afterAll(async () => {
  clients.closeAll();
  await server?.server.destroy();
  await database?.drop();
});

async function threeReaders(kind: "text" | "notes") {
  const { db } = database;
  const course = await createCourse(db);
  const text = await createText(db, course.id);
  const [alice, mallory, olga] = await Promise.all([
    createUser(db),
    createUser(db),
    createUser(db),
  ]);
  for (const user of [alice, mallory, olga]) await addMember(db, course.id, user.id);
  const name = `${kind}:${text.id}`;
  const connect = async (user: { id: string; name: string }) =>
    (await clients.connect(server.url, name, await tokenFor(user))).provider;
  return {
    name,
    alice,
    mallory,
    honest: await connect(alice),
    forger: await connect(mallory),
    observer: await connect(olga),
  };
}

/** Every state the provider has ever been shown, by client id. */
function witness(provider: HocuspocusProvider) {
  const seen: { clientId: number; state: unknown }[] = [];
  provider.awareness?.on("change", () => {
    for (const [clientId, state] of provider.awareness?.getStates() ?? []) {
      seen.push({ clientId, state: JSON.parse(JSON.stringify(state)) });
    }
  });
  return seen;
}

const stateOf = (provider: HocuspocusProvider, clientId: number) =>
  provider.awareness?.getStates().get(clientId);

it("shows honest presence with the server's identity, and drops forged names and colours", async () => {
  const { name, alice, mallory, honest, forger, observer } = await threeReaders("text");
  const seen = witness(observer);

  honest.setAwarenessField("user", presenceUser(alice));
  honest.setAwarenessField("selection", { start: 3, end: 9 });
  await until(() => stateOf(observer, honest.document.clientID)?.selection?.end === 9, "Alice");

  // Mallory claims to be Alice; then her own id with Alice's name; then another colour; then a
  // selection that is not a span. Each is dropped, and her socket stays open.
  const own = presenceUser(mallory);
  for (const user of [
    presenceUser(alice),
    { ...own, name: alice.name },
    { ...own, colour: "#000000" },
    { ...own, admin: true },
  ]) {
    forger.setAwarenessField("user", user);
  }
  forger.awareness?.setLocalState({ user: own, selection: { start: 9, end: 3 } });
  // Her honest state, sent last on the same socket: once it is seen, the forgeries were handled.
  forger.setAwarenessField("selection", null);
  forger.setAwarenessField("user", own);
  await until(
    () => stateOf(observer, forger.document.clientID)?.user?.id === mallory.id,
    "Mallory",
  );

  const shownForMallory = seen.filter(({ clientId }) => clientId === forger.document.clientID);
  expect(shownForMallory.length).toBeGreaterThan(0);
  for (const { state } of shownForMallory) expect(state).toEqual({ user: own, selection: null });
  expect(stateOf(observer, honest.document.clientID)).toEqual({
    user: presenceUser(alice),
    selection: { start: 3, end: 9 },
  });
  const refused = server.logged.filter((entry) => entry.event === "presence-refused");
  expect(refused.length).toBeGreaterThanOrEqual(4);
  expect(
    refused.every((entry) => entry.fields.user === mallory.id && entry.fields.document === name),
  ).toBe(true);
  expect(forger.configuration.websocketProvider.status).toBe("connected");
});

it("lets a client clear its own state, and nobody else's", async () => {
  const { name, alice, mallory, honest, forger, observer } = await threeReaders("notes");
  honest.setAwarenessField("user", presenceUser(alice));
  forger.setAwarenessField("user", presenceUser(mallory));
  const aliceId = honest.document.clientID;
  await until(
    () =>
      stateOf(observer, aliceId) !== undefined &&
      stateOf(observer, forger.document.clientID) !== undefined,
    "both present",
  );

  // A raw client of Mallory's sends Alice's client id: with Mallory's identity, then null.
  const raw = await openRawSocket(server.url, name, await tokenFor(mallory));
  const json = JSON.stringify({ user: presenceUser(mallory) });
  raw.socket.send(
    frames.awareness(
      name,
      encodeAwarenessUpdate([{ clientId: aliceId, clock: 99, state: null, json }]),
    ),
  );
  raw.socket.send(
    frames.awareness(
      name,
      encodeAwarenessUpdate([{ clientId: aliceId, clock: 100, state: null, json: "null" }]),
    ),
  );
  // A state under a client id of its own, last, to know when the two were handled.
  raw.socket.send(
    frames.awareness(
      name,
      encodeAwarenessUpdate([{ clientId: 4242, clock: 1, state: JSON.parse(json), json }]),
    ),
  );
  await until(() => stateOf(observer, 4242) !== undefined, "the raw client's own state");
  expect(stateOf(observer, aliceId)).toEqual({ user: presenceUser(alice) });

  // Mallory's provider leaves the notes' presence on its own: everyone sees her go.
  forger.awareness?.setLocalState(null);
  await until(() => stateOf(observer, forger.document.clientID) === undefined, "Mallory gone");
  expect(
    server.server.hocuspocus.documents
      .get(name)
      ?.awareness.getStates()
      .has(forger.document.clientID),
  ).toBe(false);
  expect(stateOf(observer, aliceId)).toEqual({ user: presenceUser(alice) });
  raw.socket.close();
});

it("where the course hides classmates' names, a student shows as their alias, never as themself", async () => {
  const { db } = database;
  const course = await createCourse(db);
  await db.course.update({ where: { id: course.id }, data: { namesHidden: true } });
  const text = await createText(db, course.id);
  const [first, second, watcher] = await Promise.all([
    createUser(db),
    createUser(db),
    createUser(db),
  ]);
  for (const user of [first, second, watcher]) await addMember(db, course.id, user.id);
  const name = `text:${text.id}`;
  const student = (await clients.connect(server.url, name, await tokenFor(second))).provider;
  const observer = (await clients.connect(server.url, name, await tokenFor(watcher))).provider;
  const seen = witness(observer);

  // Their own name is refused; the alias the API hands out (`collab.token` with the text) is shown.
  student.setAwarenessField("user", presenceUser(second));
  const alias = await presenceIdentity(db, second, text.id);
  expect(alias.id).toMatch(/^classmate-\d+$/);
  expect(alias.name).not.toContain(second.name);
  student.setAwarenessField("user", alias);
  await until(() => stateOf(observer, student.document.clientID)?.user?.id === alias.id, "alias");
  expect(JSON.stringify(seen)).not.toContain(second.id);
  expect(JSON.stringify(seen)).not.toContain(second.name);
});
