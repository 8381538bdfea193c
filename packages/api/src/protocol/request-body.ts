import {
  annotationMustViolations,
  type ImportedAnnotation,
  parseW3cImport,
} from "@hashiya/annotation-schema/w3c";
import { TRPCError } from "@trpc/server";
import { limitRequestBody, MAX_REQUEST_BYTES } from "../abuse/request-body";
import { isAnnotationContentType } from "./negotiation";
import type { Refusal } from "./responses";

// A POST's or PUT's body: JSON-LD with the annotation profile, at most the app's request cap,
// a W3C Web Annotation by the model's MUSTs (an `id` aside: a new one has none yet), read by the
// importer's W3C reader into our shape. Each refusal says why, in both languages.

export interface AnnotationBody {
  /** The `id` the client sent, if any (PUT: must be the annotation's IRI). */
  id: string | undefined;
  annotation: ImportedAnnotation;
}

/** Stands in for a missing `id` while the importer reads the body (it links items by id). */
const PROVISIONAL_ID = "urn:hashiya:new-annotation";

const notAnnotation = (details: { en: string; ar: string }): Refusal => ({
  status: 400,
  code: "protocol.not_annotation",
  details,
});

/** The body of `request`, or why it is refused; `textIri` names the text in a refusal. */
export async function readAnnotationBody(
  request: Request,
  textIri: string,
): Promise<AnnotationBody | Refusal> {
  if (!isAnnotationContentType(request.headers.get("content-type")))
    return { status: 415, code: "protocol.unsupported_type" };
  let text: string;
  try {
    text = await limitRequestBody(request, MAX_REQUEST_BYTES).text();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "PAYLOAD_TOO_LARGE")
      return { status: 413, code: "request.too_large" };
    throw error;
  }
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { status: 400, code: "protocol.bad_json" };
  }
  if (typeof document !== "object" || document === null || Array.isArray(document))
    return notAnnotation({ en: "send one annotation object", ar: "أرسل كائن تعليق واحدًا" });
  // Section 5.1: a canonical IRI MUST be kept without change; we have nowhere to keep it.
  if (Object.hasOwn(document, "canonical"))
    return { status: 400, code: "protocol.canonical_unsupported" };
  const id = (document as { id?: unknown }).id;
  const violations = annotationMustViolations(
    id === undefined ? { ...document, id: PROVISIONAL_ID } : document,
  );
  if (violations.length > 0) {
    const list = violations.map((v) => `${v.message} (${v.assertion})`).join("; ");
    return notAnnotation({ en: list, ar: list });
  }
  const result = parseW3cImport(id === undefined ? { ...document, id: PROVISIONAL_ID } : document);
  if (!result.ok)
    return notAnnotation({
      en: result.problems.map((p) => p.message.en).join(" "),
      ar: result.problems.map((p) => p.message.ar).join(" "),
    });
  const annotation = result.batch.annotations[0];
  // A reply or a moderation decision: not something this container takes.
  if (!annotation) return { status: 400, code: "protocol.wrong_target", params: { text: textIri } };
  return { id: typeof id === "string" ? id : undefined, annotation };
}
