import { z } from "zod";
import type { Visibility } from "../visibility";
import { assemble, importTags, MAX_IMPORT_ITEMS, type ReadItem } from "./assemble";
import { bodyFromMarkdown } from "./body-from-markdown";
import { isDateTime } from "./formats";
import type { ImportResult } from "./import-shape";
import { commentProblem, fileProblem, type ImportProblem, itemProblem } from "./import-problems";
import { ISSUE_DATE_TIME, issueProblems } from "./zod-issues";

// Hypothesis's API JSON (https://h.readthedocs.io: a search result `{ total, rows }`, optionally
// with `replies`, a list of annotations, or one) into the import shape. Comments are Markdown;
// replies name their thread in `references` (root first, direct parent last); `permissions.read`
// says who may read it (a group, or only its author).
//
// Positions are dropped: Hypothesis's TextPositionSelector counts UTF-16 code units of the
// annotated web page's whole rendered text (navigation, headings and all), not code points of
// our canonical text. Converting the unit would not make the offsets point into our text, and a
// wrong position would only mislead the anchorer, which trusts a position its quote confirms and
// otherwise prefers places near it. The quote with its prefix and suffix places the annotation.
// RangeSelectors (XPaths into that page) are dropped for the same reason.

const dateTime = z.string().refine(isDateTime, { message: ISSUE_DATE_TIME });

const annotationSchema = z.looseObject({
  id: z.string().min(1).max(200),
  created: dateTime.optional(),
  updated: dateTime.optional(),
  user: z.string().max(500).optional(),
  user_info: z.looseObject({ display_name: z.string().max(500).nullish() }).nullish(),
  uri: z.string().max(2_048).optional(),
  text: z.string().max(1_000_000).optional(),
  tags: z.array(z.string().max(10_000)).max(1_000).optional(),
  target: z
    .array(
      z.looseObject({
        source: z.string().max(2_048).optional(),
        selector: z.array(z.looseObject({ type: z.string().max(200) })).optional(),
      }),
    )
    .optional(),
  references: z.array(z.string().max(200)).optional(),
  permissions: z.looseObject({ read: z.array(z.string().max(500)).optional() }).optional(),
  links: z.looseObject({ html: z.string().max(2_048).optional() }).optional(),
});
type HypothesisAnnotation = z.infer<typeof annotationSchema>;

const quoteSchema = z.looseObject({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1).max(100_000),
  prefix: z.string().max(2_000).optional(),
  suffix: z.string().max(2_000).optional(),
});

/** Whether a parsed JSON document looks like Hypothesis's API JSON (no JSON-LD context). */
export function isHypothesisJson(document: unknown): boolean {
  const looksLikeRow = (v: unknown) =>
    typeof v === "object" &&
    v !== null &&
    !("@context" in v) &&
    typeof (v as { user?: unknown }).user === "string" &&
    "uri" in v;
  if (Array.isArray(document)) return document.length > 0 && document.every(looksLikeRow);
  if (
    typeof document === "object" &&
    document !== null &&
    Array.isArray((document as { rows?: unknown }).rows)
  )
    return true;
  return looksLikeRow(document);
}

function rowsOf(document: unknown): unknown[] | null {
  if (Array.isArray(document)) return document;
  if (typeof document !== "object" || document === null) return null;
  const { rows, replies } = document as { rows?: unknown; replies?: unknown };
  if (Array.isArray(rows)) return Array.isArray(replies) ? [...rows, ...replies] : rows;
  return [document];
}

/** Hypothesis's own URL of an annotation (its JSON-LD id too), so either export dedupes. */
const defaultUrl = (id: string) => `https://hypothes.is/a/${encodeURIComponent(id)}`;

/**
 * Reads Hypothesis API JSON (already parsed from JSON) into the import shape, or refuses it with
 * every problem found as a sentence in English and Arabic naming the item and the field. Page
 * notes (no quoted passage) are left out with a warning; see the module comment for positions.
 */
