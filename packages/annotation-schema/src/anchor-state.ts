import { z } from "zod";

/**
 * Where an annotation stands after re-anchoring (DESIGN.md decision 4): found exactly, found
 * fuzzily (with a score, for review) or not found (kept and shown, never dropped).
 */
export const anchorStateSchema = z.enum(["anchored", "drifted", "orphaned"]);
/** anchored | drifted | orphaned. */
export type AnchorState = z.infer<typeof anchorStateSchema>;
