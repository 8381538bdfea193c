import { describe, expect, it } from "vitest";
import { blocksToDoc } from "./blocks-to-doc";

describe("blocksToDoc", () => {
  it("makes one paragraph per block and keeps the text as it is", () => {
    const doc = blocksToDoc([
      { type: "paragraph", text: "  نصٌّ أول " },
      { type: "paragraph", text: "يتبع" },
    ]);
    expect(doc.content).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "  نصٌّ أول " }] },
      { type: "paragraph", content: [{ type: "text", text: "يتبع" }] },
    ]);
  });

  it("maps headings and leaves empty blocks without text nodes", () => {
    const doc = blocksToDoc([
      { type: "heading", text: "عنوان" },
      { type: "paragraph", text: "" },
    ]);
    expect(doc.content).toEqual([
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "عنوان" }] },
      { type: "paragraph", content: undefined },
    ]);
  });
});
