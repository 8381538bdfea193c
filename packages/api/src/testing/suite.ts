// A suite's own database and live hub, set up once for the file: `const database =
// useTestDatabase("api_x")` at the top level registers beforeAll/afterAll and hands back a
// stand-in whose members are read when a test (or a later hook) runs, after the set-up.
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll } from "vitest";
import { createLiveHub, type LiveHub, type LiveHubOptions } from "../live/hub";

/**
 * Starts `start()` in a beforeAll and `stop`s it in an afterAll (Vitest runs after-hooks in
 * reverse, so what is set up later is stopped first). What it returns forwards every read to the
 * started value, so it can be a top-level `const`; reading it before the set-up throws.
 */
export function useSuiteFixture<T extends object>(
  what: string,
  start: () => Promise<T>,
  stop: (value: T) => Promise<void>,
): T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await start();
  });
  afterAll(async () => {
    if (value) await stop(value);
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (!value) throw new Error(`${what} is read before its beforeAll set it up`);
      const member: unknown = Reflect.get(value, key);
      return typeof member === "function" ? member.bind(value) : member;
    },
  });
}

/** A fresh migrated database of the suite's own (`db`, `url`), dropped after the suite. */
export function useTestDatabase(label: string): TestDatabase {
  return useSuiteFixture(
    `test database ${label}`,
    () => createTestDatabase(label),
    (database) => database.drop(),
  );
}

/** A live hub LISTENing on the suite's database, ready before the first test, closed after. */
export function useLiveHub(
  database: Pick<TestDatabase, "url">,
  options: Partial<LiveHubOptions> = {},
): LiveHub {
  return useSuiteFixture(
    "live hub",
    async () => {
      const hub = createLiveHub(database.url, options);
      await hub.ready();
      return hub;
    },
    (hub) => hub.close(),
  );
}
