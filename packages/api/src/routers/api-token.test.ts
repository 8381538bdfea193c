// Personal API tokens: the secret is answered once and stored only as its hash; names are
// checked; at most 20 active tokens; a revoked one stays listed, marked, and cannot be revived.
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiToken, userForApiToken } from "../accounts/api-tokens";
import { rejectionOf } from "../testing/errors";
import { buildUser, callerFor, sessionOf } from "../testing/factories";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase("api_api_tokens");
});
afterAll(async () => {
  await testDb?.drop();
});

async function person() {
  const user = await buildUser(testDb.db);
  return { user, caller: callerFor(testDb.db, sessionOf(user)) };
}

describe("apiToken", () => {
  it("answers the secret once, stores only its hash, and the token acts for its owner", async () => {
    const { user, caller } = await person();
    const created = await caller.apiToken.create({ name: "Zotero" });
    expect(created.token).toMatch(/^hsy_[\w-]{43}$/);
    const row = await testDb.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(JSON.stringify(await caller.apiToken.list())).not.toContain(created.token);
    expect((await userForApiToken(testDb.db, created.token))?.id).toBe(user.id);
  });

  it("refuses an empty or overlong name with its sentence", async () => {
    const { caller } = await person();
    expect(await rejectionOf(caller.apiToken.create({ name: "   " }))).toBe(
      "api_token.name_invalid",
    );
    expect(await rejectionOf(caller.apiToken.create({ name: "x".repeat(81) }))).toBe(
      "api_token.name_invalid",
    );
  });

  it("allows 20 active tokens; revoking one makes room", async () => {
    const { caller } = await person();
    const ids: string[] = [];
    for (let k = 0; k < 20; k++) ids.push((await caller.apiToken.create({ name: `t${k}` })).id);
    expect(await rejectionOf(caller.apiToken.create({ name: "one more" }))).toBe(
      "api_token.too_many",
    );
    await caller.apiToken.revoke({ id: ids[0]! });
    expect(await rejectionOf(caller.apiToken.create({ name: "one more" }))).toBe("resolved");
  });

  it("keeps a revoked token listed with its date; it no longer authenticates", async () => {
    const { caller } = await person();
    const { id, token } = await caller.apiToken.create({ name: "old" });
    const revoked = await caller.apiToken.revoke({ id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    // Revoking again changes nothing.
    expect((await caller.apiToken.revoke({ id })).revokedAt).toEqual(revoked.revokedAt);
    expect(await userForApiToken(testDb.db, token)).toBeNull();
    const listed = (await caller.apiToken.list()).find((t) => t.id === id);
    expect(listed?.revokedAt).toEqual(revoked.revokedAt);
  });

  it("stops authenticating when its account is deleted", async () => {
    const { user, caller } = await person();
    const { token } = await caller.apiToken.create({ name: "gone" });
    await testDb.db.user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    expect(await userForApiToken(testDb.db, token)).toBeNull();
  });
});
