import { z } from "zod";

/**
 * Who may see an annotation (DESIGN.md, "Who may do what"): only its author, the whole
 * course, or its author and the course staff.
 */
export const visibilitySchema = z.enum(["private", "course", "instructors"]);
export type Visibility = z.infer<typeof visibilitySchema>;
