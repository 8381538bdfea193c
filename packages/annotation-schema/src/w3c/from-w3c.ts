import { z } from "zod";
import type { CommentBlockNode } from "../body-schema";
import { plainTextToBody } from "../body-text";
import type { PositionSelector, QuoteSelector } from "../selectors";
import { type Visibility, visibilitySchema } from "../visibility";
import { assemble, importTags, MAX_IMPORT_ITEMS, type ReadItem } from "./assemble";
import { type BodyConversion, bodyFromHtml, checkedBody } from "./body-from-html";
import { bodyFromMarkdown } from "./body-from-markdown";
import { isDateTime } from "./formats";
import type { ImportedAgent, ImportResult } from "./import-shape";
import { commentProblem, fileProblem, type ImportProblem, itemProblem } from "./import-problems";
import { moderationDecisionSchema } from "./records";
import { ANNO_CONTEXT } from "./vocabulary";
import { ISSUE_ANNOTATION_TYPE, ISSUE_DATE_TIME, issueProblems } from "./zod-issues";

// W3C Web Annotation JSON-LD (ours or another tool's) into the import shape. Accepts a single
// Annotation, a list of them, an AnnotationPage, or an AnnotationCollection whose pages are in
// the file. Reads the compacted JSON-LD the model's context gives (what tools write), not
// arbitrary JSON-LD graphs. An item is, by its motivation: a moderation decision (`moderating`),
// a reply (`replying`, or a target that is another item's IRI), or else an annotation on a
// passage, which needs a TextQuoteSelector; its TextPositionSelector (code points, as the model
// and we count) is kept as the anchoring hint.

const MAX_ID = 2_048;
const MAX_QUOTE = 100_000;
const MAX_CONTEXT = 2_000;
const MAX_BODY_VALUE = 1_000_000;

/** A single value or a list (JSON-LD writes one value without brackets), read as a list. */
const list = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(schema));
const iri = z.string().min(1).max(MAX_ID);
const dateTime = z.string().refine(isDateTime, { message: ISSUE_DATE_TIME });
// An IRI written where an object may be: read as `{ id }`.
const orIdObject = (v: unknown) => (typeof v === "string" ? { id: v } : v);

const agentSchema = z.preprocess(
  orIdObject,
  z.looseObject({
    id: iri.optional(),
    name: list(z.string().max(500)).optional(),
    nickname: z.string().max(500).optional(),
  }),
);

const bodySchema = z.preprocess(
  orIdObject,
  z.looseObject({
    value: z.string().max(MAX_BODY_VALUE).optional(),
    format: list(z.string().max(200)).optional(),
    purpose: list(z.string().max(200)).optional(),
  }),
);

const targetSchema = z.preprocess(
  (v) => (typeof v === "string" ? { id: v } : v),
  z.looseObject({
    id: iri.optional(),
    source: z
      .preprocess((v) => (typeof v === "object" && v !== null && "id" in v ? v.id : v), iri)
      .optional(),
    selector: list(z.looseObject({ type: z.string().max(200) })).optional(),
  }),
);

