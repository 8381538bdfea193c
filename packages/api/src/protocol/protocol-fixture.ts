// Shared set-up of the protocol's tests: a course world served over real HTTP, a personal API
// token for each signed-in persona (made through `apiToken.create`), and request helpers.
import { ANNO_CONTEXT } from "@hashiya/annotation-schema/w3c";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import type { RateLimits } from "../abuse/rate-limits";
import { callerFor } from "../testing/factories";
import { TEST_USER_HEADER } from "../testing/http-server";
import { allPersonas, buildCourseWorld, type CourseWorld, type Persona } from "../testing/personas";
import { startProtocolServer, type TestProtocolServer } from "../testing/protocol-server";
import { useSuiteFixture } from "../testing/suite";
import type { SessionUser } from "../trpc";
import { ANNO_MEDIA_TYPE } from "./vocabulary";

export interface ProtocolFixture {
  testDb: TestDatabase;
  world: CourseWorld;
  server: TestProtocolServer;
  tokens: Map<Persona, string>;
  /** The container of a text on the test server. */
  container(textId: string): string;
  textIri(textId: string): string;
  /** A request with this persona's token (anonymous: none). */
  asToken(persona: Persona, url: string, init?: RequestInit): Promise<Response>;
  /** A request with this persona's browser session (anonymous: none). */
  asSession(persona: Persona, url: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startProtocolFixture(
  name: string,
  options: { pageSize?: number; rateLimits?: RateLimits } = {},
): Promise<ProtocolFixture> {
  const testDb = await createTestDatabase(name);
  const world = await buildCourseWorld(testDb.db);
  const users = new Map<string, SessionUser>();
  const tokens = new Map<Persona, string>();
  for (const persona of allPersonas) {
    const user = world.users.get(persona);
    if (!user) continue;
    users.set(user.id, user);
    const { token } = await callerFor(testDb.db, user).apiToken.create({ name: "protocol tests" });
    tokens.set(persona, token);
  }
  users.set(world.classmate.id, world.classmate);
  const server = await startProtocolServer({ db: testDb.db, users, ...options });
  const textIri = (textId: string) => `${server.origin}/texts/${textId}`;
  const headersWith = (init: RequestInit | undefined, extra: Record<string, string>) => {
    const headers = new Headers(init?.headers);
    for (const [key, value] of Object.entries(extra)) headers.set(key, value);
    return { ...init, headers };
  };
  return {
    testDb,
    world,
    server,
    tokens,
    textIri,
    container: (textId) => `${textIri(textId)}/annotations/`,
    asToken(persona, url, init) {
      const token = tokens.get(persona);
      return fetch(url, headersWith(init, token ? { Authorization: `Bearer ${token}` } : {}));
    },
    asSession(persona, url, init) {
      const user = world.users.get(persona);
      return fetch(url, headersWith(init, user ? { [TEST_USER_HEADER]: user.id } : {}));
    },
    async close() {
      await server.close();
      await testDb.drop();
    },
  };
}

/** The suite's fixture, started in a beforeAll and closed after the suite (see useSuiteFixture). */
export function useProtocolFixture(
  name: string,
  options: Parameters<typeof startProtocolFixture>[1] = {},
): ProtocolFixture {
  return useSuiteFixture(
    `protocol fixture ${name}`,
    () => startProtocolFixture(name, options),
    (fixture) => fixture.close(),
  );
}

/** A W3C annotation on a passage of a text, as a client would POST it. */
export function w3cAnnotation(
  textIri: string,
  exact: string,
  words: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    "@context": ANNO_CONTEXT,
    type: "Annotation",
    motivation: "commenting",
    body: { type: "TextualBody", value: `<p>${words}</p>`, format: "text/html" },
    target: { source: textIri, selector: { type: "TextQuoteSelector", exact } },
    ...extra,
  };
}

/** The options of a JSON-LD write. */
export function jsonLd(method: string, document: unknown, headers: Record<string, string> = {}) {
  return {
    method,
    headers: { "Content-Type": ANNO_MEDIA_TYPE, Accept: ANNO_MEDIA_TYPE, ...headers },
    body: typeof document === "string" ? document : JSON.stringify(document),
  };
}

/** The refusal's sentences, checked to be there in both languages. */
export async function refusalOf(response: Response) {
  const body = (await response.json()) as {
    error: { code: string; messages: { en: string; ar: string } };
  };
  return body.error;
}
