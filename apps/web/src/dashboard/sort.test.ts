import { describe, expect, it } from "vitest";
import { nextSort, type ParticipationRow, sortRows } from "./sort";

const row = (name: string, overrides: Partial<ParticipationRow> = {}): ParticipationRow => ({
  userId: name,
  name,
  annotations: 0,
  questions: 0,
  replies: 0,
  words: 0,
  reactionsReceived: 0,
  firstActivityAt: null,
  lastActivityAt: null,
  onTime: null,
  late: null,
  editedLate: null,
  hidden: 0,
  pending: 0,
  ...overrides,
});

const names = (rows: ParticipationRow[]) => rows.map((r) => r.name);

describe("sortRows", () => {
  const rows = [
    row("Omar", { annotations: 3, lastActivityAt: new Date("2026-01-02") }),
    row("نور", { annotations: 7, lastActivityAt: new Date("2026-01-05") }),
    row("أحمد", { annotations: 3, lastActivityAt: null }),
    row("Zaid", { annotations: 0, lastActivityAt: new Date("2026-01-01") }),
  ];

  it("sorts counts largest first, ties by name", () => {
    expect(names(sortRows(rows, { column: "annotations", direction: "descending" }, "ar"))).toEqual(
      ["نور", "أحمد", "Omar", "Zaid"],
    );
  });

  it("puts empty dates last in both directions", () => {
    const asc = sortRows(rows, { column: "lastActivityAt", direction: "ascending" }, "en");
    const desc = sortRows(rows, { column: "lastActivityAt", direction: "descending" }, "en");
    expect(names(asc)).toEqual(["Zaid", "Omar", "نور", "أحمد"]);
    expect(names(desc)).toEqual(["نور", "Omar", "Zaid", "أحمد"]);
  });

  it("orders names by the UI language's collation", () => {
    expect(names(sortRows(rows, { column: "name", direction: "ascending" }, "en"))).toEqual([
      "Omar",
      "Zaid",
      "أحمد",
      "نور",
    ]);
    expect(names(sortRows(rows, { column: "name", direction: "descending" }, "en"))).toEqual([
      "نور",
      "أحمد",
      "Zaid",
      "Omar",
    ]);
  });

  it("leaves its input untouched", () => {
    const before = names(rows);
    sortRows(rows, { column: "annotations", direction: "ascending" }, "en");
    expect(names(rows)).toEqual(before);
  });
});

describe("nextSort", () => {
  it("flips the same column and starts counts descending, names ascending", () => {
    expect(nextSort({ column: "name", direction: "ascending" }, "name")).toEqual({
      column: "name",
      direction: "descending",
    });
    expect(nextSort({ column: "name", direction: "ascending" }, "words")).toEqual({
      column: "words",
      direction: "descending",
    });
    expect(nextSort({ column: "words", direction: "descending" }, "name")).toEqual({
      column: "name",
      direction: "ascending",
    });
  });
});
