// Protocol writes spend the same per-user budget as the web app's (they are its procedures): a
// burst past the comment budget is refused with 429, Retry-After and a sentence.
import type { W3cAnnotation } from "@hashiya/annotation-schema/w3c";
import { afterAll, expect, it } from "vitest";
import { rateBudgets } from "../abuse/budgets";
import { createRateLimits } from "../abuse/rate-limits";
import { jsonLd, refusalOf, useProtocolFixture, w3cAnnotation } from "./protocol-fixture";

// In memory (no Redis URL): nothing to wait for. Closed after the fixture (hooks run in reverse).
const limits = createRateLimits({ keyPrefix: `protocol-${Date.now()}` });
afterAll(() => limits.close());
const f = useProtocolFixture("api_protocol_limits", { rateLimits: limits });

it("refuses writes past the comment budget with 429 and Retry-After", async () => {
  const textId = f.world.publicText.id;
  const post = () =>
    f.asToken(
      "student",
      f.container(textId),
      jsonLd("POST", w3cAnnotation(f.textIri(textId), "تروتسكي", "BUDGET")),
    );
  const { points } = rateBudgets.comment;
  for (let k = 0; k < points; k++) expect((await post()).status).toBe(201);
  const refused = await post();
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await refusalOf(refused)).messages.ar.length).toBeGreaterThan(0);
  // Reads are not writes: the student still reads.
  const listed = await f.asToken("student", `${f.container(textId)}?iris=1&page=0`);
  expect(((await listed.json()) as { items: W3cAnnotation[] }).items).toHaveLength(points);
});
