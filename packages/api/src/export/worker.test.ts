// The export worker against real PostgreSQL: the same bytes and refusals as the in-thread
// export, real backpressure (a paused reader pauses the job), cancellation, concurrent jobs,
// and failures that fail one stream (or every stream of a stopped worker) but not the next export.
import { plainTextToBody } from "@hashiya/annotation-schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { allPersonas, buildCourseWorld, type CourseWorld, type Persona } from "../testing/personas";
import { useTestDatabase } from "../testing/suite";
import {
  createExport,
  type ExportFormatName,
  type ExportRequest,
  exportFormatNames,
} from "./index";
import { exportInWorker, runningExportJobs, stopExportWorkers } from "./worker-client";

const database = useTestDatabase("api_export_worker");
let world: CourseWorld;
const BASE = "https://hashiya.example";
const exportedAt = new Date("2026-03-01T10:00:00Z");
/** Annotations on the public text: W3C output of well over the worker's window of chunks. */
const MANY = 1_500;

beforeAll(async () => {
  const { db } = database;
  world = await buildCourseWorld(db);
  const classmate = callerFor(db, world.classmate);
  const student = callerFor(db, world.users.get("student") ?? null);
  const moderator = callerFor(db, world.users.get("moderator") ?? null);
  const text = world.privateText;
  const open = await classmate.annotation.create(annotationInput(text, { tags: ["وسم"] }));
  await student.reply.create({ annotationId: open.thread!.id, body: bodyOf("رد الطالب") });
  await student.annotation.create(annotationInput(text, { visibility: "private" }));
  const hidden = await classmate.annotation.create(annotationInput(text));
  await moderator.moderation.hide({
    target: { type: "annotation", id: hidden.thread!.id },
    reason: "خارج الموضوع",
  });
  const cps = Array.from(world.publicText.body);
  const authorId = world.classmate.id;
  await db.annotation.createMany({
    data: Array.from({ length: MANY }, (_, n) => {
      const start = n % Math.max(1, cps.length - 12);
      const end = Math.min(cps.length, start + 8);
      const exact = cps.slice(start, end).join("");
      const bodyText = `تعليق رقم ${n} على «${exact}»: ${"هذه العبارة مهمّة لفهم الفقرة. ".repeat(8)}`;
      return {
        textId: world.publicText.id,
        authorId,
        textVersion: world.publicText.version,
        selectors: [
          { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
          { type: "TextPositionSelector", start, end },
        ],
        quote: exact,
        start,
        end,
        body: plainTextToBody(bodyText),
        bodyText,
      };
    }),
  });
});
afterAll(async () => {
  await stopExportWorkers();
});

const actorOf = (persona: Persona) => {
  const user = world.users.get(persona) ?? null;
  return user ? { userId: user.id, isAdmin: user.isAdmin === true } : null;
};
const request = (kind: "text" | "course", id: string, format: ExportFormatName): ExportRequest => ({
  kind,
  id,
  format,
  baseUrl: BASE,
  exportedAt,
  batchSize: 100,
});
const bytesOf = async (body: ReadableStream<Uint8Array> | undefined) =>
  Buffer.from(await new Response(body).arrayBuffer());

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 15_000) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the worker answers as the in-thread export", () => {
  it.each(exportFormatNames)(
    "%s: the same bytes and headers for staff and student",
    async (format) => {
      // Staff's whole discussion of a text, a student's own work in the course.
      for (const [persona, kind, id] of [
        ["instructor", "text", world.privateText.id],
        ["student", "course", world.courseId],
      ] as const) {
        const asked = request(kind, id, format);
        const inThread = await createExport(database.db, actorOf(persona), asked);
        const inWorker = await exportInWorker(database.url, actorOf(persona), asked);
        const { body: threadBody, ...threadHead } = inThread!;
        const { body: workerBody, ...workerHead } = inWorker!;
        expect(workerHead).toEqual(threadHead);
        expect((await bytesOf(workerBody)).equals(await bytesOf(threadBody))).toBe(true);
      }
    },
  );

  it("refuses whom the in-thread export refuses", async () => {
    for (const persona of allPersonas) {
      const asked = request("text", world.privateText.id, "csv");
      const inThread = await createExport(database.db, actorOf(persona), asked);
      const inWorker = await exportInWorker(database.url, actorOf(persona), asked);
      expect(inWorker === null, persona).toBe(inThread === null);
      await inThread?.body.cancel();
      await inWorker?.body.cancel();
    }
    expect(
      await exportInWorker(database.url, actorOf("instructor"), request("text", "nope", "csv")),
    ).toBeNull();
  });
});

