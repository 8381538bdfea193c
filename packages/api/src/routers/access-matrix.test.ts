// Every role × every procedure of this API, against the table "Who may do what" in DESIGN.md.
import { presenceColour } from "@hashiya/annotation-schema";
import { verifyCollabToken } from "@hashiya/auth/collab-token";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import {
  buildCourse,
  buildMembership,
  buildText,
  buildUser,
  callerFor,
  TEST_AUTH_SECRET,
} from "../testing/factories";
import type { SessionUser } from "../trpc";

type Persona =
  | "anonymous"
  | "non-member"
  | "student of another course"
  | "student"
  | "moderator"
  | "instructor"
  | "admin";

let testDb: TestDatabase;
const personas = new Map<Persona, SessionUser | null>();
let courseId: string;
let publicTextId: string;
let privateTextId: string;
let privateCourseId: string;

beforeAll(async () => {
  testDb = await createTestDatabase("api_access");
  const { db } = testDb;
  const course = await buildCourse(db);
  const otherCourse = await buildCourse(db);
  const privateCourse = await buildCourse(db);
  courseId = course.id;
  privateCourseId = privateCourse.id;
  publicTextId = (await buildText(db, course.id, { isPublic: true })).id;
  privateTextId = (await buildText(db, course.id, { isPublic: false })).id;
  await buildText(db, privateCourse.id, { isPublic: false });

  const asSession = (user: { id: string; name: string; isAdmin: boolean }) => ({
    id: user.id,
    name: user.name,
    isAdmin: user.isAdmin,
  });
  personas.set("anonymous", null);
  personas.set("non-member", asSession(await buildUser(db)));
  const outsider = await buildUser(db);
  await buildMembership(db, otherCourse.id, outsider.id, "student");
  personas.set("student of another course", asSession(outsider));
  for (const role of ["student", "moderator", "instructor"] as const) {
    const user = await buildUser(db);
    await buildMembership(db, course.id, user.id, role);
    personas.set(role, asSession(user));
  }
  personas.set("admin", asSession(await buildUser(db, { isAdmin: true })));
});
afterAll(() => testDb.drop());

const caller = (persona: Persona) => callerFor(testDb.db, personas.get(persona) ?? null);
const all: Persona[] = [
  "anonymous",
  "non-member",
  "student of another course",
  "student",
  "moderator",
  "instructor",
  "admin",
];
const members: Persona[] = ["student", "moderator", "instructor"];

describe("text.byId", () => {
  it.each(all)("a public text is readable by %s", async (persona) => {
    const text = await caller(persona).text.byId({ textId: publicTextId });
    expect(text.blocks).toHaveLength(2);
    expect(text.direction).toBe("rtl");
  });

  it.each(all)("a course-only text, as %s", async (persona) => {
    const allowed = members.includes(persona) || persona === "admin";
    const outcome = await rejectionOf(caller(persona).text.byId({ textId: privateTextId }));
    expect(outcome).toBe(allowed ? "resolved" : "not_found");
  });

  it("answers not_found alike for a missing id and a forbidden one", async () => {
    expect(await rejectionOf(caller("anonymous").text.byId({ textId: "no-such-text" }))).toBe(
      "not_found",
    );
  });

  it("refuses an over-long id as invalid input", async () => {
    expect(await rejectionOf(caller("student").text.byId({ textId: "x".repeat(65) }))).toBe(
      "invalid_input",
    );
  });
});

describe("course.byId", () => {
  it.each(all)("as %s: members and admins see every text, others the public ones", async (persona) => {
    const course = await caller(persona).course.byId({ courseId });
    const seesAll = members.includes(persona) || persona === "admin";
    expect(course.texts.map((text) => text.id).sort()).toEqual(
      (seesAll ? [publicTextId, privateTextId] : [publicTextId]).sort(),
    );
    expect(course.role).toBe(members.includes(persona) ? persona : null);
  });

  it.each(all)("a course with no public text, as %s", async (persona) => {
    const allowed = persona === "admin";
    const outcome = await rejectionOf(caller(persona).course.byId({ courseId: privateCourseId }));
    expect(outcome).toBe(allowed ? "resolved" : "not_found");
  });
});

describe("course.mine", () => {
  it("needs a signed-in user", async () => {
    expect(await rejectionOf(caller("anonymous").course.mine())).toBe("auth.sign_in_required");
  });

  it.each(members)("lists the course with the %s's role", async (persona) => {
    const mine = await caller(persona).course.mine();
    expect(mine).toEqual([expect.objectContaining({ id: courseId, role: persona })]);
    expect(mine[0]?.texts).toHaveLength(2);
  });

  it("lists nothing for a non-member", async () => {
    expect(await caller("non-member").course.mine()).toEqual([]);
  });
});

describe("text.publicList", () => {
  it.each(all)("shows only public texts, to %s", async (persona) => {
    const texts = await caller(persona).text.publicList();
    expect(texts.map((text) => text.id)).toEqual([publicTextId]);
  });
});

describe("collab.token", () => {
  it("needs a signed-in user", async () => {
    expect(await rejectionOf(caller("anonymous").collab.token())).toBe("auth.sign_in_required");
  });

  it.each(all.filter((p) => p !== "anonymous"))("gives %s a token for their own identity", async (persona) => {
    const { token, url, user } = await caller(persona).collab.token();
    const identity = await verifyCollabToken(token, TEST_AUTH_SECRET);
    expect(identity.userId).toBe(personas.get(persona)?.id);
    expect(user).toEqual({ id: identity.userId, name: identity.name, colour: presenceColour(identity.userId) });
    expect(url).toMatch(/^wss?:\/\//);
  });
});

describe("me.setLocale", () => {
  it("needs a signed-in user", async () => {
    expect(await rejectionOf(caller("anonymous").me.setLocale({ locale: "en" }))).toBe(
      "auth.sign_in_required",
    );
  });

  it("stores the choice and refuses an unknown language", async () => {
    await caller("student").me.setLocale({ locale: "en" });
    const id = personas.get("student")?.id;
    expect((await testDb.db.user.findUniqueOrThrow({ where: { id } })).locale).toBe("en");
    // @ts-expect-error: the input type already refuses it; the server must too.
    expect(await rejectionOf(caller("student").me.setLocale({ locale: "fr" }))).toBe("invalid_input");
  });
});
