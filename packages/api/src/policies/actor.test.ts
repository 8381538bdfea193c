import { describe, expect, it } from "vitest";
import { type Actor, type CourseAction, type CourseStanding, can } from "./actor";
import { canEditOwn, canSeeThread, canWriteInText } from "./thread";

// DESIGN.md "Who may do what", course-level rows, one column per persona.
const personas: Record<string, [Actor, CourseStanding]> = {
  anonymous: [null, "none"],
  "non-member": [{ userId: "u", isAdmin: false }, "none"],
  student: [{ userId: "u", isAdmin: false }, "student"],
  moderator: [{ userId: "u", isAdmin: false }, "moderator"],
  instructor: [{ userId: "u", isAdmin: false }, "instructor"],
  admin: [{ userId: "u", isAdmin: true }, "none"],
};
const everyone = Object.keys(personas);
const writers = ["student", "moderator", "instructor", "admin"];
const staff = ["moderator", "instructor", "admin"];

const table: Record<CourseAction, string[]> = {
  read_public_text: everyone,
  read_course_text: writers,
  annotate: writers,
  moderate: staff,
  view_dashboard: staff,
  view_members: staff,
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

// The thread rows: each persona against a thread written by themselves ("own") and by
// someone else; "u" is every persona's user id.
const own = "u";
const other = "someone-else";
const threadTable: Record<string, [(actor: Actor, standing: CourseStanding) => boolean, string[]]> =
  {
    "see another's course thread": [
      (a, s) => canSeeThread(a, s, { visibility: "course", authorId: other }),
      everyone,
    ],
    "see another's instructors-only thread": [
      (a, s) => canSeeThread(a, s, { visibility: "instructors", authorId: other }),
      staff,
    ],
    "see their own instructors-only thread": [
      (a, s) => canSeeThread(a, s, { visibility: "instructors", authorId: own }),
      ["non-member", ...writers],
    ],
    "see another's private thread": [
      (a, s) => canSeeThread(a, s, { visibility: "private", authorId: other }),
      [],
    ],
    "see their own private thread": [
      (a, s) => canSeeThread(a, s, { visibility: "private", authorId: own }),
      ["non-member", ...writers],
    ],
    "annotate, reply, react": [canWriteInText, writers],
    "edit/delete their own": [(a, s) => canEditOwn(a, s, { authorId: own }), writers],
    "edit/delete another's": [(a, s) => canEditOwn(a, s, { authorId: other }), []],
  };

describe("thread policies", () => {
  for (const [action, [check, allowed]] of Object.entries(threadTable)) {
    for (const [persona, [actor, standing]] of Object.entries(personas)) {
      const expected = allowed.includes(persona);
      it(`${persona} ${expected ? "may" : "may not"} ${action}`, () => {
        expect(check(actor, standing)).toBe(expected);
      });
    }
  }
});
