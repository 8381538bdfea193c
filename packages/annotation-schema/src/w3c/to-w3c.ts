import { bodyToHtml } from "../body-html";
import type { CommentBody } from "../body-schema";
import { bodyToPlainText } from "../body-text";
import { guessLanguage, textDirectionOf } from "./language";
import type {
  AnnotationRecord,
  ModerationRecord,
  PersonRecord,
  ReplyRecord,
  TextRecord,
  W3cIris,
} from "./records";
import {
  ANNO_CONTEXT,
  type Motivation,
  type W3cAgent,
  type W3cAnnotation,
  type W3cSelector,
  type W3cTextualBody,
} from "./vocabulary";

// Our annotations, replies and moderation decisions as W3C Web Annotations. Every object written
// here passes `annotationMustViolations` (see to-w3c.test.ts).

/** Options of every mapper. */
export interface ToW3cOptions {
  iris: W3cIris;
  /** Leave `@context` out: the annotation goes inside a page or collection that names it. */
  embedded?: boolean;
}

function agent(person: PersonRecord, iris: W3cIris): W3cAgent {
  if (person.external) return { type: "Person", name: person.name };
  return { id: iris.user(person.id), type: "Person", name: person.name };
}

/** A TextualBody with the language and direction a reader would give `plain`. */
function textualBody(
  value: string,
  format: W3cTextualBody["format"],
  purpose: Motivation,
  plain: string,
): W3cTextualBody {
  const language = guessLanguage(plain);
  // Keys in this order (the JSON written follows it); assigned, not spread: see `envelope`.
  const body: W3cTextualBody = { type: "TextualBody", value, format, purpose };
  if (language) body.language = language;
  body.textDirection = textDirectionOf(plain);
  return body;
}

/** A comment as a text/html TextualBody (HTML rendered from the JSON, never stored HTML). */
function commentBody(body: CommentBody, purpose: Motivation): W3cTextualBody {
  return textualBody(bodyToHtml(body), "text/html", purpose, bodyToPlainText(body));
}

function envelope(
  id: string,
  motivation: Motivation,
  creator: W3cAgent,
  createdAt: Date,
  editedAt: Date | null,
  embedded: boolean | undefined,
): W3cAnnotation {
  // Built by assignment in the order the JSON shows, and completed by the callers (`target`
  // last): spreading it into a new literal cost microseconds per annotation in V8, which an
  // export of 100,000 paid twice over.
  const annotation = (embedded ? {} : { "@context": ANNO_CONTEXT }) as W3cAnnotation;
  annotation.id = id;
  annotation.type = "Annotation";
  annotation.motivation = motivation;
  annotation.creator = creator;
  annotation.created = createdAt.toISOString();
  if (editedAt) annotation.modified = editedAt.toISOString();
  return annotation;
}

/**
 * An annotation on a passage: motivation `commenting` (`questioning` for a question,
 * `highlighting` for a tombstone without body), its comment as a text/html TextualBody, each
 * tag as a TextualBody with purpose `tagging`, its visibility as a schema.org audience, and a
 * SpecificResource target on the text with a TextQuoteSelector and (unless orphaned) a
 * TextPositionSelector in code points, with the text's language and direction.
 */
export function annotationToW3c(
  annotation: AnnotationRecord,
  text: TextRecord,
  options: ToW3cOptions,
): W3cAnnotation {
  const { iris } = options;
  const purpose: Motivation = annotation.isQuestion ? "questioning" : "commenting";
  const motivation: Motivation =
    annotation.body || annotation.isQuestion ? purpose : "highlighting";
  const body: W3cTextualBody[] = [];
  if (annotation.body) body.push(commentBody(annotation.body, purpose));
  for (const tag of annotation.tags) body.push(textualBody(tag, "text/plain", "tagging", tag));
  const selector: W3cSelector[] = [{ ...annotation.quote }];
  if (annotation.position) selector.push({ ...annotation.position });
  const w3c = envelope(
    iris.annotation(annotation.id),
    motivation,
    agent(annotation.author, iris),
    annotation.createdAt,
    annotation.editedAt,
    options.embedded,
  );
  w3c.audience = { type: "schema:Audience", "schema:audienceType": annotation.visibility };
  if (body.length > 0) w3c.body = body;
  w3c.target = {
    type: "SpecificResource",
    source: text.iri,
    language: text.language,
    textDirection: text.direction,
    selector,
  };
  return w3c;
}

/** A reply: motivation `replying`, its comment as a TextualBody, the annotation's IRI as target. */
export function replyToW3c(reply: ReplyRecord, options: ToW3cOptions): W3cAnnotation {
  const { iris } = options;
  const w3c = envelope(
    iris.reply(reply.id),
    "replying",
    agent(reply.author, iris),
    reply.createdAt,
    reply.editedAt,
    options.embedded,
  );
  if (reply.body) w3c.body = [commentBody(reply.body, "replying")];
  w3c.target = iris.annotation(reply.annotationId);
  return w3c;
}

/**
 * A moderation decision: motivation `moderating`, the decision (hide, approve, …) as a
 * text/plain TextualBody with purpose `moderating`, the reason (if any) as one with purpose
 * `commenting`, and the moderated annotation's or reply's IRI as target.
 */
export function moderationToW3c(decision: ModerationRecord, options: ToW3cOptions): W3cAnnotation {
  const { iris } = options;
  // The decision is a word of our vocabulary, in English whatever the UI language.
  const body: W3cTextualBody[] = [
    {
      type: "TextualBody",
      value: decision.decision,
      format: "text/plain",
      purpose: "moderating",
      language: "en",
      textDirection: "ltr",
    },
  ];
  if (decision.reason !== "")
    body.push(textualBody(decision.reason, "text/plain", "commenting", decision.reason));
  const { subject } = decision;
  const w3c = envelope(
    iris.moderation(decision.id),
    "moderating",
    agent(decision.actor, iris),
    decision.createdAt,
    null,
    options.embedded,
  );
  w3c.body = body;
  w3c.target = subject.type === "annotation" ? iris.annotation(subject.id) : iris.reply(subject.id);
  return w3c;
}
