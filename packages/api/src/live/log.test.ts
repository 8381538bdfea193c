// The event log's append: several events in one statement keep their order and wake listeners once.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { runTransaction } from "../notifications/after-commit";
import { annotationInput, callerFor } from "../testing/factories";
import { buildCourseWorld, type CourseWorld } from "../testing/personas";
import { useTestDatabase } from "../testing/suite";
import { TEXT_EVENTS_CHANNEL } from "./hub";
import { appendEvents, type EventDraft } from "./log";

const testDb = useTestDatabase("api_live_log");
let world: CourseWorld;
beforeAll(async () => {
  world = await buildCourseWorld(testDb.db);
});

describe("appendEvents", () => {
  it("gives the events ids in the drafts' order and sends one wake-up naming the last", async () => {
    const text = world.privateText;
    const student = world.users.get("student")!;
    const { thread } = await callerFor(testDb.db, student).annotation.create(annotationInput(text));
    const listener = new pg.Client({ connectionString: testDb.url });
    await listener.connect();
    const payloads: string[] = [];
    listener.on("notification", (message) => payloads.push(message.payload ?? ""));
    await listener.query(`LISTEN ${TEXT_EVENTS_CHANNEL}`);
    try {
      const about = { annotationId: thread!.id, threadAuthorId: student.id };
      const drafts: EventDraft[] = [
        { type: "thread.unshared", visibility: "course", ...about },
        { type: "thread.updated", visibility: "private", ...about },
        { type: "thread.deleted", visibility: "private", ...about },
      ];
      const lastId = await runTransaction(testDb.db, (tx) =>
        appendEvents(tx, text.id, student.id, drafts),
      );
      const stored = await testDb.db.textEvent.findMany({
        where: { textId: text.id },
        orderBy: { id: "desc" },
        take: 3,
      });
      expect(stored.reverse().map((event) => [event.type, event.visibility])).toEqual(
        drafts.map((draft) => [draft.type, draft.visibility]),
      );
      expect(lastId).toBe(stored.at(-1)!.id.toString());
      // The listener started after the create committed: only the append's wake-up reaches it.
      await expect.poll(() => payloads.length).toBeGreaterThan(0);
      await listener.query("SELECT 1");
      expect(payloads).toEqual([`${text.id}:${lastId}`]);
    } finally {
      await listener.end();
    }
  });

  it("appends nothing, and wakes no one, for no drafts", async () => {
    const text = world.privateText;
    const before = await testDb.db.textEvent.count({ where: { textId: text.id } });
    const lastId = await runTransaction(testDb.db, (tx) =>
      appendEvents(tx, text.id, world.users.get("student")!.id, []),
    );
    expect(lastId).toBe("");
    expect(await testDb.db.textEvent.count({ where: { textId: text.id } })).toBe(before);
  });
});
