// Accounts, notifications, mentions and the admin screen × every persona, against DESIGN.md's
// "Who may do what": one's own account, data and notifications are every signed-in person's
// ("W3C export of own work, delete own account: non-member ✓ own"); mentions are the writers'
// of the text; the admin screen is the admins'. Password reset is open to anyone.
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveHub, type LiveHub } from "../live/hub";
import { rejectionOf } from "../testing/errors";
import { callerFor } from "../testing/factories";
import { allowed, everyPersona } from "../testing/matrix";
import { allPersonas, buildCourseWorld, type Persona, writerPersonas } from "../testing/personas";
import type { SessionUser } from "../trpc";

let testDb: TestDatabase;
let personas: Map<Persona, SessionUser | null>;
let publicTextId: string;
let privateTextId: string;
let hub: LiveHub;

beforeAll(async () => {
  testDb = await createTestDatabase("api_access_accounts");
  const world = await buildCourseWorld(testDb.db);
  personas = world.users;
  publicTextId = world.publicText.id;
  privateTextId = world.privateText.id;
  hub = createLiveHub(testDb.url, { onError: () => {} });
  await hub.ready();
  // Every signed-in persona has a password, for the procedures that ask for it.
  const { hashPassword } = await import("@hashiya/auth/password");
  const passwordHash = await hashPassword(PASSWORD);
  const ids = [...personas.values()].flatMap((user) => (user ? [user.id] : []));
  await testDb.db.user.updateMany({ where: { id: { in: ids } }, data: { passwordHash } });
});
afterAll(async () => {
  await hub.close();
  await testDb.drop();
});

const PASSWORD = "كلمة مرور المصفوفة 2024";
const caller = (persona: Persona) =>
  callerFor(testDb.db, personas.get(persona) ?? null, { live: hub });
const signedIn = allowed(
  allPersonas.filter((p) => p !== "anonymous"),
  { anonymous: "auth.sign_in_required" },
);

describe("one's own account", () => {
  everyPersona("account.profile", signedIn, (p) => caller(p).account.profile());
  everyPersona("account.rename (to the same name)", signedIn, (p) =>
    caller(p).account.rename({ name: personas.get(p)?.name ?? "x" }),
  );
  everyPersona("account.changePassword (to the same password)", signedIn, (p) =>
    caller(p).account.changePassword({ currentPassword: PASSWORD, newPassword: PASSWORD }),
  );
  everyPersona("account.exportData", signedIn, (p) => caller(p).account.exportData());
  // Asked with a wrong password, so that the row deletes nobody: reaching the check is the right.
  everyPersona(
    "account.delete (a wrong password)",
    allowed([], { anonymous: "auth.sign_in_required", otherwise: "account.wrong_password" }),
    (p) => caller(p).account.delete({ password: "not the password" }),
  );
  everyPersona("account.requestPasswordReset", allowed(allPersonas), (p) =>
    caller(p).account.requestPasswordReset({ email: "anyone@hashiya.test" }),
  );
  everyPersona(
    "account.resetPassword (an unknown link)",
    allowed([], { otherwise: "account.reset_link_invalid" }),
    (p) => caller(p).account.resetPassword({ token: "A".repeat(43), password: PASSWORD }),
  );
});

describe("one's own notifications", () => {
  everyPersona("notification.list", signedIn, (p) => caller(p).notification.list({}));
  everyPersona("notification.unreadCount", signedIn, (p) => caller(p).notification.unreadCount());
  everyPersona("notification.markRead", signedIn, (p) =>
    caller(p).notification.markRead({ ids: ["1"] }),
  );
  everyPersona("notification.markAllRead", signedIn, (p) => caller(p).notification.markAllRead({}));
  everyPersona("notification.preferences", signedIn, (p) => caller(p).notification.preferences());
  everyPersona("notification.setPreference", signedIn, (p) =>
    caller(p).notification.setPreference({ kind: "reply", inApp: true, email: false }),
  );
  it.each(allPersonas)("notification.onNotification, as %s", async (persona) => {
    const abort = new AbortController();
    const attempt = callerFor(testDb.db, personas.get(persona) ?? null, {
      live: hub,
      signal: abort.signal,
    }).notification.onNotification({});
    const outcome = await rejectionOf(attempt);
    abort.abort();
    expect(outcome).toBe(persona === "anonymous" ? "auth.sign_in_required" : "resolved");
  });
});

describe("mention.suggest", () => {
  everyPersona(
    "on a public text",
    allowed(writerPersonas, {
      anonymous: "auth.sign_in_required",
      otherwise: "course.members_only",
    }),
    (p) => caller(p).mention.suggest({ textId: publicTextId, query: "" }),
  );
  everyPersona(
    "on a course-only text",
    allowed(writerPersonas, { anonymous: "auth.sign_in_required", otherwise: "not_found" }),
    (p) => caller(p).mention.suggest({ textId: privateTextId, query: "" }),
  );
});

describe("the admin screen", () => {
  const adminsOnly = allowed(["admin"], {
    anonymous: "auth.sign_in_required",
    otherwise: "admin.only",
  });
  everyPersona("admin.users", adminsOnly, (p) => caller(p).admin.users({}));
  everyPersona("admin.courses", adminsOnly, (p) => caller(p).admin.courses({}));
  // Making the admin an admin again changes nothing, and shows who may.
  everyPersona("admin.setAdmin", adminsOnly, (p) =>
    caller(p).admin.setAdmin({ userId: personas.get("admin")!.id, isAdmin: true }),
  );
});