export function parseHypothesisImport(document: unknown): ImportResult {
  const rows = rowsOf(document);
  if (!rows || !isHypothesisJson(document))
    return { ok: false, problems: [fileProblem("import.unknown_format")] };
  if (rows.length === 0) return { ok: false, problems: [fileProblem("import.empty")] };
  if (rows.length > MAX_IMPORT_ITEMS)
    return { ok: false, problems: [fileProblem("import.too_many", { max: "100,000" })] };

  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const parsed: (HypothesisAnnotation | null)[] = rows.map((raw, k) => {
    const result = annotationSchema.safeParse(raw, { reportInput: true });
    if (result.success) return result.data;
    problems.push(...issueProblems(result.error.issues, raw, k + 1));
    return null;
  });
  const urls = new Map<string, string>();
  for (const a of parsed)
    if (a)
      urls.set(
        a.id,
        a.links?.html && /^https?:\/\//.test(a.links.html) ? a.links.html : defaultUrl(a.id),
      );
  const urlOf = (id: string) => urls.get(id) ?? defaultUrl(id);

  const read: ReadItem[] = [];
  parsed.forEach((a, k) => {
    if (!a) return;
    const item = k + 1;
    const comment = bodyFromMarkdown(a.text ?? "");
    if (!comment.ok) {
      problems.push(commentProblem(comment.code, item));
      return;
    }
    const created = a.created ? new Date(a.created) : null;
    const updated = a.updated ? new Date(a.updated) : null;
    const common = {
      item,
      externalId: urlOf(a.id),
      creator: a.user ? { id: a.user, name: a.user_info?.display_name ?? userName(a.user) } : null,
      created,
      // Hypothesis writes `updated` on creation too: only a later time is an edit.
      modified: updated && created && updated.getTime() > created.getTime() ? updated : null,
      body: comment.body,
    };
    const references = a.references ?? [];
    if (references.length > 0) {
      // Our threads are flat: a reply whose direct parent was deleted still joins its thread.
      const parent = references.findLast((id) => urls.has(id)) ?? references.at(-1)!;
      read.push({ kind: "reply", reply: { ...common, inReplyTo: urlOf(parent) } });
      return;
    }
    const target = a.target?.find((t) => t.selector?.some((s) => s.type === "TextQuoteSelector"));
    if (!target) {
      warnings.push(itemProblem("import.page_note", item));
      return;
    }
    const q = target.selector!.findIndex((s) => s.type === "TextQuoteSelector");
    const quote = quoteSchema.safeParse(target.selector![q], { reportInput: true });
    if (!quote.success) {
      const t = a.target!.indexOf(target);
      problems.push(
        ...issueProblems(quote.error.issues, rows[k], item, ["target", t, "selector", q]),
      );
      return;
    }
    const { tags, dropped } = importTags(a.tags ?? []);
    if (dropped > 0) warnings.push(itemProblem("import.tags_dropped", item, { count: dropped }));
    const { exact, prefix, suffix } = quote.data;
    read.push({
      kind: "annotation",
      annotation: {
        ...common,
        source: target.source ?? a.uri ?? null,
        quote: {
          type: "TextQuoteSelector",
          exact,
          ...(prefix !== undefined ? { prefix } : {}),
          ...(suffix !== undefined ? { suffix } : {}),
        },
        position: null,
        isQuestion: false,
        visibility: visibilityOf(a),
        tags,
      },
    });
  });
  return assemble("hypothesis", read, problems, warnings);
}

/** "acct:name@hypothes.is" → "name". */
function userName(account: string): string {
  return account.replace(/^acct:/, "").replace(/@[^@]*$/, "");
}

/** Shared with a group: the course; readable by its author alone: private. */
function visibilityOf(a: HypothesisAnnotation): Visibility | null {
  const read = a.permissions?.read;
  if (!read) return null;
  if (read.some((who) => who.startsWith("group:"))) return "course";
  if (read.length > 0 && read.every((who) => who === a.user)) return "private";
  return null;
}
