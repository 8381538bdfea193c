import { describe, expect, it } from "vitest";
import { visibilitySchema } from "./visibility";

describe("visibility", () => {
  it("accepts the three levels", () => {
    for (const level of ["private", "course", "instructors"]) {
      expect(visibilitySchema.parse(level)).toBe(level);
    }
  });

  it("refuses anything else, including other spellings", () => {
    for (const level of ["public", "Private", "", "instructors-only"]) {
      expect(visibilitySchema.safeParse(level).success).toBe(false);
    }
  });
});
