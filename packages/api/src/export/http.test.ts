// The export route's answers per persona (the web's route handlers are this function behind
// the session cookie): status, headers, and course exports for staff vs own work.
import type { HashiyaExport } from "@hashiya/annotation-schema";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { allPersonas, buildCourseWorld, type CourseWorld, type Persona } from "../testing/personas";
import { exportHttpResponse } from "./http";

let testDb: TestDatabase;
let world: CourseWorld;

beforeAll(async () => {
  testDb = await createTestDatabase("api_export_http");
  world = await buildCourseWorld(testDb.db);
  const classmate = callerFor(testDb.db, world.classmate);
  const student = callerFor(testDb.db, world.users.get("student") ?? null);
  for (const text of [world.publicText, world.privateText]) {
    await classmate.annotation.create(annotationInput(text, { body: bodyOf("CLASSMATE") }));
    await student.annotation.create(annotationInput(text, { body: bodyOf("STUDENT") }));
  }
});
afterAll(async () => {
  await testDb?.drop();
});

function get(persona: Persona, kind: "text" | "course", id: string, query: string) {
  const user = world.users.get(persona) ?? null;
  const actor = user ? { userId: user.id, isAdmin: user.isAdmin === true } : null;
  const url = new URL(`https://hashiya.example/api/export/${kind}s/${id}?${query}`);
  return exportHttpResponse(testDb.url, actor, { kind, id }, url, "https://hashiya.example");
}

const statusFor: Record<Persona, { text: number; publicText: number; course: number }> = {
  anonymous: { text: 401, publicText: 401, course: 401 },
  // Outsiders may export their own work on a course's public texts (there is none here).
  "non-member": { text: 404, publicText: 200, course: 200 },
  "student of another course": { text: 404, publicText: 200, course: 200 },
  student: { text: 200, publicText: 200, course: 200 },
  moderator: { text: 200, publicText: 200, course: 200 },
  instructor: { text: 200, publicText: 200, course: 200 },
  admin: { text: 200, publicText: 200, course: 200 },
};
/** Words in a course export: staff get the discussion, others their own work. */
const courseWords: Partial<Record<Persona, string[]>> = {
  "non-member": [],
  "student of another course": [],
  student: ["STUDENT"],
  moderator: ["CLASSMATE", "STUDENT"],
  instructor: ["CLASSMATE", "STUDENT"],
  admin: ["CLASSMATE", "STUDENT"],
};

describe.each(allPersonas)("export route for %s", (persona) => {
  it("answers the course-only text, the public text and the course as DESIGN says", async () => {
    const expected = statusFor[persona];
    const text = await get(persona, "text", world.privateText.id, "format=csv");
    expect(text.status).toBe(expected.text);
    await text.body?.cancel();
    const publicText = await get(persona, "text", world.publicText.id, "format=json");
    expect(publicText.status).toBe(expected.publicText);
    if (publicText.status === 200) {
      const document = (await publicText.json()) as HashiyaExport;
      // Non-members have no work of their own on it: an empty export, not the discussion.
      if (persona === "non-member" || persona === "student of another course")
        expect(document.items).toEqual([]);
    }
    const course = await get(persona, "course", world.courseId, "format=json");
    expect(course.status).toBe(expected.course);
    if (course.status === 200) {
      expect(course.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(course.headers.get("content-disposition")).toMatch(
        /^attachment; filename="hashiya-course-/,
      );
      const total = Number(course.headers.get("x-total-count"));
      const document = (await course.json()) as HashiyaExport;
      // Outsiders read only the public text.
      expect(document.texts).toHaveLength(courseWords[persona]?.length === 0 ? 1 : 2);
      expect(document.items.length).toBe(total);
      const words = [...new Set(document.items.map((item) => item.bodyText))].sort();
      expect(words).toEqual(courseWords[persona]);
    } else {
      const refusal = (await course.json()) as { error: { messages: { ar: string; en: string } } };
      expect(refusal.error.messages.ar.length).toBeGreaterThan(0);
    }
  });
});

describe("the query", () => {
  it("refuses an unknown format with a sentence in both languages", async () => {
    const response = await get("instructor", "text", world.privateText.id, "format=xlsx");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; messages: { en: string } } };
    expect(body.error.code).toBe("export.bad_request");
    expect(body.error.messages.en).toContain("csv");
  });

  it("serves W3C as JSON-LD with the anno profile", async () => {
    const response = await get("instructor", "course", world.courseId, "format=w3c");
    expect(response.headers.get("content-type")).toBe(
      'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    );
    const collection = (await response.json()) as { type: string; total: number };
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.total).toBe(4);
  });
});
