// The course, member, invite and text-administration procedures × every persona, against
// "course settings, texts, invites, roles, remove members" in DESIGN.md's "Who may do what":
// the course's instructors and admins. Outsiders learn nothing of a course (not_found); members
// who may not are told who may (a sentence); anonymous callers are asked to sign in.
// Starting a course and joining one with an invite are every signed-in person's; the member
// list is for the course's staff (moderators mute members from it).
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import {
  buildCourse,
  buildMembership,
  buildText,
  buildUser,
  callerFor,
} from "../testing/factories";
import {
  allPersonas as all,
  buildCourseWorld,
  joinAsPersona,
  memberPersonas,
  type Persona,
  staffPersonas,
} from "../testing/personas";
import type { SessionUser } from "../trpc";

let testDb: TestDatabase;
let personas: Map<Persona, SessionUser | null>;

beforeAll(async () => {
  testDb = await createTestDatabase("api_access_courses");
  personas = (await buildCourseWorld(testDb.db)).users;
});
afterAll(() => testDb.drop());

const caller = (persona: Persona) => callerFor(testDb.db, personas.get(persona) ?? null);

/**
 * A course of its own for each call (so that one persona's archive or removal does not change
 * the next one's answer), where the persona has the role its name says, with an instructor who
 * owns it, a student to act on, a text and an invite.
 */
async function courseFor(persona: Persona) {
  const { db } = testDb;
  const course = await buildCourse(db);
  const owner = await buildUser(db);
  const target = await buildUser(db);
  await buildMembership(db, course.id, owner.id, "instructor");
  await buildMembership(db, course.id, target.id, "student");
  await joinAsPersona(db, course.id, persona, personas.get(persona));
  const text = await buildText(db, course.id);
  const invite = await db.courseInvite.create({
    data: {
      courseId: course.id,
      token: `tok-${course.id}-0123456789`,
      code: course.id.slice(-8).toUpperCase(),
      createdById: owner.id,
    },
  });
  return { courseId: course.id, textId: text.id, targetId: target.id, invite };
}

type Rule = "managers" | "staff" | "signed-in" | "everyone";

/** The answer DESIGN's table gives `persona` for a procedure under `rule`. */
function expected(persona: Persona, rule: Rule): string {
  if (rule === "everyone") return "resolved";
  if (persona === "anonymous") return "auth.sign_in_required";
  if (rule === "signed-in") return "resolved";
  const allowed = rule === "managers" ? ["instructor", "admin"] : staffPersonas;
  if (allowed.includes(persona)) return "resolved";
  if (!memberPersonas.includes(persona)) return "not_found";
  return rule === "managers" ? "course.instructors_only" : "course.staff_only";
}

type Course = Awaited<ReturnType<typeof courseFor>>;
const procedures: Record<string, [Rule, (persona: Persona, course: Course) => Promise<unknown>]> = {
  "course.manage": ["managers", (p, c) => caller(p).course.manage({ courseId: c.courseId })],
  "course.rename": [
    "managers",
    (p, c) => caller(p).course.rename({ courseId: c.courseId, title: "مقرر جديد" }),
  ],
  "course.archive": ["managers", (p, c) => caller(p).course.archive({ courseId: c.courseId })],
  "course.restore": ["managers", (p, c) => caller(p).course.restore({ courseId: c.courseId })],
  "course.copy": [
    "managers",
    (p, c) => caller(p).course.copy({ courseId: c.courseId, title: "الفصل القادم" }),
  ],
  "course.updateSettings": [
    "managers",
    (p, c) => caller(p).course.updateSettings({ courseId: c.courseId, preModeration: true }),
  ],
  "member.list": ["staff", (p, c) => caller(p).member.list({ courseId: c.courseId })],
  "member.setRole": [
    "managers",
    (p, c) =>
      caller(p).member.setRole({ courseId: c.courseId, userId: c.targetId, role: "moderator" }),
  ],
  "member.remove": [
    "managers",
    (p, c) => caller(p).member.remove({ courseId: c.courseId, userId: c.targetId }),
  ],
  "invite.list": ["managers", (p, c) => caller(p).invite.list({ courseId: c.courseId })],
  "invite.create": ["managers", (p, c) => caller(p).invite.create({ courseId: c.courseId })],
  "invite.revoke": [
    "managers",
    (p, c) => caller(p).invite.revoke({ courseId: c.courseId, inviteId: c.invite.id }),
  ],
  "invite.preview": ["everyone", (p, c) => caller(p).invite.preview({ token: c.invite.token })],
  "invite.join": ["signed-in", (p, c) => caller(p).invite.join({ token: c.invite.token })],
  "text.create": [
    "managers",
    (p, c) =>
      caller(p).text.create({ courseId: c.courseId, title: "نص", source: "سطر", format: "plain" }),
  ],
  "text.update": [
    "managers",
    (p, c) => caller(p).text.update({ textId: c.textId, instructions: "اقرأ" }),
  ],
};

for (const [name, [rule, call]] of Object.entries(procedures)) {
  describe(name, () => {
    it.each(all)("as %s", async (persona) => {
      const course = await courseFor(persona);
      expect(await rejectionOf(call(persona, course))).toBe(expected(persona, rule));
    });
  });
}

describe("course.create", () => {
  it.each(all)("as %s: anyone signed in starts a course and teaches it", async (persona) => {
    const outcome = caller(persona).course.create({ title: "مقرر" });
    expect(await rejectionOf(outcome)).toBe(expected(persona, "signed-in"));
    if (persona === "anonymous") return;
    const { id } = await outcome;
    expect(await caller(persona).course.manage({ courseId: id })).toMatchObject({ id });
  });
});

describe("a refused change leaves the course as it was", () => {
  it.each(all.filter((p) => expected(p, "managers") !== "resolved"))("as %s", async (persona) => {
    const course = await courseFor(persona);
    await rejectionOf(caller(persona).course.archive({ courseId: course.courseId }));
    await rejectionOf(
      caller(persona).member.remove({ courseId: course.courseId, userId: course.targetId }),
    );
    const stored = await testDb.db.course.findUniqueOrThrow({
      where: { id: course.courseId },
      include: { memberships: true },
    });
    expect(stored.archivedAt).toBeNull();
    expect(stored.memberships.some((m) => m.userId === course.targetId)).toBe(true);
  });
});