const quoteSchema = z.looseObject({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1).max(MAX_QUOTE),
  prefix: z.string().max(MAX_CONTEXT).optional(),
  suffix: z.string().max(MAX_CONTEXT).optional(),
});
const positionSchema = z.looseObject({
  type: z.literal("TextPositionSelector"),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

const itemSchema = z.looseObject({
  id: iri.optional(),
  type: list(z.string()).refine((types) => types.includes("Annotation"), {
    message: ISSUE_ANNOTATION_TYPE,
  }),
  motivation: list(z.string().max(200)).optional(),
  creator: list(agentSchema).optional(),
  created: dateTime.optional(),
  modified: dateTime.optional(),
  audience: list(z.looseObject({ "schema:audienceType": z.unknown().optional() })).optional(),
  body: list(bodySchema).optional(),
  bodyValue: z.string().max(MAX_BODY_VALUE).optional(),
  target: list(targetSchema),
});
type Item = z.infer<typeof itemSchema>;
type Body = z.infer<typeof bodySchema>;

const CONTEXTS = [ANNO_CONTEXT, "https://www.w3.org/ns/anno.jsonld"];
const namesContext = (v: unknown) =>
  CONTEXTS.some((c) => v === c || (Array.isArray(v) && v.includes(c)));
const typeOf = (v: unknown): string[] => {
  if (typeof v !== "object" || v === null) return [];
  const type = (v as { type?: unknown }).type;
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
};

/** The annotations of a document, in file order, or why there are none to read. */
function itemsOf(document: unknown): { items: unknown[] } | { problem: ImportProblem } {
  if (Array.isArray(document)) {
    if (!document.every((a) => namesContext((a as { "@context"?: unknown })?.["@context"])))
      return { problem: fileProblem("import.no_context") };
    return { items: document };
  }
  const types = typeOf(document);
  if (types.length === 0) return { problem: fileProblem("import.unknown_format") };
  if (!namesContext((document as { "@context"?: unknown })["@context"]))
    return { problem: fileProblem("import.no_context") };
  if (types.includes("Annotation")) return { items: [document] };
  let page: unknown;
  if (types.includes("AnnotationCollection")) {
    page = (document as { first?: unknown }).first;
    if (page === undefined) return { items: [] };
  } else if (types.includes("AnnotationPage")) page = document;
  else return { problem: fileProblem("import.unknown_format") };
  // Pages follow one another through embedded `next` pages; a link we cannot follow refuses.
  const items: unknown[] = [];
  for (let pages = 0; page !== undefined; pages++) {
    if (
      typeof page !== "object" ||
      page === null ||
      !Array.isArray((page as { items?: unknown }).items)
    )
      return { problem: fileProblem("import.linked_pages") };
    items.push(...(page as { items: unknown[] }).items);
    if (items.length > MAX_IMPORT_ITEMS || pages > MAX_IMPORT_ITEMS)
      return { problem: fileProblem("import.too_many", { max: "100,000" }) };
    page = (page as { next?: unknown }).next;
  }
  return { items };
}

/**
 * Reads a W3C Web Annotation JSON-LD document (already parsed from JSON) into the import shape,
 * or refuses it with every problem found, each a sentence in English and Arabic naming the item
 * and the field (e.g. "Item 12: the target has no TextQuoteSelector, …").
 */
export function parseW3cImport(document: unknown): ImportResult {
  const found = itemsOf(document);
  if ("problem" in found) return { ok: false, problems: [found.problem] };
  if (found.items.length === 0) return { ok: false, problems: [fileProblem("import.empty")] };
  if (found.items.length > MAX_IMPORT_ITEMS)
    return { ok: false, problems: [fileProblem("import.too_many", { max: "100,000" })] };
  const ids = new Set<string>();
  for (const raw of found.items) {
    const id = (raw as { id?: unknown })?.id;
    if (typeof id === "string") ids.add(id);
  }
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const read: ReadItem[] = [];
  found.items.forEach((raw, k) => {
    const item = readItem(raw, k + 1, ids, problems, warnings);
    if (item) read.push(item);
  });
  return assemble("w3c", read, problems, warnings);
}

function readItem(
  raw: unknown,
  item: number,
  ids: ReadonlySet<string>,
  problems: ImportProblem[],
  warnings: ImportProblem[],
): ReadItem | null {
  const parsed = itemSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    problems.push(...issueProblems(parsed.error.issues, raw, item));
    return null;
  }
  const a = parsed.data;
  if (a.id === undefined) {
    problems.push(itemProblem("import.no_id", item));
    return null;
  }
  const motivations = a.motivation ?? [];
  const bodies: Body[] = a.body ?? [];
  if (a.bodyValue !== undefined) bodies.push({ value: a.bodyValue, format: ["text/plain"] });
  const purposes = (b: Body) => b.purpose ?? [];
  const textual = bodies.filter((b) => b.value !== undefined);
  if (textual.length < bodies.length) warnings.push(itemProblem("import.body_not_text", item));
  const common = {
    item,
    externalId: a.id,
    creator: creatorOf(a),
    created: a.created ? new Date(a.created) : null,
  };
  const modified = a.modified ? new Date(a.modified) : null;

  if (motivations.includes("moderating")) {
    // The decision is the body with purpose `moderating` (or, from a tool that sets none, the
    // first body); the other bodies are its reason.
    let at = textual.findIndex((b) => purposes(b).includes("moderating"));
    if (at < 0) at = textual.findIndex((b) => purposes(b).length === 0);
    const decision = textual[at]?.value?.trim() ?? "";
    const kind = moderationDecisionSchema.safeParse(decision);
    if (!kind.success) {
      problems.push(itemProblem("import.unknown_moderation", item, { value: decision }));
      return null;
    }
    const reason = textual
      .filter((_, k) => k !== at)
      .map((b) => b.value!)
      .join("\n");
    return {
      kind: "moderation",
      moderation: { ...common, subject: targetIri(a) ?? "", decision: kind.data, reason },
    };
  }

  const comment = commentOf(textual.filter((b) => !purposes(b).some((p) => p === "tagging")));
  if (!comment.ok) {
    problems.push(commentProblem(comment.code, item));
    return null;
  }

  // A reply points at another annotation by IRI; one that quotes a passage instead is read as
  // an annotation of its own.
  const parent = targetIri(a);
  if (parent !== undefined && (motivations.includes("replying") || ids.has(parent))) {
    return {
      kind: "reply",
      reply: { ...common, inReplyTo: parent, body: comment.body, modified },
    };
  }

  const passage = passageOf(a, raw, item, problems);
  if (!passage) return null;
  const { tags, dropped } = importTags(
    textual.filter((b) => purposes(b).includes("tagging")).map((b) => b.value!),
  );
  if (dropped > 0) warnings.push(itemProblem("import.tags_dropped", item, { count: dropped }));
  return {
    kind: "annotation",
    annotation: {
      ...common,
      modified,
      source: passage.source,
      quote: passage.quote,
      position: passage.position,
      body: comment.body,
      isQuestion:
        motivations.includes("questioning") ||
        textual.some((b) => purposes(b).includes("questioning")),
      visibility: visibilityOf(a),
      tags,
    },
  };
}

/** The first creator, as an IRI and a name. */
function creatorOf(a: Item): ImportedAgent | null {
  const agent = a.creator?.[0];
  if (!agent) return null;
  return { id: agent.id ?? null, name: agent.name?.[0] ?? agent.nickname ?? null };
}

/** The IRI a reply or decision points at: a target that is a plain IRI (no selector). */
function targetIri(a: Item): string | undefined {
  for (const target of a.target) {
    if (target.selector === undefined) return target.id ?? target.source;
  }
  return undefined;
}

/** The comment: every textual body that is not a tag, in order, as one body. */
function commentOf(bodies: Body[]): BodyConversion {
  const blocks: CommentBlockNode[] = [];
  for (const b of bodies) {
    const format = b.format?.[0]?.toLowerCase() ?? "text/plain";
    const converted =
      format === "text/html" || format === "application/xhtml+xml"
        ? bodyFromHtml(b.value!)
        : format === "text/markdown" || format === "text/x-markdown"
          ? bodyFromMarkdown(b.value!)
          : checkedBody(plainTextToBody(b.value!));
    if (!converted.ok) return converted;
    if (converted.body) blocks.push(...converted.body.content);
  }
  return blocks.length === 0
    ? { ok: true, body: null }
    : checkedBody({ type: "doc", content: blocks });
}

/** The passage of an annotation: the first target with a TextQuoteSelector. */
function passageOf(
  a: Item,
  raw: unknown,
  item: number,
  problems: ImportProblem[],
): { source: string | null; quote: QuoteSelector; position: PositionSelector | null } | null {
  for (const [t, target] of a.target.entries()) {
    const selectors = target.selector ?? [];
    const q = selectors.findIndex((s) => s.type === "TextQuoteSelector");
    if (q < 0) continue;
    const path = ["target", t, "selector"];
    const quote = quoteSchema.safeParse(selectors[q], { reportInput: true });
    if (!quote.success) {
      problems.push(...issueProblems(quote.error.issues, raw, item, [...path, q]));
      return null;
    }
    let position: PositionSelector | null = null;
    const p = selectors.findIndex((s) => s.type === "TextPositionSelector");
    if (p >= 0) {
      const parsed = positionSchema.safeParse(selectors[p], { reportInput: true });
      if (!parsed.success) {
        problems.push(...issueProblems(parsed.error.issues, raw, item, [...path, p]));
        return null;
      }
      if (parsed.data.start > parsed.data.end) {
        problems.push(itemProblem("import.bad_position", item));
        return null;
      }
      // An empty range says nothing about where the (non-empty) quote is.
      if (parsed.data.start < parsed.data.end)
        position = { type: "TextPositionSelector", start: parsed.data.start, end: parsed.data.end };
    }
    const { exact, prefix, suffix } = quote.data;
    return {
      source: target.source ?? target.id ?? null,
      quote: {
        type: "TextQuoteSelector",
        exact,
        ...(prefix !== undefined ? { prefix } : {}),
        ...(suffix !== undefined ? { suffix } : {}),
      },
      position,
    };
  }
  problems.push(itemProblem("import.no_quote", item));
  return null;
}

/** Our visibility, when the audience is one we wrote. */
function visibilityOf(a: Item): Visibility | null {
  for (const audience of a.audience ?? []) {
    const parsed = visibilitySchema.safeParse(audience["schema:audienceType"]);
    if (parsed.success) return parsed.data;
  }
  return null;
}
