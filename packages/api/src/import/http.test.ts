// The import route's answers (the web's route handler is this function behind the session
// cookie): statuses per persona, the 20 MB cap (413 with a sentence), a refused file (422 with
// every problem), and the NDJSON progress lines ending with the report.
import type { Db } from "@hashiya/db";
import { beforeAll, describe, expect, it } from "vitest";
import { allPersonas, buildCourseWorld, type CourseWorld, type Persona } from "../testing/personas";
import { useTestDatabase } from "../testing/suite";
import { importHttpResponse, MAX_IMPORT_BYTES } from "./index";
import { buildEssay, HYPOTHESIS_FIXTURE, w3cAnnotation, w3cFile } from "./testing";

const testDb = useTestDatabase("api_import_http");
let db: Db;
let world: CourseWorld;
const SITE = "https://hashiya.example";

beforeAll(async () => {
  db = testDb.db;
  world = await buildCourseWorld(db);
});

function post(persona: Persona, textId: string, body: string | Uint8Array<ArrayBuffer> | null) {
  const user = world.users.get(persona) ?? null;
  const actor = user ? { userId: user.id, isAdmin: user.isAdmin === true } : null;
  const req = new Request(`${SITE}/api/import/texts/${textId}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
  });
  return importHttpResponse(db, actor, textId, req, SITE);
}

type Refusal = { error: { code: string; messages: { en: string; ar: string } } };

const lines = async (response: Response) =>
  (await response.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; stage?: string; report?: unknown });

describe("who may post a file", () => {
  const status: Record<Persona, number> = {
    anonymous: 401,
    "non-member": 404,
    "student of another course": 404,
    student: 403,
    moderator: 403,
    instructor: 200,
    admin: 200,
  };
  it.each(allPersonas)("%s", async (persona) => {
    const text = await buildEssay(db, world.courseId);
    const response = await post(persona, text.id, HYPOTHESIS_FIXTURE);
    expect(response.status).toBe(status[persona]);
    if (response.status === 200) {
      expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
      expect((await lines(response)).at(-1)?.type).toBe("done");
    } else {
      const { error } = (await response.json()) as Refusal;
      expect(error.messages.ar.length).toBeGreaterThan(0);
      expect(error.messages.en.length).toBeGreaterThan(0);
    }
    expect(await db.annotation.count({ where: { textId: text.id } })).toBe(
      status[persona] === 200 ? 2 : 0,
    );
  });
});

describe("the file", () => {
  it("over 20 MB is refused with 413 and a sentence, nothing written", async () => {
    const text = await buildEssay(db, world.courseId);
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20);
    const response = await post("instructor", text.id, big);
    expect(response.status).toBe(413);
    const { error } = (await response.json()) as Refusal;
    expect(error.code).toBe("import.too_large");
    expect(error.messages.en).toContain("20 MB");
    expect(error.messages.ar).toContain("20");
    expect(await db.annotation.count({ where: { textId: text.id } })).toBe(0);
  });

  it("that is bad is refused with 422, each problem named by item, nothing written", async () => {
    const text = await buildEssay(db, world.courseId);
    const file = w3cFile([
      w3cAnnotation("urn:h:1", { exact: "الثورة" }, "ok"),
      w3cAnnotation("urn:h:1", { exact: "الثورة" }, "same id"),
    ]);
    const response = await post("instructor", text.id, file);
    expect(response.status).toBe(422);
    const body = (await response.json()) as Refusal & {
      error: { problems: { item: number; code: string; message: { en: string; ar: string } }[] };
    };
    expect(body.error.code).toBe("import.refused");
    expect(body.error.problems).toEqual([
      expect.objectContaining({ item: 2, code: "import.duplicate_id" }),
    ]);
    expect(body.error.problems[0]!.message.ar).toMatch(/^العنصر 2: /);
    expect(await db.annotation.count({ where: { textId: text.id } })).toBe(0);
  });

  it("that is not UTF-8, or missing, is refused with a sentence", async () => {
    const text = await buildEssay(db, world.courseId);
    const notText = await post("instructor", text.id, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(notText.status).toBe(400);
    expect(((await notText.json()) as Refusal).error.code).toBe("import.not_text");
    const empty = await post("instructor", text.id, null);
    expect(((await empty.json()) as Refusal).error.code).toBe("import.no_file");
  });

  it("that is accepted streams its progress, then the report", async () => {
    const text = await buildEssay(db, world.courseId);
    const response = await post("instructor", text.id, HYPOTHESIS_FIXTURE);
    const all = await lines(response);
    const steps = all.map((line) => line.stage ?? line.type);
    expect(steps.slice(0, 3)).toEqual(["parsed", "anchoring", "writing"]);
    expect(steps.at(-1)).toBe("done");
    // Saving moves forward to its total, then the report.
    const writing = all.filter((line) => line.stage === "writing") as unknown as {
      done: number;
      total: number;
    }[];
    expect(writing.map((line) => line.done)).toEqual(
      [...writing.map((line) => line.done)].sort((a, b) => a - b),
    );
    expect(writing.at(-1)!.done).toBe(writing.at(-1)!.total);
    expect(all.at(-1)?.report).toMatchObject({ anchored: 1, replies: 2, tags: 2 });
  });
});
