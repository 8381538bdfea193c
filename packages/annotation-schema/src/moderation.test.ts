import { describe, expect, it } from "vitest";
import {
  auditLogInputSchema,
  flagInputSchema,
  MODERATION_REASON_MAX_CHARS,
  moderationReasonSchema,
  muteInputSchema,
  optionalReasonSchema,
} from "./moderation";

const refusal = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : result.error?.issues[0]?.message;

describe("moderation reasons", () => {
  it("are cleaned like tags: NFC, invisible marks gone, whitespace collapsed", () => {
    expect(moderationReasonSchema.parse("  خارج\u200B   الموضوع\n ")).toBe("خارج الموضوع");
    expect(moderationReasonSchema.parse("cafe\u0301")).toBe("café");
  });

  it("refuse empty, over-long and bidi-overriding reasons with their sentences' ids", () => {
    expect(refusal(moderationReasonSchema.safeParse("   "))).toBe("moderation.reason_required");
    expect(
      refusal(moderationReasonSchema.safeParse("ب".repeat(MODERATION_REASON_MAX_CHARS + 1))),
    ).toBe("moderation.reason_too_long");
    expect(moderationReasonSchema.parse("ب".repeat(MODERATION_REASON_MAX_CHARS))).toHaveLength(500);
    expect(refusal(moderationReasonSchema.safeParse("a\u202Eb"))).toBe("moderation.reason_invalid");
    expect(refusal(moderationReasonSchema.safeParse("a\u0000b"))).toBe("moderation.reason_invalid");
  });

  it("may be left out where optional", () => {
    expect(optionalReasonSchema.parse(undefined)).toBe("");
  });
});

describe("inputs", () => {
  it("a flag names an annotation or a reply", () => {
    expect(
      flagInputSchema.safeParse({ target: { type: "reply", id: "r1" }, reason: "x" }).success,
    ).toBe(true);
    expect(
      flagInputSchema.safeParse({ target: { type: "text", id: "t1" }, reason: "x" }).success,
    ).toBe(false);
  });

  it("a mute lasts one hour to a year", () => {
    const mute = { courseId: "c", userId: "u", reason: "x" };
    expect(muteInputSchema.safeParse({ ...mute, hours: 0 }).success).toBe(false);
    expect(muteInputSchema.safeParse({ ...mute, hours: 1.5 }).success).toBe(false);
    expect(muteInputSchema.safeParse({ ...mute, hours: 24 * 367 }).success).toBe(false);
    expect(muteInputSchema.safeParse({ ...mute, hours: 24 }).success).toBe(true);
  });

  it("an audit page is 50 entries unless asked, at most 100", () => {
    expect(auditLogInputSchema.parse({ courseId: "c" }).limit).toBe(50);
    expect(auditLogInputSchema.safeParse({ courseId: "c", limit: 101 }).success).toBe(false);
  });
});
