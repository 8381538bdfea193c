import { describe, expect, it } from "vitest";
import { COMMENT_EMPTY } from "./body-schema";
import { plainTextToBody } from "./body-text";
import {
  createAnnotationInputSchema,
  createReplyInputSchema,
  deleteAnnotationInputSchema,
  editAnnotationInputSchema,
  liveInputSchema,
  searchInputSchema,
  setReactionInputSchema,
} from "./inputs";

const body = plainTextToBody("سؤال عن العصبية");
const create = { textId: "text1", textVersion: 1, start: 10, end: 17, body };

function messages(result: {
  success: boolean;
  error?: { issues: { message: string }[] };
}): string[] {
  return result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);
}

describe("createAnnotationInputSchema", () => {
  it("defaults visibility to course, isQuestion to false and tags to none", () => {
    expect(createAnnotationInputSchema.parse(create)).toEqual({
      ...create,
      visibility: "course",
      isQuestion: false,
      tags: [],
    });
  });

  it("normalises and merges tags", () => {
    const parsed = createAnnotationInputSchema.parse({
      ...create,
      tags: ["Theme", " theme ", "سؤال"],
    });
    expect(parsed.tags).toEqual(["theme", "سؤال"]);
  });

  it("refuses empty and inverted ranges with text-model's codes", () => {
    expect(messages(createAnnotationInputSchema.safeParse({ ...create, end: 10 }))).toEqual([
      "range.empty",
    ]);
    expect(messages(createAnnotationInputSchema.safeParse({ ...create, start: 20 }))).toEqual([
      "range.inverted",
    ]);
    for (const bad of [
      { start: -1 },
      { start: 1.5 },
      { textVersion: -1 },
      { textId: "" },
      { visibility: "public" },
    ]) {
      expect(
        createAnnotationInputSchema.safeParse({ ...create, ...bad }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
  });

  it("refuses an empty comment with the user-facing code", () => {
    expect(
      messages(createAnnotationInputSchema.safeParse({ ...create, body: plainTextToBody(" ") })),
    ).toEqual([COMMENT_EMPTY]);
  });
});

describe("edit, reply and delete inputs", () => {
  it("edit leaves absent fields absent", () => {
    expect(editAnnotationInputSchema.parse({ annotationId: "a1", isQuestion: true })).toEqual({
      annotationId: "a1",
      isQuestion: true,
    });
  });

  it("reply needs a non-empty body, delete an id", () => {
    expect(createReplyInputSchema.safeParse({ annotationId: "a1", body }).success).toBe(true);
    expect(
      messages(createReplyInputSchema.safeParse({ annotationId: "a1", body: plainTextToBody("") })),
    ).toEqual([COMMENT_EMPTY]);
    expect(deleteAnnotationInputSchema.safeParse({ annotationId: "x".repeat(65) }).success).toBe(
      false,
    );
  });
});

describe("setReactionInputSchema", () => {
  it("targets an annotation or a reply with a known kind", () => {
    expect(
      setReactionInputSchema.safeParse({
        target: { type: "reply", id: "r1" },
        kind: "confused",
        on: true,
      }).success,
    ).toBe(true);
    expect(
      setReactionInputSchema.safeParse({
        target: { type: "text", id: "t1" },
        kind: "upvote",
        on: true,
      }).success,
    ).toBe(false);
    expect(
      setReactionInputSchema.safeParse({
        target: { type: "annotation", id: "a1" },
        kind: "angry",
        on: true,
      }).success,
    ).toBe(false);
  });
});

describe("searchInputSchema", () => {
  it("trims the query and counts up to 200 code points", () => {
    expect(searchInputSchema.parse({ textId: "t", query: "  عصبية " }).query).toBe("عصبية");
    expect(searchInputSchema.safeParse({ textId: "t", query: "😀".repeat(200) }).success).toBe(
      true,
    );
    expect(messages(searchInputSchema.safeParse({ textId: "t", query: "ب".repeat(201) }))).toEqual([
      "search.query_length",
    ]);
    expect(messages(searchInputSchema.safeParse({ textId: "t", query: "   " }))).toEqual([
      "search.query_length",
    ]);
  });
});

describe("liveInputSchema", () => {
  it("takes an optional decimal bigint event id", () => {
    for (const lastEventId of [undefined, null, "0", "42", "9223372036854775807"]) {
      expect(
        liveInputSchema.safeParse({ textId: "t", lastEventId }).success,
        String(lastEventId),
      ).toBe(true);
    }
    for (const lastEventId of [
      "",
      "-1",
      "1.0",
      "0x10",
      " 1",
      "9223372036854775808",
      "99999999999999999999",
      42,
    ]) {
      expect(
        liveInputSchema.safeParse({ textId: "t", lastEventId }).success,
        String(lastEventId),
      ).toBe(false);
    }
  });
});
