import { describe, expect, it } from "vitest";
import { type Actor, type CourseAction, type CourseStanding, can } from "./actor";

// DESIGN.md "Who may do what", course-level rows, one column per persona.
const personas: Record<string, [Actor, CourseStanding]> = {
  anonymous: [null, "none"],
  "non-member": [{ userId: "u", isAdmin: false }, "none"],
  student: [{ userId: "u", isAdmin: false }, "student"],
  moderator: [{ userId: "u", isAdmin: false }, "moderator"],
  instructor: [{ userId: "u", isAdmin: false }, "instructor"],
  admin: [{ userId: "u", isAdmin: true }, "none"],
};

const table: Record<CourseAction, string[]> = {
  read_public_text: ["anonymous", "non-member", "student", "moderator", "instructor", "admin"],
  read_course_text: ["student", "moderator", "instructor", "admin"],
  annotate: ["student", "moderator", "instructor", "admin"],
  moderate: ["moderator", "instructor", "admin"],
  view_dashboard: ["moderator", "instructor", "admin"],
  manage_course: ["instructor", "admin"],
};

describe("can", () => {
  for (const [action, allowed] of Object.entries(table) as [CourseAction, string[]][]) {
    for (const [persona, [actor, standing]] of Object.entries(personas)) {
      const expected = allowed.includes(persona);
      it(`${persona} ${expected ? "may" : "may not"} ${action}`, () => {
        expect(can(actor, standing, action)).toBe(expected);
      });
    }
  }
});
