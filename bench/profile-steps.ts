// Time spent per anchoring step (quote/normalised/fuzzy, near/everywhere) and its outcomes, by
// wrapping the Anchorer's private `search`. Usage: tsx profile-steps.ts [anchor-many options]
// e.g. --only=deletions --runs=1.
import { Anchorer } from "../packages/text-model/src/anchorer";

type Search = (
  kind: string,
  span: { lo: number; hi: number },
  job: { raw: { text: string } },
) => unknown;
const proto = Anchorer.prototype as unknown as { search: Search };
const original = proto.search;
const steps: Record<string, { calls: number; ms: number }> = {};
proto.search = function (this: unknown, kind, span, job) {
  const startedAt = performance.now();
  const c = original.call(this, kind, span, job);
  const everywhere =
    span.lo === 0 && (kind === "quote" ? span.hi === job.raw.text.length : span.hi > 20_000);
  const outcome = c === "ambiguous" ? "ambiguous" : c ? "found" : "none";
  const key = `${kind} ${everywhere ? "everywhere" : "near"} → ${outcome}`;
  steps[key] ??= { calls: 0, ms: 0 };
  steps[key].calls++;
  steps[key].ms += performance.now() - startedAt;
  return c;
};
await import("./anchor-many");
for (const [key, { calls, ms }] of Object.entries(steps).sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(
    `${key.padEnd(36)} ${String(calls).padStart(6)} calls ${ms.toFixed(1).padStart(8)} ms ${((1000 * ms) / calls).toFixed(0).padStart(6)} µs/call`,
  );
}
