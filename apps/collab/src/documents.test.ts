import { describe, expect, it } from "vitest";
import { documentName, parseDocumentName } from "./documents";

describe("document names", () => {
  it("reads text:<id> and writes it back the same", () => {
    const document = parseDocumentName("text:clx1abc2def3");
    expect(document).toEqual({ type: "text", textId: "clx1abc2def3" });
    expect(documentName({ type: "text", textId: "clx1abc2def3" })).toBe("text:clx1abc2def3");
  });

  it("reads notes:<id> and writes it back the same", () => {
    const document = parseDocumentName("notes:clx1abc2def3");
    expect(document).toEqual({ type: "notes", textId: "clx1abc2def3" });
    expect(documentName({ type: "notes", textId: "clx1abc2def3" })).toBe("notes:clx1abc2def3");
  });

  it.each([
    "",
    "clx1abc2def3",
    "text:",
    "text:a:b",
    "text:../x",
    "text: id",
    `text:${"a".repeat(65)}`,
    "notes:",
    "notes:a:b",
    "note:clx1abc2def3",
    "Text:clx1abc2def3",
    "Notes:clx1abc2def3",
  ])("knows no document called %j", (name) => {
    expect(parseDocumentName(name)).toBeNull();
  });
});
