// The W3C Web Annotation Protocol for each text (import path `@hashiya/api/protocol`).
export type { AnnotationProcedures, ProtocolDeps } from "./deps";
export { annotationProtocolResponse, type ProtocolTarget } from "./http";
export { protocolIris } from "./iris";
export { bearerTokenOf, userForApiToken } from "../accounts/api-tokens";
