// Size limits where a comment can be changed, not only where it starts: edits of threads and
// replies keep the 10,000-character limit, and tags their length, count and character rules.
import {
  COMMENT_MAX_CHARS,
  MAX_TAGS_PER_ANNOTATION,
  TAG_MAX_CHARS,
} from "@hashiya/annotation-schema";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { buildCourseWorld, type CourseWorld } from "../testing/personas";

let testDb: TestDatabase;
let world: CourseWorld;
let annotationId: string;
let replyId: string;

beforeAll(async () => {
  testDb = await createTestDatabase("api_size_limits");
  world = await buildCourseWorld(testDb.db);
  const { thread } = await student().annotation.create(annotationInput(world.privateText));
  annotationId = thread!.id;
  const { thread: replied } = await student().reply.create({ annotationId, body: bodyOf("رد") });
  replyId = replied!.replies[0]!.id;
});
afterAll(() => testDb.drop());

const student = () => callerFor(testDb.db, world.users.get("student")!);
const atLimit = () => bodyOf("ب".repeat(COMMENT_MAX_CHARS));
const overLimit = () => bodyOf("ب".repeat(COMMENT_MAX_CHARS + 1));

describe("comment length on edits and replies", () => {
  it("edits a thread up to the limit and refuses one character more, keeping the stored body", async () => {
    expect(await rejectionOf(student().annotation.edit({ annotationId, body: atLimit() }))).toBe(
      "resolved",
    );
    expect(await rejectionOf(student().annotation.edit({ annotationId, body: overLimit() }))).toBe(
      "comment.too_long",
    );
    const stored = await testDb.db.annotation.findUniqueOrThrow({ where: { id: annotationId } });
    expect([...stored.bodyText]).toHaveLength(COMMENT_MAX_CHARS);
  });

  it("edits a reply up to the limit and refuses one character more", async () => {
    expect(await rejectionOf(student().reply.edit({ replyId, body: atLimit() }))).toBe("resolved");
    expect(await rejectionOf(student().reply.edit({ replyId, body: overLimit() }))).toBe(
      "comment.too_long",
    );
    expect(await rejectionOf(student().reply.create({ annotationId, body: overLimit() }))).toBe(
      "comment.too_long",
    );
  });

  it("refuses an empty body on an edit as on a create", async () => {
    expect(await rejectionOf(student().annotation.edit({ annotationId, body: bodyOf("  ") }))).toBe(
      "comment.empty",
    );
    expect(await rejectionOf(student().reply.edit({ replyId, body: bodyOf("") }))).toBe(
      "comment.empty",
    );
  });
});

describe("tags on create and edit", () => {
  const tooLong = "و".repeat(TAG_MAX_CHARS + 1);
  const tooMany = Array.from({ length: MAX_TAGS_PER_ANNOTATION + 1 }, (_, k) => `وسم ${k}`);

  it.each([
    ["a tag over 40 characters", [tooLong], "tag.invalid"],
    ["a text-direction override in a tag", ["\u202Eسؤال"], "tag.invalid"],
    ["a control character in a tag", ["سؤال\u0007"], "tag.invalid"],
    ["more than 10 tags", tooMany, "tag.too_many"],
  ])("refuses %s, on create and on edit", async (_, tags, appCode) => {
    expect(
      await rejectionOf(student().annotation.create(annotationInput(world.privateText, { tags }))),
    ).toBe(appCode);
    expect(await rejectionOf(student().annotation.edit({ annotationId, tags }))).toBe(appCode);
  });

  it("stores tags normalised: NFC, invisible marks removed, trimmed, duplicates merged", async () => {
    const tags = [" Close\u200B Reading ", "close reading", "\u0627\u0654سئلة", "أسئلة"];
    const { thread } = await student().annotation.edit({ annotationId, tags });
    expect([...thread!.tags].sort()).toEqual(["close reading", "أسئلة"].sort());
  });
});
