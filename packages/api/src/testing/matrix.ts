// The role matrix's bookkeeping. Every procedure of `appRouter` must be checked for every
// persona by some access-matrix file (`src/routers/access-matrix.<area>.test.ts`); the guard
// (`access-matrix.guard.test.ts`) reads those files and names each procedure none of them
// calls. A file that reaches a procedure only indirectly declares it with `covers(...)`.
import { expect, it } from "vitest";
import { appRouter } from "../root";
import { rejectionOf } from "./errors";
import { allPersonas, type Persona } from "./personas";

/** Every procedure path of the API ("annotation.create", …) with its kind. */
export function procedurePaths(): Map<string, "query" | "mutation" | "subscription"> {
  // tRPC keeps a flat map of every procedure by its dotted path.
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string } }
  >;
  return new Map(
    Object.entries(procedures).map(([path, procedure]) => [
      path,
      procedure._def.type as "query" | "mutation" | "subscription",
    ]),
  );
}

/**
 * Declares procedures this file checks for every persona without calling them by name (through
 * a helper or a table). Throws for a name the API does not have, so a renamed procedure fails.
 */
export function covers(...paths: string[]): void {
  const known = procedurePaths();
  const unknown = paths.filter((path) => !known.has(path));
  if (unknown.length > 0) throw new Error(`No such procedure: ${unknown.join(", ")}`);
}

/** The answer a persona must get: "resolved", or the refusal's appCode (or tRPC code). */
export type Outcomes = Record<Persona, string>;

/**
 * One row of the matrix: `call` as each persona, expecting exactly `outcomes[persona]` (the
 * record type makes every persona's answer required).
 */
export function everyPersona(
  name: string,
  outcomes: Outcomes,
  call: (persona: Persona) => Promise<unknown>,
): void {
  it.each(allPersonas)(`${name}, as %s`, async (persona) => {
    expect(await rejectionOf(call(persona))).toBe(outcomes[persona]);
  });
}

/** Outcomes where the listed personas succeed and the others get `refusals` (default "forbidden"). */
export function allowed(
  personas: Persona[],
  refusals: Partial<Outcomes> & { otherwise?: string } = {},
): Outcomes {
  const { otherwise = "forbidden", ...byPersona } = refusals;
  return Object.fromEntries(
    allPersonas.map((persona) => [
      persona,
      personas.includes(persona) ? "resolved" : (byPersona[persona] ?? otherwise),
    ]),
  ) as Outcomes;
}

// --- The guard's reading of matrix files -------------------------------------------------

/** Files whose rows count for the guard: access-matrix files, and the older `*-access` ones. */
export const MATRIX_FILE = /^(access-matrix(\.[\w-]+)?|[\w-]+-access)\.test\.ts$/;

/**
 * The procedures a matrix file checks: those it calls (`.annotation.create(`, also
 * `.live.onTextEvent.subscribe(`) or declares with `covers("…")`, provided the file runs its
 * rows over the whole persona list (`allPersonas` or `everyPersona`).
 */
export function coveredIn(source: string, known: Iterable<string>): Set<string> {
  const covered = new Set<string>();
  if (!/\ballPersonas\b|\beveryPersona\(/.test(source)) return covered;
  for (const path of known) {
    const call = new RegExp(
      `\\.${path.replace(".", "\\s*\\.\\s*")}\\s*(\\(|\\.\\s*(subscribe|query|mutate)\\s*\\()`,
    );
    if (call.test(source)) covered.add(path);
  }
  for (const declaration of source.matchAll(/\bcovers\(([^)]*)\)/g)) {
    for (const literal of declaration[1]!.matchAll(/["'`]([\w.]+)["'`]/g)) covered.add(literal[1]!);
  }
  return covered;
}
