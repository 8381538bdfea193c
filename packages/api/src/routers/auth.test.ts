import { verifyPassword } from "@hashiya/auth/password";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import { callerFor } from "../testing/factories";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase("api_auth");
});
afterAll(() => testDb.drop());

const anonymous = () => callerFor(testDb.db, null);

describe("auth.signUp", () => {
  it("creates the user with a lower-cased email and an argon2 hash", async () => {
    const { id } = await anonymous().auth.signUp({
      name: "  سلمى  ",
      email: "Salma@Example.COM",
      password: "a long enough pass phrase",
      locale: "en",
    });
    const user = await testDb.db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ name: "سلمى", email: "salma@example.com", locale: "en" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash!, "a long enough pass phrase")).toBe(true);
    expect(await verifyPassword(user.passwordHash!, "another pass phrase")).toBe(false);
  });

  it("refuses an email already taken, whatever its case", async () => {
    const input = { name: "A", email: "taken@example.com", password: "correct horse battery" };
    await anonymous().auth.signUp(input);
    expect(await rejectionOf(anonymous().auth.signUp({ ...input, email: "TAKEN@example.com" }))).toBe(
      "auth.email_taken",
    );
  });

  it.each([
    ["short1", "auth.weak_password.too_short"],
    ["aaaaaaaaaaaaaa", "auth.weak_password.too_simple"],
    ["password123", "auth.weak_password.too_simple"],
    ["x".repeat(201), "auth.weak_password.too_long"],
    ["my-weakling-2026", "auth.weak_password.contains_email"],
  ])("refuses the weak password %s", async (password, appCode) => {
    const email = "weakling@example.com";
    expect(await rejectionOf(anonymous().auth.signUp({ name: "B", email, password }))).toBe(appCode);
    expect(await testDb.db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a malformed email as invalid input, and an empty name with its own sentence", async () => {
    const password = "correct horse battery";
    expect(await rejectionOf(anonymous().auth.signUp({ name: "C", email: "not-an-email", password }))).toBe(
      "invalid_input",
    );
    for (const name of ["   ", "\u202E\u202C", "\u200B"]) {
      expect(await rejectionOf(anonymous().auth.signUp({ name, email: "c@example.com", password }))).toBe(
        "display_name.invalid",
      );
    }
  });

  it("stores the name sanitised: no text-direction overrides, controls or invisible marks", async () => {
    const { id } = await anonymous().auth.signUp({
      name: " \u202Eسلمى\u202C\u200B\nالحسيني\u0007 ",
      email: "sanitised@example.com",
      password: "a long enough pass phrase",
    });
    const user = await testDb.db.user.findUniqueOrThrow({ where: { id } });
    expect(user.name).toBe("سلمى الحسيني");
  });
});
