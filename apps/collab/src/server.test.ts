import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { presenceUser } from "./presence-state";
import { addMember, createCourse, createText, createUser } from "./testing/factories";
import { Clients, startTestServer, tokenFor, until } from "./testing/harness";

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const clients = new Clients();

beforeAll(async () => {
  database = await createTestDatabase("collab_server");
  server = await startTestServer(database.db);
});
afterAll(async () => {
  clients.closeAll();
  await server?.server.destroy();
  await database?.drop();
});

it("syncs a text's document between two members with valid tokens", async () => {
  const { db } = database;
  const course = await createCourse(db);
  const text = await createText(db, course.id);
  const [instructor, student] = await Promise.all([createUser(db), createUser(db)]);
  await addMember(db, course.id, instructor.id, "instructor");
  await addMember(db, course.id, student.id, "student");
  const name = `text:${text.id}`;

  const first = await clients.connect(server.url, name, await tokenFor(instructor));
  const second = await clients.connect(server.url, name, await tokenFor(student));
  expect(first.outcome).toEqual({ type: "authenticated", scope: "read-write" });
  expect(second.outcome).toEqual({ type: "authenticated", scope: "read-write" });
  await until(() => first.provider.isSynced && second.provider.isSynced, "both synced");

  first.provider.document.getText("notes").insert(0, "نقرأ معًا");
  second.provider.setAwarenessField("user", presenceUser(student));

  await until(
    () => second.provider.document.getText("notes").toString() === "نقرأ معًا",
    "the instructor's edit at the student",
  );
  await until(
    () =>
      [...first.provider.awareness!.getStates().values()].some(
        (state) => state.user?.name === student.name,
      ),
    "the student's presence at the instructor",
  );
});
