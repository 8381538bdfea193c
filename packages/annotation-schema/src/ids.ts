import { z } from "zod";

/**
 * A database id as it travels in inputs (cuid today; seeds may use readable ids). Bounded so
 * that a hostile client cannot make the server hash or log megabyte-long "ids".
 */
export const entityIdSchema = z.string().min(1).max(64);
