// The moderation side of the thread policies, cell by cell: who sees held, hidden and removed
// items and how, the course settings, mutes, locks and the audience of live events.
import type { ModerationState } from "@hashiya/db";
import { describe, expect, it } from "vitest";
import type { Actor, CourseStanding } from "./actor";
import {
  acceptsReplies,
  canSeeModerationReason,
  canSeeThread,
  countsTowardReveal,
  disclosureOf,
  eventAudience,
  initialModerationState,
  isMuted,
  passesRevealGate,
  seesNameOf,
} from "./thread";

const author = "author";
const as = (userId: string, isAdmin = false): Actor => ({ userId, isAdmin });
const viewers: Record<string, [Actor, CourseStanding]> = {
  anonymous: [null, "none"],
  "non-member": [as("x"), "none"],
  classmate: [as("x"), "student"],
  author: [as(author), "student"],
  moderator: [as("x"), "moderator"],
  instructor: [as("x"), "instructor"],
  admin: [as("x", true), "none"],
};
const staff = ["moderator", "instructor", "admin"];
const others = ["anonymous", "non-member", "classmate"];

describe("held, hidden and removed items", () => {
  const cases: [ModerationState, Record<string, string>][] = [
    ["pending", { author: "marked", ...Object.fromEntries(staff.map((s) => [s, "marked"])) }],
    ["denied", { author: "marked", ...Object.fromEntries(staff.map((s) => [s, "marked"])) }],
    [
      "hidden",
      {
        author: "marked",
        ...Object.fromEntries(staff.map((s) => [s, "marked"])),
        ...Object.fromEntries(others.map((s) => [s, "placeholder"])),
      },
    ],
    [
      "removed",
      {
        author: "tombstone",
        ...Object.fromEntries(staff.map((s) => [s, "marked"])),
        ...Object.fromEntries(others.map((s) => [s, "tombstone"])),
      },
    ],
  ];
  for (const [state, expected] of cases) {
    for (const [who, [actor, standing]] of Object.entries(viewers)) {
      const thread = { visibility: "course", authorId: author, moderationState: state } as const;
      const sees = canSeeThread(actor, standing, thread);
      const answer = sees ? disclosureOf(actor, standing, thread) : "unseen";
      it(`a ${state} course thread, to ${who}: ${expected[who] ?? "unseen"}`, () => {
        expect(answer).toBe(expected[who] ?? "unseen");
      });
    }
  }

  it("tells the reason to the author and the staff only", () => {
    for (const [who, [actor, standing]] of Object.entries(viewers)) {
      expect(canSeeModerationReason(actor, standing, { authorId: author }), who).toBe(
        who === "author" || staff.includes(who),
      );
    }
  });

  it("a held instructors-only thread stays the staff's and its author's", () => {
    const thread = {
      visibility: "instructors",
      authorId: author,
      moderationState: "pending",
    } as const;
    expect(canSeeThread(...viewers.classmate!, thread)).toBe(false);
    expect(canSeeThread(...viewers.author!, thread)).toBe(true);
    expect(canSeeThread(...viewers.moderator!, thread)).toBe(true);
  });
});

