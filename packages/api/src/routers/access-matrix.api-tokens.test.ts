// Personal API tokens × every persona: one's own tokens are every signed-in person's; nobody,
// admins included, lists or revokes another person's (their ids answer as unknown).
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe } from "vitest";
import { newApiToken } from "../accounts/api-tokens";
import { buildUser, callerFor } from "../testing/factories";
import { allowed, everyPersona } from "../testing/matrix";
import { allPersonas, buildCourseWorld, type Persona } from "../testing/personas";
import type { SessionUser } from "../trpc";

let testDb: TestDatabase;
let personas: Map<Persona, SessionUser | null>;
let strangersTokenId: string;

beforeAll(async () => {
  testDb = await createTestDatabase("api_access_api_tokens");
  personas = (await buildCourseWorld(testDb.db)).users;
  const stranger = await buildUser(testDb.db);
  const row = await testDb.db.apiToken.create({
    data: { userId: stranger.id, name: "another person's", tokenHash: newApiToken().tokenHash },
  });
  strangersTokenId = row.id;
});
afterAll(async () => {
  await testDb?.drop();
});

const caller = (persona: Persona) => callerFor(testDb.db, personas.get(persona) ?? null);
const signedIn = allowed(
  allPersonas.filter((p) => p !== "anonymous"),
  { anonymous: "auth.sign_in_required" },
);

describe("one's own API tokens", () => {
  everyPersona("apiToken.create", signedIn, (p) => caller(p).apiToken.create({ name: "matrix" }));
  everyPersona("apiToken.list", signedIn, (p) => caller(p).apiToken.list());
  everyPersona("apiToken.revoke (one's own)", signedIn, async (p) => {
    // Anonymous callers have no token of their own to revoke: ask with the stranger's id.
    if (p === "anonymous") return caller(p).apiToken.revoke({ id: strangersTokenId });
    const { id } = await caller(p).apiToken.create({ name: "to revoke" });
    return caller(p).apiToken.revoke({ id });
  });
  everyPersona(
    "apiToken.revoke (another person's)",
    allowed([], { anonymous: "auth.sign_in_required", otherwise: "not_found" }),
    (p) => caller(p).apiToken.revoke({ id: strangersTokenId }),
  );
});
