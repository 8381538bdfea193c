import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { doc, mention, paragraph } from "../testing/bodies";
import { arabicText, arbThreads, iris } from "../testing/records";
import { jsonAroundItems, toW3cCollection, toW3cPage } from "./collection";
import { isDateTime, isLanguageTag } from "./formats";
import { annotationMustViolations, collectionMustViolations, pageMustViolations } from "./musts";
import type { AnnotationRecord } from "./records";
import { annotationToW3c, moderationToW3c, replyToW3c } from "./to-w3c";

const sara = { id: "u-sara", name: "سارة الأحمد" };
const created = new Date("2025-03-01T09:30:00.000Z");
const annotation: AnnotationRecord = {
  id: "a1",
  author: sara,
  quote: { type: "TextQuoteSelector", exact: "الثورة", prefix: "نجاح ", suffix: " كتب" },
  position: { type: "TextPositionSelector", start: 120, end: 126 },
  body: doc(paragraph("Why ", mention("u-omar", "Omar"), " here?")),
  isQuestion: true,
  visibility: "course",
  tags: ["سؤال", "method"],
  createdAt: created,
  editedAt: new Date("2025-03-02T10:00:00.000Z"),
};

describe("annotationToW3c", () => {
  it("writes a question with its tags, audience, agent, dates and a quote + position target", () => {
    expect(annotationToW3c(annotation, arabicText, { iris })).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://hashiya.example/texts/text-1/annotations/a1",
      type: "Annotation",
      motivation: "questioning",
      creator: { id: "https://hashiya.example/users/u-sara", type: "Person", name: "سارة الأحمد" },
      created: "2025-03-01T09:30:00.000Z",
      modified: "2025-03-02T10:00:00.000Z",
      audience: { type: "schema:Audience", "schema:audienceType": "course" },
      body: [
        {
          type: "TextualBody",
          value:
            '<p dir="auto">Why <span class="mention" data-user-id="u-omar" dir="auto">@Omar</span> here?</p>',
          format: "text/html",
          purpose: "questioning",
          language: "en",
          textDirection: "ltr",
        },
        {
          type: "TextualBody",
          value: "سؤال",
          format: "text/plain",
          purpose: "tagging",
          language: "ar",
          textDirection: "rtl",
        },
        {
          type: "TextualBody",
          value: "method",
          format: "text/plain",
          purpose: "tagging",
          language: "en",
          textDirection: "ltr",
        },
      ],
      target: {
        type: "SpecificResource",
        source: "https://hashiya.example/texts/text-1",
        language: "ar",
        textDirection: "rtl",
        selector: [
          { type: "TextQuoteSelector", exact: "الثورة", prefix: "نجاح ", suffix: " كتب" },
          { type: "TextPositionSelector", start: 120, end: 126 },
        ],
      },
    });
  });

  it("writes an orphan with its quote only, and a tombstone as a highlight without body", () => {
    const orphan = annotationToW3c(
      { ...annotation, isQuestion: false, position: null, body: null, tags: [], editedAt: null },
      arabicText,
      { iris, embedded: true },
    );
    expect(orphan.motivation).toBe("highlighting");
    expect(orphan).not.toHaveProperty("body");
    expect(orphan).not.toHaveProperty("modified");
    expect(orphan).not.toHaveProperty("@context");
    expect(orphan.target).toMatchObject({ selector: [{ type: "TextQuoteSelector" }] });
    expect((orphan.target as { selector: unknown[] }).selector).toHaveLength(1);
  });
});

