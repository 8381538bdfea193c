// Rows of the matrix for procedures the other matrix files do not reach: signing up, and the
// anchors of a text's visible threads (DESIGN.md, "Who may do what": reading a text and its
// visible course threads; instructors-only items for staff).
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationInput, callerFor } from "../testing/factories";
import { allowed, everyPersona } from "../testing/matrix";
import {
  allPersonas,
  buildCourseWorld,
  type CourseWorld,
  memberPersonas,
  type Persona,
  staffPersonas,
} from "../testing/personas";

let testDb: TestDatabase;
let world: CourseWorld;
let courseThread: string;
let staffThread: string;

beforeAll(async () => {
  testDb = await createTestDatabase("api_access_core");
  world = await buildCourseWorld(testDb.db);
  const classmate = callerFor(testDb.db, world.classmate);
  courseThread = (await classmate.annotation.create(annotationInput(world.publicText))).thread!.id;
  staffThread = (
    await classmate.annotation.create(
      annotationInput(world.publicText, { visibility: "instructors" }),
    )
  ).thread!.id;
});
afterAll(() => testDb.drop());

const caller = (persona: Persona) => callerFor(testDb.db, world.users.get(persona) ?? null);
let signUps = 0;

describe("auth.signUp", () => {
  // Anyone may open an account, signed in or not (it is a new, separate account).
  everyPersona("opens an account", allowed(allPersonas), (persona) =>
    caller(persona).auth.signUp({
      name: "سلمى",
      email: `new-${signUps++}-${persona.replace(/\W/g, "")}@example.com`,
      password: "a long enough pass phrase",
    }),
  );
});

describe("annotation.anchors", () => {
  it.each(allPersonas)(
    "a public text: course threads for all, instructors-only ones for staff, as %s",
    async (persona) => {
      const { anchors } = await caller(persona).annotation.anchors({ textId: world.publicText.id });
      const ids = anchors.map((anchor) => anchor.id);
      expect(ids).toContain(courseThread);
      expect(ids.includes(staffThread)).toBe(staffPersonas.includes(persona));
    },
  );

  everyPersona(
    "a course-only text",
    allowed([...memberPersonas, "admin"], { otherwise: "not_found" }),
    (persona) => caller(persona).annotation.anchors({ textId: world.privateText.id }),
  );
});
