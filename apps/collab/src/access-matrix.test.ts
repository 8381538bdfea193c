// The websocket channel's rows of the role matrix (DESIGN.md, "Who may do what"): for each
// persona, what the collab server answers for a text's presence (`text:`) and its course's
// shared notes (`notes:`), on a public text and a course-only one. Readers of a text may open
// both read-only; whoever may annotate it (members, admins) read-write; others are refused.
import { allPersonas, buildCourseWorld, type Persona } from "@hashiya/api/testing/personas";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Forbidden, TokenMissing } from "./close-codes";
import { type CollabDocument, documentName } from "./documents";
import { Clients, type Outcome, startTestServer, tokenFor } from "./testing/harness";

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: Awaited<ReturnType<typeof buildCourseWorld>>;
const clients = new Clients();

beforeAll(async () => {
  database = await createTestDatabase("collab_access_matrix");
  server = await startTestServer(database.db);
  world = await buildCourseWorld(database.db);
});
afterEach(() => clients.closeAll());
afterAll(async () => {
  clients.closeAll();
  await server?.server.destroy();
  await database?.drop();
});

const readWrite: Outcome = { type: "authenticated", scope: "read-write" };
// Hocuspocus spells the scopes "read-write" and "readonly".
const readOnly: Outcome = { type: "authenticated", scope: "readonly" };
const refused = (reason: string): Outcome => ({ type: "refused", reason });

/** The answer each persona must get, for a public text and for a course-only one. */
const expected: Record<Persona, { public: Outcome; courseOnly: Outcome }> = {
  // No collab token without signing in (collab.token needs a session).
  anonymous: { public: refused(TokenMissing.reason), courseOnly: refused(TokenMissing.reason) },
  "non-member": { public: readOnly, courseOnly: refused(Forbidden.reason) },
  "student of another course": { public: readOnly, courseOnly: refused(Forbidden.reason) },
  student: { public: readWrite, courseOnly: readWrite },
  moderator: { public: readWrite, courseOnly: readWrite },
  instructor: { public: readWrite, courseOnly: readWrite },
  admin: { public: readWrite, courseOnly: readWrite },
};

async function outcomeFor(persona: Persona, document: CollabDocument): Promise<Outcome> {
  const user = world.users.get(persona);
  const token = user ? await tokenFor({ id: user.id, name: user.name ?? "" }) : null;
  const { outcome } = await clients.connect(server.url, documentName(document), token);
  return outcome;
}

describe.each(["text", "notes"] as const)("%s: documents over the websocket", (type) => {
  it.each(allPersonas)("of a public text, as %s", async (persona) => {
    const document = { type, textId: world.publicText.id };
    expect(await outcomeFor(persona, document)).toEqual(expected[persona].public);
  });

  it.each(allPersonas)("of a course-only text, as %s", async (persona) => {
    const document = { type, textId: world.privateText.id };
    expect(await outcomeFor(persona, document)).toEqual(expected[persona].courseOnly);
  });
});
