import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { TokenExpired, UnknownDocument } from "../close-codes";
import { addMember, createCourse, createText, createUser } from "../testing/factories";
import { Clients, startTestServer, tokenFor, until } from "../testing/harness";
import { consoleLog } from "./logger";

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const clients = new Clients();

beforeAll(async () => {
  database = await createTestDatabase("collab_logger");
  server = await startTestServer(database.db);
});
afterAll(async () => {
  clients.closeAll();
  await server?.server.destroy();
  await database?.drop();
});

it("logs one line per connect, disconnect and refusal, and never a token", async () => {
  const { db } = database;
  const course = await createCourse(db);
  const text = await createText(db, course.id);
  const member = await createUser(db);
  await addMember(db, course.id, member.id);
  const name = `text:${text.id}`;
  const token = await tokenFor(member);
  const expired = await tokenFor(member, { now: new Date(Date.now() - 10 * 60_000) });

  await clients.connect(server.url, name, token);
  // The client hears "authenticated" just before the server logs the connection.
  await until(() => server.logged.some((entry) => entry.event === "connect"), "the connect");
  await clients.connect(server.url, name, expired);
  await clients.connect(server.url, "whiteboard:1", token);
  clients.closeAll();
  await until(() => server.logged.some((entry) => entry.event === "disconnect"), "the disconnect");

  expect(server.logged.map(({ level, event, fields }) => ({ level, event, ...fields }))).toEqual([
    expect.objectContaining({
      event: "connect",
      document: name,
      user: member.id,
      access: "read-write",
    }),
    expect.objectContaining({
      level: "warn",
      event: "refused",
      document: name,
      reason: TokenExpired.reason,
    }),
    expect.objectContaining({
      event: "refused",
      document: "whiteboard:1",
      user: member.id,
      reason: UnknownDocument.reason,
    }),
    expect.objectContaining({ event: "disconnect", document: name, user: member.id }),
  ]);
  const everything = JSON.stringify(server.logged);
  expect(everything).not.toContain(token);
  expect(everything).not.toContain(expired);
  // Not even a piece of one: the signature is the part that must never leak.
  expect(everything).not.toContain(token.split(".")[2]);
});

it("writes key=value lines, quoting values with spaces", () => {
  const info = vi.spyOn(console, "log").mockImplementation(() => {});
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  consoleLog("info", "connect", { socket: "s1", document: "text:abc", user: undefined });
  consoleLog("warn", "refused", { document: "text:abc", reason: "token expired" });
  expect(info).toHaveBeenCalledWith("collab connect socket=s1 document=text:abc");
  expect(error).toHaveBeenCalledWith(
    'warn: collab refused document=text:abc reason="token expired"',
  );
  info.mockRestore();
  error.mockRestore();
});
