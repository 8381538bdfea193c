import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HASHIYA_EXPORT_FORMAT } from "../export-json";
import { doc, paragraph } from "../testing/bodies";
import { arabicText, arbThreads, iris } from "../testing/records";
import { htmlNormalForm } from "./body-normal-form";
import { toW3cCollection, toW3cPage } from "./collection";
import { parseW3cImport } from "./from-w3c";
import { parseAnnotationImport } from "./import";
import type { ImportBatch, ImportResult } from "./import-shape";
import { annotationToW3c, moderationToW3c, replyToW3c } from "./to-w3c";

const batchOf = (result: ImportResult): ImportBatch => {
  if (!result.ok) throw new Error(result.problems.map((p) => p.message.en).join("\n"));
  return result.batch;
};

describe("ours → W3C → ours", () => {
  it("gives back every annotation, reply, tag, anchor and decision, for any threads", () => {
    fc.assert(
      fc.property(arbThreads, ({ annotations, replies, moderations }) => {
        const items = [
          ...annotations.map((a) => annotationToW3c(a, arabicText, { iris, embedded: true })),
          ...replies.map((r) => replyToW3c(r, { iris, embedded: true })),
          ...moderations.map((m) => moderationToW3c(m, { iris, embedded: true })),
        ];
        const id = `${iris.text}/annotations`;
        const file = toW3cCollection({
          id,
          total: items.length,
          first: toW3cPage({ id: `${id}?page=0`, startIndex: 0, items }),
        });
        const batch = batchOf(parseAnnotationImport(JSON.stringify(file)));
        expect(batch.format).toBe("w3c");
        expect(batch.warnings).toEqual([]);
        const user = (p: { id: string; name: string }) => ({ id: iris.user(p.id), name: p.name });
        expect(batch.annotations).toEqual(
          annotations.map((a, k) => ({
            item: k + 1,
            externalId: iris.annotation(a.id),
            source: iris.text,
            quote: a.quote,
            position: a.position,
            body: a.body && htmlNormalForm(a.body),
            isQuestion: a.isQuestion,
            visibility: a.visibility,
            tags: a.tags,
            creator: user(a.author),
            created: a.createdAt,
            modified: a.editedAt,
            replies: replies
              .map((r, j) => ({ r, item: annotations.length + j + 1 }))
              .filter(({ r }) => r.annotationId === a.id)
              .sort((x, y) => x.r.createdAt.getTime() - y.r.createdAt.getTime() || x.item - y.item)
              .map(({ r, item }) => ({
                item,
                externalId: iris.reply(r.id),
                inReplyTo: iris.annotation(a.id),
                body: r.body && htmlNormalForm(r.body),
                creator: user(r.author),
                created: r.createdAt,
                modified: r.editedAt,
              })),
          })),
        );
        expect(batch.moderations).toEqual(
          moderations.map((m, k) => ({
            item: annotations.length + replies.length + k + 1,
            externalId: iris.moderation(m.id),
            subject:
              m.subject.type === "annotation"
                ? iris.annotation(m.subject.id)
                : iris.reply(m.subject.id),
            decision: m.decision,
            reason: m.reason,
            creator: user(m.actor),
            created: m.createdAt,
          })),
        );
      }),
      { numRuns: 150 },
    );
  });
});

// Another tool's export: a page of annotations as the model's examples write them.
const page = (items: unknown[]) => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  id: "https://other.example/page1",
  type: "AnnotationPage",
  items,
});
const quoted = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: "Annotation",
  target: {
    source: "https://other.example/essay",
    selector: [
      { type: "TextQuoteSelector", exact: "الثورة", prefix: "نجاح ", suffix: " كتب" },
      { type: "TextPositionSelector", start: 10, end: 16 },
    ],
  },
  ...extra,
});