describe("course settings", () => {
  it("reveal after posting: staff, own and staff work always; others' once enough is posted", () => {
    const gate = { required: 2, posted: 1 };
    const classmate = viewers.classmate!;
    expect(passesRevealGate(...classmate, { authorId: "other", authorIsStaff: false }, gate)).toBe(
      false,
    );
    expect(passesRevealGate(...classmate, { authorId: "x", authorIsStaff: false }, gate)).toBe(
      true,
    );
    expect(passesRevealGate(...classmate, { authorId: "t", authorIsStaff: true }, gate)).toBe(true);
    expect(
      passesRevealGate(...viewers.moderator!, { authorId: "o", authorIsStaff: false }, gate),
    ).toBe(true);
    expect(
      passesRevealGate(...viewers.anonymous!, { authorId: "o", authorIsStaff: false }, gate),
    ).toBe(false);
    expect(
      passesRevealGate(
        ...classmate,
        { authorId: "o", authorIsStaff: false },
        { required: 2, posted: 2 },
      ),
    ).toBe(true);
    expect(
      passesRevealGate(
        ...classmate,
        { authorId: "o", authorIsStaff: false },
        { required: 0, posted: 0 },
      ),
    ).toBe(true);
  });

  it("only shared, visible, kept posts count toward the reveal", () => {
    const post = { visibility: "course", moderationState: "visible", deletedAt: null } as const;
    expect(countsTowardReveal(post)).toBe(true);
    expect(countsTowardReveal({ ...post, visibility: "private" })).toBe(false);
    expect(countsTowardReveal({ ...post, moderationState: "pending" })).toBe(false);
    expect(countsTowardReveal({ ...post, moderationState: "hidden" })).toBe(false);
    expect(countsTowardReveal({ ...post, deletedAt: new Date() })).toBe(false);
  });

  it("names hidden: students and readers see aliases; staff, the person and the staff's names stay", () => {
    const hidden = { namesHidden: true };
    const student = { id: "s", isStaff: false };
    expect(seesNameOf(...viewers.classmate!, hidden, student)).toBe(false);
    expect(seesNameOf(...viewers.anonymous!, hidden, student)).toBe(false);
    expect(seesNameOf(as("s"), "student", hidden, student)).toBe(true);
    expect(seesNameOf(...viewers.instructor!, hidden, student)).toBe(true);
    expect(seesNameOf(...viewers.classmate!, hidden, { id: "t", isStaff: true })).toBe(true);
    expect(seesNameOf(...viewers.classmate!, { namesHidden: false }, student)).toBe(true);
  });

  it("pre-moderation holds students' shared posts, not private notes or the staff's", () => {
    const on = { preModeration: true };
    expect(initialModerationState(on, "student", "course")).toBe("pending");
    expect(initialModerationState(on, "student", "instructors")).toBe("pending");
    expect(initialModerationState(on, "student", "private")).toBe("visible");
    expect(initialModerationState(on, "moderator", "course")).toBe("visible");
    expect(initialModerationState(on, "none", "course")).toBe("visible");
    expect(initialModerationState({ preModeration: false }, "student", "course")).toBe("visible");
  });
});

describe("mutes and locks", () => {
  it("a mute lasts until its time", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    expect(isMuted({ mutedUntil: new Date("2026-11-26T12:00:01Z") }, now)).toBe(true);
    expect(isMuted({ mutedUntil: now }, now)).toBe(false);
    expect(isMuted({ mutedUntil: null }, now)).toBe(false);
    expect(isMuted(null, now)).toBe(false);
  });

  it("a locked thread takes no replies; a deleted or removed one nothing", () => {
    const open = { lockedAt: null, deletedAt: null, moderationState: "visible" } as const;
    expect(acceptsReplies(open)).toBe("open");
    expect(acceptsReplies({ ...open, lockedAt: new Date() })).toBe("locked");
    expect(acceptsReplies({ ...open, moderationState: "removed" })).toBe("gone");
    expect(acceptsReplies({ ...open, deletedAt: new Date() })).toBe("gone");
  });
});

describe("live event audiences", () => {
  const thread = { visibility: "course", authorId: author, moderationState: "visible" } as const;
  it("a held thread's events go to its author and the staff", () => {
    expect(eventAudience({ ...thread, moderationState: "pending" })).toEqual({
      visibility: "instructors",
      threadAuthorId: author,
    });
  });
  it("a held reply's events go to the reply's author and the staff; a change of state to the wider audience", () => {
    const reply = { authorId: "replier", moderationState: "pending" } as const;
    expect(eventAudience(thread, reply)).toEqual({
      visibility: "instructors",
      threadAuthorId: "replier",
    });
    expect(eventAudience(thread, { ...reply, moderationState: "visible" }, "pending")).toEqual({
      visibility: "course",
      threadAuthorId: author,
    });
    expect(eventAudience(thread, reply, "visible")).toEqual({
      visibility: "course",
      threadAuthorId: author,
    });
  });
  it("a private thread's events stay its author's, whatever happens", () => {
    expect(eventAudience({ ...thread, visibility: "private", moderationState: "pending" })).toEqual(
      {
        visibility: "private",
        threadAuthorId: author,
      },
    );
  });
});
