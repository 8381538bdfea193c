import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MalformedMessage } from "../close-codes";
import { countUpdates } from "../collab-updates";
import { addMember, createCourse, createText, createUser } from "../testing/factories";
import { Clients, startTestServer, tokenFor, until } from "../testing/harness";
import { randomBytes, seededRandom } from "../testing/random";
import { frames, openRawSocket } from "../testing/raw-socket";

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const clients = new Clients();

beforeAll(async () => {
  database = await createTestDatabase("collab_guard");
  server = await startTestServer(database.db);
});
afterAll(async () => {
  clients.closeAll();
  await server?.server.destroy();
  await database?.drop();
});

/** Yjs's own verdict, on a copy of the document: does applying `update` throw? */
function yjsRefuses(document: Y.Doc, update: Uint8Array): { throws: boolean; changes: boolean } {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
  const before = copy.getText("notes").toString();
  let throws = false;
  try {
    Y.applyUpdate(copy, update);
  } catch {
    throws = true;
  }
  return { throws, changes: copy.getText("notes").toString() !== before };
}

/** An edit made on top of the document, as a provider would send it. */
function editOn(document: Y.Doc, random: () => number): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
  const vector = Y.encodeStateVector(copy);
  const text = copy.getText("notes");
  text.insert(Math.floor(random() * text.length), `«${Math.floor(random() * 1e6)}» سطر جديد`);
  text.delete(0, 1);
  return Y.encodeStateAsUpdate(copy, vector);
}

/** Malformed messages of several kinds, from one seed; each is one that Yjs itself refuses. */
function malformed(name: string, document: Y.Doc, seed: number) {
  const random = seededRandom(seed);
  const pick = (make: () => Uint8Array, also: (verdict: { changes: boolean }) => boolean) => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const update = make();
      const verdict = yjsRefuses(document, update);
      if (verdict.throws && also(verdict)) return update;
    }
    throw new Error(`seed ${seed}: no candidate`);
  };
  const anything = () => true;
  const edit = editOn(document, random);
  const randomUpdate = pick(() => randomBytes(random, 1 + Math.floor(random() * 200)), anything);
  const truncated = pick(() => edit.slice(0, Math.floor(random() * edit.length)), anything);
  // Bytes flipped in a genuine edit until Yjs applies part of it before it throws: without the
  // guard, y-protocols swallows the error, the half-applied edit stays and is acknowledged.
  const halfApplied = pick(
    () => {
      const bytes = edit.slice();
      for (let i = 0; i < 3; i++) bytes[Math.floor(random() * bytes.length)] = random() * 256;
      return bytes;
    },
    ({ changes }) => changes,
  );
  const whole = frames.update(name, edit);
  return {
    "random bytes as an update": frames.update(name, randomUpdate),
    "random bytes as sync step 2": frames.update(name, randomUpdate, true),
    "a truncated update": frames.update(name, truncated),
    "a half-applying update": frames.update(name, halfApplied),
    "a truncated message": whole.slice(0, Math.max(name.length + 3, whole.length - 5)),
    "random bytes as awareness": frames.awareness(name, randomBytes(random, 40)),
  };
}

describe.each([1, 2, 3])("with seed %i", (seed) => {
  it("closes only the sender's socket, and the document and the other clients stay intact", async () => {
    const { db } = database;
    const course = await createCourse(db);
    const text = await createText(db, course.id);
    const [writer, reader, attacker] = await Promise.all([
      createUser(db),
      createUser(db),
      createUser(db),
    ]);
    for (const user of [writer, reader, attacker]) await addMember(db, course.id, user.id);
    const name = `notes:${text.id}`;

    const honest: HocuspocusProvider[] = [];
    let honestClosed = 0;
    for (const user of [writer, reader]) {
      const { provider, socket } = await clients.connect(server.url, name, await tokenFor(user));
      socket.on("close", () => honestClosed++);
      honest.push(provider);
    }
    const [first, second] = honest as [HocuspocusProvider, HocuspocusProvider];
    first.document.getText("notes").insert(0, "ملاحظات مشتركة: نقرأ ونكتب معًا.");
    await until(() => !first.hasUnsyncedChanges, "the first edit acknowledged");
    const atServer = () => server.server.hocuspocus.documents.get(name);
    const content = () => atServer()?.getText("notes").toString();
    const before = content();
    const rows = await countUpdates(db, name);

    for (const [kind, message] of Object.entries(malformed(name, first.document, seed))) {
      const { socket, closed } = await openRawSocket(server.url, name, await tokenFor(attacker));
      socket.send(message);
      expect(await closed, kind).toEqual({
        code: MalformedMessage.code,
        reason: MalformedMessage.reason,
      });
      expect(content(), kind).toBe(before);
      expect(atServer()?.store.pendingStructs, kind).toBeNull();
    }
    expect(await countUpdates(db, name)).toBe(rows);
    expect(server.logged.filter((entry) => entry.event === "malformed").length).toBeGreaterThan(0);

    // The honest clients never noticed, and still write to each other.
    expect(honestClosed).toBe(0);
    second.document.getText("notes").insert(0, "✓ ");
    await until(
      () => first.document.getText("notes").toString() === `✓ ${before}`,
      "the second client's edit at the first",
    );
    expect(content()).toBe(`✓ ${before}`);
  });
});
