import { describe, expect, it } from "vitest";
import type { Actor, CourseStanding } from "./actor";
import { canCreateCourse, canWriteInCourse } from "./course";

const personas: Record<string, [Actor, CourseStanding]> = {
  anonymous: [null, "none"],
  "non-member": [{ userId: "u", isAdmin: false }, "none"],
  student: [{ userId: "u", isAdmin: false }, "student"],
  moderator: [{ userId: "u", isAdmin: false }, "moderator"],
  instructor: [{ userId: "u", isAdmin: false }, "instructor"],
  admin: [{ userId: "u", isAdmin: true }, "none"],
};
const writers = ["student", "moderator", "instructor", "admin"];

describe("canWriteInCourse", () => {
  for (const [persona, [actor, standing]] of Object.entries(personas)) {
    const open = writers.includes(persona);
    it(`${persona} ${open ? "may" : "may not"} write in an open course`, () => {
      expect(canWriteInCourse(actor, standing, { archivedAt: null })).toBe(open);
    });
    it(`${persona} may not write in an archived course`, () => {
      expect(canWriteInCourse(actor, standing, { archivedAt: new Date() })).toBe(false);
    });
  }
});

describe("canCreateCourse", () => {
  for (const [persona, [actor]] of Object.entries(personas)) {
    const allowed = persona !== "anonymous";
    it(`${persona} ${allowed ? "may" : "may not"} start a course`, () => {
      expect(canCreateCourse(actor)).toBe(allowed);
    });
  }
});