describe("streaming through the worker", () => {
  const large = () => request("text", world.publicText.id, "w3c");

  it("pauses a job whose reader pauses, and stops it when the reader cancels", async () => {
    const response = await exportInWorker(database.url, actorOf("instructor"), large());
    const reader = response!.body.getReader();
    expect((await reader.read()).value!.byteLength).toBeGreaterThan(0);
    // Far from read to the end, the job waits for credit rather than running ahead.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runningExportJobs()).toBe(1);
    await reader.cancel();
    await until(() => runningExportJobs() === 0, "the cancelled job to stop");
  });

  it("runs two exports at once, each whole", async () => {
    const asked = large();
    const expected = await bytesOf(
      (await createExport(database.db, actorOf("instructor"), asked))!.body,
    );
    expect(expected.byteLength).toBeGreaterThan(8 * 64 * 1024);
    const studentAsked = request("course", world.courseId, "json");
    const studentExpected = await bytesOf(
      (await createExport(database.db, actorOf("student"), studentAsked))!.body,
    );
    const [a, b, c] = await Promise.all([
      exportInWorker(database.url, actorOf("instructor"), asked),
      exportInWorker(database.url, actorOf("instructor"), asked),
      exportInWorker(database.url, actorOf("student"), studentAsked),
    ]);
    const [aBytes, bBytes, cBytes] = await Promise.all([
      bytesOf(a!.body),
      bytesOf(b!.body),
      bytesOf(c!.body),
    ]);
    expect(aBytes.equals(expected)).toBe(true);
    expect(bBytes.equals(expected)).toBe(true);
    expect(cBytes.equals(studentExpected)).toBe(true);
    await until(() => runningExportJobs() === 0, "the jobs to stop");
  });
});

describe("failures", () => {
  it("a request the database refuses fails its stream after the head, and the worker serves on", async () => {
    const response = await exportInWorker(database.url, actorOf("instructor"), {
      ...request("text", world.publicText.id, "w3c"),
      batchSize: 1.5,
    });
    await expect(bytesOf(response!.body)).rejects.toThrow(/the export failed/);
    const next = await exportInWorker(
      database.url,
      actorOf("student"),
      request("course", world.courseId, "csv"),
    );
    expect((await bytesOf(next!.body)).byteLength).toBeGreaterThan(0);
  });

  it("an unknown format rejects the export before any response", async () => {
    await expect(
      exportInWorker(
        database.url,
        actorOf("instructor"),
        request("text", world.privateText.id, "xml" as ExportFormatName),
      ),
    ).rejects.toThrow(/the export failed/);
  });

  it("a worker that stops fails its streams, and the next export starts a new one", async () => {
    const response = await exportInWorker(
      database.url,
      actorOf("instructor"),
      request("text", world.publicText.id, "w3c"),
    );
    const reader = response!.body.getReader();
    await reader.read();
    await stopExportWorkers();
    await expect(
      (async () => {
        while (!(await reader.read()).done) {}
      })(),
    ).rejects.toThrow(/the export worker stopped/);
    const next = await exportInWorker(
      database.url,
      actorOf("student"),
      request("course", world.courseId, "md"),
    );
    expect((await bytesOf(next!.body)).byteLength).toBeGreaterThan(0);
  });
});
