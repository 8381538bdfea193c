// Zod schemas and types shared by server and client. Annotations, bodies, threads and live
// events arrive with the live-annotation issue; the W3C mapping with the export issue.
export { type Visibility, visibilitySchema } from "./visibility";
