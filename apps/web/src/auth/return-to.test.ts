import { describe, expect, it } from "vitest";
import { safeReturnPath, withReturnPath } from "./return-to";

describe("safeReturnPath", () => {
  it("keeps paths on this site", () => {
    expect(safeReturnPath("/join/abc")).toBe("/join/abc");
    expect(safeReturnPath("/join?code=K7QM-3XPA")).toBe("/join?code=K7QM-3XPA");
  });

  it("refuses other sites and anything that is not a path", () => {
    for (const value of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "",
      null,
      3,
    ]) {
      expect(safeReturnPath(value)).toBe("/");
    }
  });
});

describe("withReturnPath", () => {
  it("carries the return path, encoded, and nothing for the home page", () => {
    expect(withReturnPath("/sign-up", "/join?code=AB")).toBe(
      "/sign-up?callbackUrl=%2Fjoin%3Fcode%3DAB",
    );
    expect(withReturnPath("/sign-up", "/")).toBe("/sign-up");
  });
});
