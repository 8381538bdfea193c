import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-database";

const created: TestDatabase[] = [];
afterAll(() => Promise.all(created.map((database) => database.drop())));

describe("createTestDatabase", () => {
  it("gives each suite its own migrated database, isolated from the others", async () => {
    const [first, second] = await Promise.all([createTestDatabase("iso_a"), createTestDatabase("iso_b")]);
    created.push(first!, second!);
    expect(first!.name).not.toBe(second!.name);
    await first!.db.course.create({ data: { title: "مقرر أول" } });
    expect(await first!.db.course.count()).toBe(1);
    expect(await second!.db.course.count()).toBe(0);
  });
});
