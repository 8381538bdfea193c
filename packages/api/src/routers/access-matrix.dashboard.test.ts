// The dashboard procedures × every persona, against "dashboard, export" in DESIGN.md's
// "Who may do what": the course's moderators and instructors, and admins. Who cannot read the
// text learns nothing of it; a reader who is not staff is told the dashboard is for staff.
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import { callerFor } from "../testing/factories";
import {
  allPersonas as all,
  buildCourseWorld,
  type Persona,
  staffPersonas,
} from "../testing/personas";
import type { SessionUser } from "../trpc";

let testDb: TestDatabase;
let personas: Map<Persona, SessionUser | null>;
let publicTextId: string;
let privateTextId: string;

beforeAll(async () => {
  testDb = await createTestDatabase("api_access_dashboard");
  const world = await buildCourseWorld(testDb.db);
  personas = world.users;
  publicTextId = world.publicText.id;
  privateTextId = world.privateText.id;
});
afterAll(() => testDb.drop());

const caller = (persona: Persona) => callerFor(testDb.db, personas.get(persona) ?? null);

/** The answer each persona must get, on a public text and on a course-only one. */
function expected(persona: Persona, textIsPublic: boolean): string {
  if (persona === "anonymous") return "auth.sign_in_required";
  if (staffPersonas.includes(persona)) return "resolved";
  if (persona === "student") return "dashboard.staff_only";
  // Outsiders: a public text is theirs to read, so they are told why; a course text is not.
  return textIsPublic ? "dashboard.staff_only" : "not_found";
}

const procedures = {
  "dashboard.participation": (persona: Persona, textId: string) =>
    caller(persona).dashboard.participation({ textId }),
  "dashboard.heatmap": (persona: Persona, textId: string) =>
    caller(persona).dashboard.heatmap({ textId }),
  "dashboard.confusion": (persona: Persona, textId: string) =>
    caller(persona).dashboard.confusion({ textId }),
};

for (const [name, call] of Object.entries(procedures)) {
  describe(name, () => {
    it.each(all)("on a public text, as %s", async (persona) => {
      expect(await rejectionOf(call(persona, publicTextId))).toBe(expected(persona, true));
    });

    it.each(all)("on a course-only text, as %s", async (persona) => {
      expect(await rejectionOf(call(persona, privateTextId))).toBe(expected(persona, false));
    });

    it("answers not_found for a text that does not exist", async () => {
      expect(await rejectionOf(call("admin", "no-such-text"))).toBe("not_found");
    });
  });
}

describe("dashboard after a change of role", () => {
  it("a moderator made a student loses the dashboard at once", async () => {
    const moderator = personas.get("moderator") as SessionUser;
    const { courseId } = await testDb.db.text.findUniqueOrThrow({ where: { id: privateTextId } });
    const where = { courseId_userId: { courseId, userId: moderator.id } };
    await testDb.db.membership.update({ where, data: { role: "student" } });
    try {
      expect(
        await rejectionOf(caller("moderator").dashboard.participation({ textId: privateTextId })),
      ).toBe("dashboard.staff_only");
    } finally {
      await testDb.db.membership.update({ where, data: { role: "moderator" } });
    }
  });
});
