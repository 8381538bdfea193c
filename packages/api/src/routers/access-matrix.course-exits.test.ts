// Leaving a course and deleting a text × every persona. Leaving is each member's own (an
// instructor's while another remains: the course's owner here); an admin who is not a member
// has nothing to leave. Deleting a text, and counting what it would lose, is for the course's
// instructors and admins; outsiders learn nothing of the text, members are told who may.
import { beforeAll, describe } from "vitest";
import {
  buildCourse,
  buildMembership,
  buildText,
  buildUser,
  callerFor,
} from "../testing/factories";
import { allowed, everyPersona } from "../testing/matrix";
import { buildCourseWorld, joinAsPersona, memberPersonas, type Persona } from "../testing/personas";
import { useTestDatabase } from "../testing/suite";
import type { SessionUser } from "../trpc";

const testDb = useTestDatabase("api_access_course_exits");
let personas: Map<Persona, SessionUser | null>;

beforeAll(async () => {
  personas = (await buildCourseWorld(testDb.db)).users;
});

const caller = (persona: Persona) => callerFor(testDb.db, personas.get(persona) ?? null);

/** A course of its own per call, with an owning instructor, the persona's role and a text. */
async function courseFor(persona: Persona) {
  const { db } = testDb;
  const course = await buildCourse(db);
  await buildMembership(db, course.id, (await buildUser(db)).id, "instructor");
  await joinAsPersona(db, course.id, persona, personas.get(persona));
  const text = await buildText(db, course.id);
  return { courseId: course.id, textId: text.id };
}

const managers = allowed(["instructor", "admin"], {
  anonymous: "auth.sign_in_required",
  "non-member": "not_found",
  "student of another course": "not_found",
  otherwise: "course.instructors_only",
});

describe("member.leave", () => {
  everyPersona(
    "leaves the course",
    allowed(memberPersonas, {
      anonymous: "auth.sign_in_required",
      "non-member": "not_found",
      "student of another course": "not_found",
      admin: "member.not_member",
    }),
    async (p) => caller(p).member.leave({ courseId: (await courseFor(p)).courseId }),
  );
});

describe("text.deletionImpact", () => {
  everyPersona("counts what a deletion loses", managers, async (p) =>
    caller(p).text.deletionImpact({ textId: (await courseFor(p)).textId }),
  );
});

describe("text.delete", () => {
  everyPersona("deletes the text", managers, async (p) =>
    caller(p).text.delete({ textId: (await courseFor(p)).textId }),
  );
});
