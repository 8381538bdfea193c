import fc from "fast-check";
import { bodyToPlainText, isBlank } from "../body-text";
import { isValidTag, normaliseTag } from "../tags";
import type {
  AnnotationRecord,
  ModerationRecord,
  PersonRecord,
  ReplyRecord,
  TextRecord,
} from "../w3c/records";
import { textIris } from "../w3c/records";
import { arbBody, arbText } from "./bodies";

// fast-check arbitraries for what the W3C exporter is given: a text's threads (annotations with
// replies) and moderation decisions, with Arabic and mixed text.

export const iris = textIris("https://hashiya.example/", "text-1");
export const arabicText: TextRecord = { iri: iris.text, language: "ar", direction: "rtl" };

const arbId = fc.stringMatching(/^[a-z0-9]{6,24}$/);
const arbDate = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms));

export const arbPerson: fc.Arbitrary<PersonRecord> = fc.record({
  id: arbId,
  name: fc.constantFrom("سارة الأحمد", "Omar", "Léa Martin", "مُعلّم"),
});

/** Bodies as stored: valid and showing something. */
const arbStoredBody = arbBody(3).filter((b) => !isBlank(bodyToPlainText(b)));

const arbTag = fc
  .oneof(fc.constantFrom("سؤال", "منهج", "theme", "Key Idea", "نقد"), arbText)
  .map(normaliseTag)
  .filter(isValidTag);

const arbQuote = fc.record(
  {
    type: fc.constant("TextQuoteSelector" as const),
    exact: arbText,
    prefix: fc.oneof(arbText, fc.constant("")),
    suffix: fc.oneof(arbText, fc.constant("")),
  },
  { requiredKeys: ["type", "exact"] },
);

const arbPosition = fc
  .tuple(fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: 5_000 }))
  .map(([start, length]) => ({
    type: "TextPositionSelector" as const,
    start,
    end: start + length,
  }));

export const arbAnnotation: fc.Arbitrary<AnnotationRecord> = fc.record({
  id: arbId,
  author: arbPerson,
  quote: arbQuote,
  position: fc.option(arbPosition, { freq: 5 }),
  body: fc.option(arbStoredBody, { freq: 8 }),
  isQuestion: fc.boolean(),
  visibility: fc.constantFrom("private", "course", "instructors"),
  tags: fc.uniqueArray(arbTag, { maxLength: 4 }),
  createdAt: arbDate,
  editedAt: fc.option(arbDate),
});

/** A text's threads: annotations with unique ids, each with replies, and decisions on them. */
export const arbThreads: fc.Arbitrary<{
  annotations: AnnotationRecord[];
  replies: ReplyRecord[];
  moderations: ModerationRecord[];
}> = fc
  .uniqueArray(arbAnnotation, { minLength: 1, maxLength: 5, selector: (a) => a.id })
  .chain((annotations) =>
    fc
      .record({
        replies: fc.array(
          fc.record({
            id: arbId,
            annotationId: fc.constantFrom(...annotations.map((a) => a.id)),
            author: arbPerson,
            body: fc.option(arbStoredBody, { freq: 8 }),
            createdAt: arbDate,
            editedAt: fc.option(arbDate),
          }),
          { maxLength: 6 },
        ),
        decisions: fc.array(
          fc.record({
            id: arbId,
            actor: arbPerson,
            decision: fc.constantFrom(
              "hide",
              "unhide",
              "approve",
              "deny",
              "remove",
              "restore",
              "lock",
              "unlock",
            ) as fc.Arbitrary<ModerationRecord["decision"]>,
            reason: fc.oneof(fc.constant(""), arbText, fc.constant("إساءة للآخرين")),
            createdAt: arbDate,
            onReply: fc.boolean(),
            pick: fc.nat(),
          }),
          { maxLength: 3 },
        ),
      })
      .map(({ replies, decisions }) => {
        // Ids unique across annotations and replies (distinct tables, distinct IRIs anyway).
        const seen = new Set(annotations.map((a) => a.id));
        const uniqueReplies = replies.filter((r) => !seen.has(r.id) && seen.add(r.id));
        const moderations = decisions
          .filter((d) => !seen.has(d.id) && seen.add(d.id))
          .map(({ onReply, pick, ...d }): ModerationRecord => {
            const pool = onReply && uniqueReplies.length > 0 ? uniqueReplies : annotations;
            const subject = pool[pick % pool.length]!;
            return {
              ...d,
              subject: { type: pool === annotations ? "annotation" : "reply", id: subject.id },
            };
          });
        return { annotations, replies: uniqueReplies, moderations };
      }),
  );
