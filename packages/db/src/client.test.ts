// The client runs Prisma's concurrent queries inside a transaction as pg wants them: a nested
// read sends its parts at once to the transaction's one connection, which pg only queues with
// a deprecation warning (pg 9 will refuse) unless the connection pipelines them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("db_client");
});
afterAll(() => database.drop());

describe("createDb", () => {
  it("runs a nested read inside a transaction without pg's queueing warning", async () => {
    const { db } = database;
    const course = await db.course.create({ data: { title: "مقرر" } });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    try {
      const found = await db.$transaction((tx) =>
        // Several relations: Prisma loads each with a query of its own, all at once.
        tx.annotation.findMany({
          where: { text: { courseId: course.id } },
          select: {
            id: true,
            author: { select: { name: true } },
            text: { select: { dueAt: true } },
            tags: { select: { name: true } },
            reactions: { select: { kind: true } },
          },
        }),
      );
      expect(found).toEqual([]);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.filter((message) => message.includes("already executing"))).toEqual([]);
  });
});
