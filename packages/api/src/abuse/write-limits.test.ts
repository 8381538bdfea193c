// Write budgets through the procedures, as the web app enforces them: per user for members,
// per address (and email) for sign-ups; queries are never counted. Memory and a real Redis.
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../testing/errors";
import { annotationInput, bodyOf, callerFor } from "../testing/factories";
import { buildCourseWorld, type CourseWorld, type Persona } from "../testing/personas";
import { TEST_REDIS_URL, uniqueKeyPrefix } from "../testing/redis";
import { rateBudgets } from "./budgets";
import { createRateLimits, type RateLimits } from "./rate-limits";

let testDb: TestDatabase;
let world: CourseWorld;

beforeAll(async () => {
  testDb = await createTestDatabase("api_write_limits");
  world = await buildCourseWorld(testDb.db);
});
afterAll(() => testDb.drop());

describe.each(["memory", "redis"] as const)("counted in %s", (store) => {
  let limits: RateLimits;
  beforeAll(async () => {
    limits = createRateLimits({
      redisUrl: store === "redis" ? TEST_REDIS_URL : null,
      keyPrefix: uniqueKeyPrefix(`writes-${store}`),
    });
    await limits.ready();
  });
  afterAll(() => limits.close());

  const as = (persona: Persona, clientAddress = "192.0.2.1") =>
    callerFor(testDb.db, world.users.get(persona) ?? null, { rateLimits: limits, clientAddress });

  it("lets a member post a budget's worth of comments a minute, then refuses with the wait", async () => {
    const { points } = rateBudgets.comment;
    // Threads and replies share the budget; refused inputs spend it too (a flood of them is
    // still a flood).
    const { thread } = await as("student").annotation.create(annotationInput(world.publicText));
    expect(
      await rejectionOf(
        as("student").annotation.create(annotationInput(world.publicText, { body: bodyOf(" ") })),
      ),
    ).toBe("comment.empty");
    for (let k = 2; k < points; k++) {
      await as("student").reply.create({ annotationId: thread!.id, body: bodyOf(`رد ${k}`) });
    }
    const refusal = as("student").annotation.create(annotationInput(world.publicText));
    expect(await rejectionOf(refusal)).toBe("rate_limit.writes");
    const error = await refusal.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(
      await rejectionOf(
        as("student").reply.create({ annotationId: thread!.id, body: bodyOf("رد") }),
      ),
    ).toBe("rate_limit.writes");
    const count = await testDb.db.reply.count({ where: { annotationId: thread!.id } });
    expect(count).toBe(points - 2);

    // Other budgets and other people are untouched; reading is never counted.
    const target = { type: "annotation" as const, id: thread!.id };
    expect(
      await rejectionOf(as("student").reaction.set({ target, kind: "thanks", on: true })),
    ).toBe("resolved");
    expect(
      await rejectionOf(as("moderator").annotation.create(annotationInput(world.publicText))),
    ).toBe("resolved");
    for (let k = 0; k < points + 5; k++) {
      await as("student").annotation.list({ textId: world.publicText.id });
    }
  });

  it("does not count refused anonymous calls to members-only writes against anyone", async () => {
    for (let k = 0; k < rateBudgets.comment.points + 1; k++) {
      expect(
        await rejectionOf(as("anonymous").annotation.create(annotationInput(world.publicText))),
      ).toBe("auth.sign_in_required");
    }
  });

  it("limits sign-ups per email and per network address", async () => {
    // A weak password is refused after the charge and before any hashing: cheap to repeat.
    const attempt = (email: string, address: string) =>
      rejectionOf(as("anonymous", address).auth.signUp({ name: "سلمى", email, password: "short" }));
    const perEmail = rateBudgets.signUpPerEmail.points;
    for (let k = 0; k < perEmail; k++) {
      expect(await attempt("Salma@Example.com", "198.51.100.7")).toBe(
        "auth.weak_password.too_short",
      );
    }
    // The same email (whatever its case) from that address is refused; from another, it is not.
    expect(await attempt("salma@example.com", "198.51.100.7")).toBe("rate_limit.sign_up");
    expect(await attempt("salma@example.com", "198.51.100.8")).toBe("auth.weak_password.too_short");

    const perAddress = rateBudgets.signUpPerAddress.points;
    for (let k = 0; k < perAddress; k++) {
      expect(await attempt(`student-${k}@example.com`, "203.0.113.9")).toBe(
        "auth.weak_password.too_short",
      );
    }
    expect(await attempt("one-more@example.com", "203.0.113.9")).toBe("rate_limit.sign_up");
  });
});
