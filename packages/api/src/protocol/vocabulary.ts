import { ANNO_MEDIA_TYPE } from "@hashiya/annotation-schema/w3c";

// The IRIs and header values of the W3C Web Annotation Protocol
// (https://www.w3.org/TR/annotation-protocol/) and the LDP terms it uses.

export { ANNO_MEDIA_TYPE };

export const LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld";
export const LDP_BASIC_CONTAINER = "http://www.w3.org/ns/ldp#BasicContainer";
export const LDP_RESOURCE = "http://www.w3.org/ns/ldp#Resource";
export const LDP_CONSTRAINED_BY = "http://www.w3.org/ns/ldp#constrainedBy";
export const LDP_PREFER_MINIMAL_CONTAINER = "http://www.w3.org/ns/ldp#PreferMinimalContainer";
export const OA_ANNOTATION = "http://www.w3.org/ns/oa#Annotation";
export const OA_PREFER_CONTAINED_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
export const OA_PREFER_CONTAINED_DESCRIPTIONS =
  "http://www.w3.org/ns/oa#PreferContainedDescriptions";
/** What a container's `ldp#constrainedBy` link names (section 4.1). */
export const PROTOCOL_CONSTRAINTS = "http://www.w3.org/TR/annotation-protocol/";

/** The methods of each kind of resource, for `Allow` (and 405s). */
export const ALLOW = {
  container: ["GET", "HEAD", "OPTIONS", "POST"],
  page: ["GET", "HEAD", "OPTIONS"],
  annotation: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"],
} as const;

/** The `Link` header of a container (section 4.1: on all its responses). */
export const CONTAINER_LINK = `<${LDP_BASIC_CONTAINER}>; rel="type", <${PROTOCOL_CONSTRAINTS}>; rel="${LDP_CONSTRAINED_BY}"`;
/** The `Link` header of an annotation (section 3: a Resource, and an Annotation). */
export const ANNOTATION_LINK = `<${LDP_RESOURCE}>; rel="type", <${OA_ANNOTATION}>; rel="type"`;

/** Annotations listed per page of a container. */
export const PAGE_SIZE = 100;