describe("replyToW3c and moderationToW3c", () => {
  it("writes a reply targeting its annotation's IRI", () => {
    const reply = replyToW3c(
      {
        id: "r1",
        annotationId: "a1",
        author: sara,
        body: doc(paragraph("أوافق")),
        createdAt: created,
        editedAt: null,
      },
      { iris },
    );
    expect(reply).toMatchObject({
      id: "https://hashiya.example/texts/text-1/replies/r1",
      motivation: "replying",
      target: "https://hashiya.example/texts/text-1/annotations/a1",
      body: [
        {
          type: "TextualBody",
          purpose: "replying",
          format: "text/html",
          language: "ar",
          textDirection: "rtl",
        },
      ],
    });
    expect(annotationMustViolations(reply)).toEqual([]);
  });

  it("writes a decision with its reason, targeting the reply", () => {
    const decision = moderationToW3c(
      {
        id: "m1",
        actor: { id: "u-ta", name: "TA" },
        decision: "hide",
        reason: "خارج الموضوع",
        createdAt: created,
        subject: { type: "reply", id: "r1" },
      },
      { iris },
    );
    expect(decision).toMatchObject({
      motivation: "moderating",
      target: "https://hashiya.example/texts/text-1/replies/r1",
      body: [
        { value: "hide", purpose: "moderating", format: "text/plain", language: "en" },
        { value: "خارج الموضوع", purpose: "commenting", language: "ar", textDirection: "rtl" },
      ],
    });
    expect(annotationMustViolations(decision)).toEqual([]);
  });
});

describe("every annotation, page and collection written passes the model's MUST assertions", () => {
  it("for any threads, standalone and embedded in a page of a collection", () => {
    fc.assert(
      fc.property(arbThreads, ({ annotations, replies, moderations }) => {
        const items = [
          ...annotations.map((a) => annotationToW3c(a, arabicText, { iris, embedded: true })),
          ...replies.map((r) => replyToW3c(r, { iris, embedded: true })),
          ...moderations.map((m) => moderationToW3c(m, { iris, embedded: true })),
        ];
        for (const a of annotations)
          expect(annotationMustViolations(annotationToW3c(a, arabicText, { iris }))).toEqual([]);
        for (const r of replies)
          expect(annotationMustViolations(replyToW3c(r, { iris }))).toEqual([]);
        for (const m of moderations)
          expect(annotationMustViolations(moderationToW3c(m, { iris }))).toEqual([]);
        // SHOULDs we keep as well: language tags and date-times well formed.
        for (const item of items) {
          expect(isDateTime(item.created)).toBe(true);
          for (const body of item.body ?? [])
            if (body.language !== undefined) expect(isLanguageTag(body.language)).toBe(true);
        }
        const collectionId = `${iris.text}/annotations`;
        const page = toW3cPage({
          id: `${collectionId}?page=0`,
          partOf: { id: collectionId, total: items.length },
          startIndex: 0,
          items,
        });
        const collection = toW3cCollection({
          id: collectionId,
          label: "تعليقات النص",
          total: items.length,
          first: page,
          last: page.id,
          created: new Date(),
        });
        expect(collectionMustViolations(collection)).toEqual([]);
        expect(pageMustViolations(page, { contextInherited: true })).toEqual([]);
        expect(pageMustViolations(toW3cPage({ ...page, standalone: true }))).toEqual([]);
        // The streaming form writes the same JSON.
        const { open, close } = jsonAroundItems(collection);
        expect(open + items.map((i) => JSON.stringify(i)).join(",") + close).toBe(
          JSON.stringify(collection),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("for an empty collection, and a protocol page linking its neighbours", () => {
    expect(
      collectionMustViolations(toW3cCollection({ id: `${iris.text}/annotations`, total: 0 })),
    ).toEqual([]);
    const page = toW3cPage({
      id: `${iris.text}/annotations?page=2`,
      partOf: { id: `${iris.text}/annotations`, total: 250 },
      startIndex: 200,
      prev: `${iris.text}/annotations?page=1`,
      next: `${iris.text}/annotations?page=3`,
      items: [annotationToW3c(annotation, arabicText, { iris, embedded: true })],
      standalone: true,
    });
    expect(pageMustViolations(page)).toEqual([]);
    const { open, close } = jsonAroundItems(page);
    expect(`${open}${close}`).toBe(JSON.stringify({ ...page, items: [] }));
  });
});
