import type { CommentBody } from "@hashiya/annotation-schema";
import { describe, expect, it } from "vitest";
import { keepMemberMentions } from "./mentions";

const mention = (id: string, label: string) => ({ type: "mention" as const, attrs: { id, label } });

describe("keepMemberMentions", () => {
  it("keeps a member's mention under their name now, and turns a stranger's into text", () => {
    const body: CommentBody = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "انظر " },
            mention("member-1", "old name"),
            { type: "text", text: " و" },
            mention("stranger", "Omar"),
            { type: "text", text: " هنا" },
          ],
        },
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [{ type: "paragraph", content: [mention("x", "Y")] }] },
          ],
        },
      ],
    };
    expect(keepMemberMentions(body, new Map([["member-1", "سارة"]]))).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "انظر " },
            mention("member-1", "سارة"),
            // Adjacent plain text is one node, as the body's canonical form has it.
            { type: "text", text: " و@Omar هنا" },
          ],
        },
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", text: "@Y" }] }],
            },
          ],
        },
      ],
    });
  });
});