describe("parseW3cImport", () => {
  it("reads another tool's annotations: bodyValue, plain and Markdown bodies, IRIs as creators", () => {
    const batch = batchOf(
      parseW3cImport(
        page([
          quoted("https://other.example/a1", {
            bodyValue: "سطر أول\nسطر ثانٍ",
            creator: "https://other.example/u/1",
          }),
          quoted("https://other.example/a2", {
            motivation: ["commenting", "tagging"],
            body: [
              { type: "TextualBody", value: "**مهم**", format: "text/markdown" },
              { type: "TextualBody", value: "  Theme ", purpose: "tagging" },
              "https://other.example/image.png",
            ],
            creator: [{ type: "Person", name: "Omar", nickname: "om" }],
            created: "2024-05-01T10:00:00+03:00",
          }),
        ]),
      ),
    );
    const [a1, a2] = batch.annotations;
    expect(a1).toMatchObject({
      item: 1,
      externalId: "https://other.example/a1",
      source: "https://other.example/essay",
      quote: { exact: "الثورة", prefix: "نجاح ", suffix: " كتب" },
      position: { start: 10, end: 16 },
      body: doc(paragraph("سطر أول"), paragraph("سطر ثانٍ")),
      creator: { id: "https://other.example/u/1", name: null },
      visibility: null,
      created: null,
    });
    expect(a2).toMatchObject({
      body: doc(paragraph({ type: "text", text: "مهم", marks: [{ type: "bold" }] })),
      tags: ["theme"],
      creator: { id: null, name: "Omar" },
      created: new Date("2024-05-01T07:00:00Z"),
    });
    expect(batch.warnings.map((w) => w.message.en)).toEqual([
      "Item 2: a body that is not text (a link to another resource) was left out.",
    ]);
  });

  it("hangs replies to replies on their thread, and leaves out those whose thread is missing", () => {
    const batch = batchOf(
      parseW3cImport(
        page([
          {
            id: "urn:r2",
            type: "Annotation",
            target: "urn:r1",
            bodyValue: "second",
            created: "2024-01-02T00:00:00Z",
          },
          quoted("urn:a"),
          {
            id: "urn:r1",
            type: "Annotation",
            motivation: "replying",
            target: "urn:a",
            bodyValue: "first",
            created: "2024-01-01T00:00:00Z",
          },
          {
            id: "urn:r3",
            type: "Annotation",
            motivation: "replying",
            target: "urn:gone",
            bodyValue: "orphan",
          },
        ]),
      ),
    );
    expect(batch.annotations[0]!.replies.map((r) => [r.externalId, r.inReplyTo])).toEqual([
      ["urn:r1", "urn:a"],
      ["urn:r2", "urn:r1"],
    ]);
    expect(batch.warnings).toEqual([
      {
        code: "import.parent_missing",
        item: 4,
        message: {
          en: "Item 4: left out: it replies to urn:gone, which is not in the file.",
          ar: "العنصر 4: أُهمل: فهو ردّ على \u2068urn:gone\u2069 غير الموجود في الملف.",
        },
      },
    ]);
  });

  it("refuses a bad file with every problem, saying what and where in English and Arabic", () => {
    const items = Array.from({ length: 11 }, (_, k) => quoted(`urn:ok:${k}`));
    items.push({
      id: "urn:bad",
      type: "Annotation",
      target: {
        source: "https://other.example/essay",
        selector: { type: "XPathSelector", value: "/p[1]" },
      },
    } as never);
    items.push(
      quoted("urn:pos", {
        target: {
          source: "x",
          selector: [
            { type: "TextQuoteSelector", exact: "a" },
            { type: "TextPositionSelector", start: "4", end: 2 },
          ],
        },
      }) as never,
    );
    items.push(quoted("urn:ok:0"));
    items.push({ type: "Annotation", target: "urn:ok:1" } as never);
    items.push(quoted("urn:date", { created: "yesterday", type: "Note" }));
    const result = parseW3cImport(page(items));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message.en)).toEqual([
      "Item 12: the target has no TextQuoteSelector, so its passage cannot be found in the text.",
      "Item 13: the field “target.selector[1].start” should be a number.",
      "Item 14: its id urn:ok:0 is also the id of item 1.",
      "Item 15: it has no id, so importing the file again could not tell it from a new one.",
      "Item 16: the field “type” should be Annotation.",
      "Item 16: the field “created” should be a date and time such as 2025-03-01T09:30:00Z.",
    ]);
    expect(result.problems[0]!.message.ar).toBe(
      "العنصر 12: لا يحتوي الهدف على محدِّد \u2068TextQuoteSelector\u2069، فلا يمكن العثور على مقطعه في النص.",
    );
    expect(result.problems[1]).toMatchObject({ code: "import.item_shape", item: 13 });
  });

  it("refuses what is not an annotation document, and links it cannot follow", () => {
    const en = (r: ImportResult) => (r.ok ? [] : r.problems.map((p) => p.message.en));
    expect(en(parseAnnotationImport("{not json"))).toEqual(["The file is not valid JSON."]);
    // Our own JSON export: told which export to import instead.
    const ownExport = { format: HASHIYA_EXPORT_FORMAT, version: 1, items: [] };
    const own = parseAnnotationImport(JSON.stringify(ownExport));
    expect(own).toMatchObject({ ok: false, problems: [{ code: "import.own_export", item: null }] });
    expect(en(own)[0]).toMatch(/export it as W3C Web Annotation \(JSON-LD\)/);
    expect(en(parseW3cImport({ type: "Annotation", id: "urn:a", target: "urn:b" }))[0]).toMatch(
      /@context/,
    );
    expect(
      en(parseW3cImport({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "Person" })),
    ).toEqual(["The file is neither W3C Web Annotation JSON-LD nor Hypothesis API JSON."]);
    expect(
      en(
        parseW3cImport({
          "@context": "http://www.w3.org/ns/anno.jsonld",
          type: "AnnotationCollection",
          id: "urn:c",
          total: 3,
          first: "https://x.example/p1",
        }),
      ),
    ).toEqual([
      "The collection only links to its pages: export it again with its annotations inside the file.",
    ]);
    expect(en(parseW3cImport(page([])))).toEqual(["The file holds no annotations."]);
    expect(en(parseW3cImport(page([quoted("urn:a", { bodyValue: "ب".repeat(10_001) })])))).toEqual([
      "Item 1: the comment is longer than 10,000 characters.",
    ]);
    expect(
      en(
        parseW3cImport(
          page([
            quoted("urn:a"),
            {
              id: "urn:m",
              type: "Annotation",
              motivation: "moderating",
              target: "urn:a",
              bodyValue: "ban",
            },
          ]),
        ),
      ),
    ).toEqual([
      "Item 2: “ban” is not a moderation decision we know (hide, unhide, approve, deny, remove, restore, lock, unlock).",
    ]);
    expect(
      en(
        parseW3cImport(
          page([
            quoted("urn:a"),
            { id: "urn:x", type: "Annotation", target: "urn:y", motivation: "replying" },
            { id: "urn:y", type: "Annotation", target: "urn:x", motivation: "replying" },
          ]),
        ),
      ),
    ).toEqual([
      "Item 2: it answers a reply that, through its own chain of replies, answers it back: no annotation on the text starts the thread.",
      "Item 3: it answers a reply that, through its own chain of replies, answers it back: no annotation on the text starts the thread.",
    ]);
  });

  it("follows pages embedded one in another, and reads a single annotation or a list", () => {
    const second = { type: "AnnotationPage", items: [quoted("urn:b")] };
    const chained = { ...page([quoted("urn:a")]), next: second };
    expect(batchOf(parseW3cImport(chained)).annotations.map((a) => a.externalId)).toEqual([
      "urn:a",
      "urn:b",
    ]);
    const one = { "@context": "http://www.w3.org/ns/anno.jsonld", ...quoted("urn:one") };
    expect(batchOf(parseW3cImport(one)).annotations).toHaveLength(1);
    expect(batchOf(parseW3cImport([one, { ...one, id: "urn:two" }])).annotations).toHaveLength(2);
  });
});
