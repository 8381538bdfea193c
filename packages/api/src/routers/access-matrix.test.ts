// Every role × every procedure of this API, against the table "Who may do what" in DESIGN.md.
import { presenceColour } from "@hashiya/annotation-schema";
import { verifyCollabToken } from "@hashiya/auth/collab-token";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import { allowed, everyPersona } from "../testing/matrix";
import { buildCourse, buildText, callerFor, TEST_AUTH_SECRET } from "../testing/factories";
import {
  allPersonas as all,
  buildCourseWorld,
  memberPersonas as members,
  type Persona,
} from "../testing/personas";
import type { SessionUser } from "../trpc";

let testDb: TestDatabase;
let personas: Map<Persona, SessionUser | null>;
let courseId: string;
let publicTextId: string;
let privateTextId: string;
let privateCourseId: string;

beforeAll(async () => {
  testDb = await createTestDatabase("api_access");
  const world = await buildCourseWorld(testDb.db);
  personas = world.users;
  courseId = world.courseId;
  publicTextId = world.publicText.id;
  privateTextId = world.privateText.id;
  // A course whose only text is not public: outsiders may not even see that it exists.
  privateCourseId = (await buildCourse(testDb.db)).id;
  await buildText(testDb.db, privateCourseId, { isPublic: false });
});
afterAll(() => testDb.drop());

const caller = (persona: Persona) => callerFor(testDb.db, personas.get(persona) ?? null);

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
  it.each(all)(
    "as %s: members and admins see every text, others the public ones",
    async (persona) => {
      const course = await caller(persona).course.byId({ courseId });
      const seesAll = members.includes(persona) || persona === "admin";
      expect(course.texts.map((text) => text.id).sort()).toEqual(
        (seesAll ? [publicTextId, privateTextId] : [publicTextId]).sort(),
      );
      expect(course.role).toBe(members.includes(persona) ? persona : null);
    },
  );

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

  it.each(all.filter((p) => p !== "anonymous"))(
    "gives %s a token for their own identity",
    async (persona) => {
      const { token, url, user } = await caller(persona).collab.token();
      const identity = await verifyCollabToken(token, TEST_AUTH_SECRET);
      expect(identity.userId).toBe(personas.get(persona)?.id);
      expect(user).toEqual({
        id: identity.userId,
        name: identity.name,
        colour: presenceColour(identity.userId),
      });
      expect(url).toMatch(/^wss?:\/\//);
    },
  );
});

describe("collab.presenceNames", () => {
  // The staff may put names to the presence bar's aliases; nobody else, even on a public text.
  everyPersona(
    "collab.presenceNames",
    allowed(["moderator", "instructor", "admin"], { anonymous: "auth.sign_in_required" }),
    (persona) => caller(persona).collab.presenceNames({ textId: publicTextId }),
  );
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
    expect(await rejectionOf(caller("student").me.setLocale({ locale: "fr" }))).toBe(
      "invalid_input",
    );
  });
});
