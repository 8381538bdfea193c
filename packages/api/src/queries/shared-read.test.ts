import { describe, expect, it } from "vitest";
import { readMark, sharedRead } from "./shared-read";

describe("sharedRead", () => {
  it("gives the callers of one key one read, and a caller told of a change a newer one", async () => {
    const db = {};
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([sharedRead(db, "k", load), sharedRead(db, "k", load)])).toEqual([
      1, 1,
    ]);
    expect(await sharedRead(db, "k", load)).toBe(1);
    expect(await sharedRead(db, "other", load)).toBe(2);

    const told = readMark();
    // Every viewer told of the same change shares the one read started after it.
    expect(
      await Promise.all([sharedRead(db, "k", load, told), sharedRead(db, "k", load, told)]),
    ).toEqual([3, 3]);
    // A separate store (another database client) never shares.
    expect(await sharedRead({}, "k", load)).toBe(4);
  });

  it("forgets a failed read at once, so the next caller tries again", async () => {
    const db = {};
    await expect(sharedRead(db, "k", () => Promise.reject(new Error("down")))).rejects.toThrow(
      "down",
    );
    expect(await sharedRead(db, "k", async () => "up")).toBe("up");
  });
});
