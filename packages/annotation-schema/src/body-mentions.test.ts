import { describe, expect, it } from "vitest";
import { relabelMentions } from "./body-mentions";
import { bodyToPlainText } from "./body-text";
import { doc, item, mention, paragraph } from "./testing/bodies";

describe("relabelMentions", () => {
  it("replaces the labels of known ids, in paragraphs and list items, and keeps the rest", () => {
    const body = doc(paragraph(mention("u1", "المدير"), " و", mention("u2", "Sam")), {
      type: "bulletList",
      content: [item(paragraph(mention("u1", "x")))],
    });
    const relabelled = relabelMentions(body, new Map([["u1", "سارة"]]));
    expect(bodyToPlainText(relabelled)).toBe("@سارة و@Sam\n@سارة");
    expect(bodyToPlainText(body)).toBe("@المدير و@Sam\n@x");
  });

  it("returns the same body when no label changes", () => {
    const body = doc(paragraph(mention("u1", "سارة")));
    expect(relabelMentions(body, new Map([["u1", "سارة"]]))).toBe(body);
    expect(relabelMentions(body, new Map())).toBe(body);
  });
});
