import type { z } from "zod";
import { type ImportProblem, itemProblem } from "./import-problems";

// zod's issues about one item of an import file, as sentences: which field ("target.selector[1].start",
// as the file spells it) and what is wrong with it, in English and Arabic.

/** Messages of custom refinements in the importers' schemas. */
export const ISSUE_DATE_TIME = "date-time";
export const ISSUE_ANNOTATION_TYPE = "annotation-type";

const typeNames: Record<string, [string, string]> = {
  string: ["should be text", "يجب أن يكون نصًا"],
  number: ["should be a number", "يجب أن يكون رقمًا"],
  int: ["should be a whole number", "يجب أن يكون عددًا صحيحًا"],
  array: ["should be a list", "يجب أن يكون قائمة"],
  object: ["should be an object", "يجب أن يكون كائنًا"],
  boolean: ["should be true or false", "يجب أن يكون true أو false"],
};

function phrase(issue: z.core.$ZodIssue): [string, string] {
  switch (issue.code) {
    case "invalid_type":
      // Parsed with `reportInput`: an issue without `input` is about a field that is absent.
      if (!("input" in issue) || issue.input === undefined) return ["is missing", "مفقود"];
      return typeNames[issue.expected] ?? ["has the wrong type", "نوعه غير صحيح"];
    case "too_small":
      if (issue.origin === "string" || issue.origin === "array")
        return ["should not be empty", "يجب ألا يكون فارغًا"];
      return [`should be at least ${issue.minimum}`, `يجب ألا يقل عن ${issue.minimum}`];
    case "too_big":
      if (issue.origin === "string")
        return [`is longer than ${issue.maximum} characters`, `أطول من ${issue.maximum} حرف`];
      if (issue.origin === "array")
        return [`has more than ${issue.maximum} entries`, `فيه أكثر من ${issue.maximum} عنصر`];
      return [`should be at most ${issue.maximum}`, `يجب ألا يزيد على ${issue.maximum}`];
    case "invalid_value": {
      const values = issue.values.map(String);
      return [`should be ${values.join(" or ")}`, `يجب أن يكون ${values.join(" أو ")}`];
    }
    case "custom":
      if (issue.message === ISSUE_DATE_TIME)
        return [
          "should be a date and time such as 2025-03-01T09:30:00Z",
          "يجب أن يكون تاريخًا ووقتًا مثل 2025-03-01T09:30:00Z",
        ];
      if (issue.message === ISSUE_ANNOTATION_TYPE)
        return ["should be Annotation", "يجب أن يكون Annotation"];
      return ["is not valid", "غير صالح"];
    default:
      return ["is not valid", "غير صالح"];
  }
}

/**
 * The field an issue is about, spelled as in the file. Where the schema read a single value as a
 * one-element list (JSON-LD allows both), the index it added is left out.
 */
function fieldPath(path: readonly PropertyKey[], raw: unknown): string {
  let out = "";
  let value: unknown = raw;
  for (const key of path) {
    if (typeof key === "number") {
      if (Array.isArray(value)) {
        out += `[${key}]`;
        value = value[key];
      }
      continue;
    }
    out += out === "" ? String(key) : `.${String(key)}`;
    value =
      typeof value === "object" && value !== null
        ? (value as Record<string, unknown>)[String(key)]
        : undefined;
  }
  return out === "" ? "item" : out;
}

/** One problem per issue (the first few only: a broken file need not be listed in full). */
export function issueProblems(
  issues: readonly z.core.$ZodIssue[],
  raw: unknown,
  item: number,
  prefix: readonly PropertyKey[] = [],
): ImportProblem[] {
  return issues.slice(0, 5).map((issue) => {
    const [en, ar] = phrase(issue);
    return itemProblem("import.item_shape", item, {
      path: fieldPath([...prefix, ...issue.path], raw),
      en,
      ar,
    });
  });
}
