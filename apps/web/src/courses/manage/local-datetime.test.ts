import { describe, expect, it } from "vitest";
import { fromLocalInput, toLocalInput } from "./local-datetime";

describe("datetime-local values", () => {
  it("round-trip a date to the minute", () => {
    const date = new Date(2026, 2, 14, 9, 5);
    expect(toLocalInput(date)).toBe("2026-03-14T09:05");
    expect(fromLocalInput(toLocalInput(date))?.getTime()).toBe(date.getTime());
  });

  it("read nothing from an empty or malformed value", () => {
    expect(toLocalInput(null)).toBe("");
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("14/03/2026")).toBeNull();
    expect(fromLocalInput("2026-13-45T99:99")).toBeNull();
  });
});
