import { describe, expect, it } from "vitest";
import {
  COMMENT_EMPTY,
  COMMENT_MAX_CHARS,
  COMMENT_TOO_LONG,
  commentBodyInputSchema,
} from "./body-schema";
import { plainTextToBody } from "./body-text";
import { doc, mention, paragraph } from "./testing/bodies";

function issues(input: unknown) {
  const result = commentBodyInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues;
}

describe("commentBodyInputSchema", () => {
  it("uses the stable codes the API maps to sentences", () => {
    expect(COMMENT_EMPTY).toBe("comment.empty");
    expect(COMMENT_TOO_LONG).toBe("comment.too_long");
  });

  it("refuses a body that shows nothing", () => {
    for (const body of [
      doc(paragraph()),
      doc(paragraph(), paragraph(), paragraph()),
      plainTextToBody("   \n\t\n\u00a0"),
      doc(paragraph("\u200b\u200f")),
      doc(paragraph({ type: "hardBreak" }, { type: "hardBreak" })),
      {
        type: "doc",
        content: [
          { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
        ],
      },
    ]) {
      expect(
        issues(body).map((i) => i.message),
        JSON.stringify(body),
      ).toEqual([COMMENT_EMPTY]);
    }
  });

  it("accepts a body of only a mention or only an emoji", () => {
    expect(issues(doc(paragraph(mention("u1", "سارة"))))).toEqual([]);
    expect(issues(doc(paragraph("👍")))).toEqual([]);
  });

  it("counts the limit in code points of the plain text", () => {
    // 10,000 emoji are 20,000 UTF-16 units, but 10,000 code points: accepted.
    expect(issues(plainTextToBody("😀".repeat(COMMENT_MAX_CHARS)))).toEqual([]);
    expect(issues(plainTextToBody("ب".repeat(COMMENT_MAX_CHARS)))).toEqual([]);
    const over = issues(plainTextToBody("ب".repeat(COMMENT_MAX_CHARS + 1)));
    expect(over).toMatchObject([
      {
        message: COMMENT_TOO_LONG,
        params: { max: COMMENT_MAX_CHARS, length: COMMENT_MAX_CHARS + 1 },
      },
    ]);
    // Paragraph breaks are characters of the plain text too.
    const half = "x".repeat(COMMENT_MAX_CHARS / 2);
    expect(issues(plainTextToBody(`${half}\n${half}`)).map((i) => i.message)).toEqual([
      COMMENT_TOO_LONG,
    ]);
  });

  it("reports structural problems with the structure's messages, not the user-facing ones", () => {
    const result = commentBodyInputSchema.safeParse({
      type: "doc",
      content: [{ type: "heading" }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).not.toContain(COMMENT_EMPTY);
  });
});
