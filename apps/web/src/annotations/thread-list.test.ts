import { describe, expect, it } from "vitest";
import { alignCards } from "./align";
import { filterChoices, filterThreads, noFilters } from "./filters";
import { applyEvent, applyThreadState, fromSnapshot, isNewer } from "./thread-list";
import type { LiveEvent, ReplyView, ThreadView } from "./types";

const person = (id: string, name = id) => ({ id, name, colour: "#336699" });

function thread(
  id: string,
  start: number,
  end: number,
  extra: Partial<ThreadView> = {},
): ThreadView {
  return {
    id,
    textId: "t",
    author: person("amal", "أمل"),
    quote: "",
    start,
    end,
    anchorState: "anchored",
    anchorScore: null,
    bodyHtml: '<p dir="auto">x</p>',
    body: null,
    bodyText: "x",
    isQuestion: false,
    visibility: "course",
    tags: [],
    createdAt: new Date(1000),
    editedAt: null,
    postedAfterDue: false,
    editedAfterDue: false,
    deleted: false,
    reactions: [],
    replies: [],
    ...extra,
  };
}

function reply(id: string, authorId: string, deleted = false): ReplyView {
  return {
    id,
    annotationId: "a",
    author: person(authorId),
    bodyHtml: deleted ? null : "<p>r</p>",
    body: null,
    createdAt: new Date(2000),
    editedAt: null,
    postedAfterDue: false,
    editedAfterDue: false,
    deleted,
    reactions: [],
  };
}

const event = (eventId: string, annotationId: string, t: ThreadView | null): LiveEvent => ({
  eventId,
  type: t ? "thread.updated" : "thread.deleted",
  textId: "t",
  annotationId,
  replyId: null,
  thread: t,
});

describe("applyEvent", () => {
  const base = fromSnapshot({ threads: [thread("b", 10, 20)], lastEventId: "9" });

  it("adds, replaces and removes threads, keeping reading order", () => {
    let list = applyEvent(base, event("10", "a", thread("a", 2, 5)));
    expect(list.threads.map((t) => t.id)).toEqual(["a", "b"]);
    list = applyEvent(list, event("11", "b", thread("b", 10, 20, { isQuestion: true })));
    expect(list.threads[1]!.isQuestion).toBe(true);
    list = applyEvent(list, event("12", "a", null));
    expect(list.threads.map((t) => t.id)).toEqual(["b"]);
    expect(list.lastEventId).toBe("12");
  });

  it("ignores events the list already reflects (duplicates after a reconnect, older ones)", () => {
    expect(applyEvent(base, event("9", "b", null))).toBe(base);
    expect(applyEvent(base, event("8", "x", thread("x", 0, 1)))).toBe(base);
    // Decimal ids compare as numbers: "10" is newer than "9".
    expect(isNewer("10", "9")).toBe(true);
    expect(isNewer("99999999999999999999", "99999999999999999998")).toBe(true);
  });

  it("applies a write's own answer without skipping others' events still on the way", () => {
    // This client's reply is event 12; someone else's thread (event 11) is still in flight.
    let list = applyThreadState(base, "b", thread("b", 10, 20, { tags: ["mine"] }), "12");
    expect(list.lastEventId).toBe("9");
    list = applyEvent(list, event("11", "c", thread("c", 30, 31)));
    expect(list.threads.map((t) => t.id)).toEqual(["b", "c"]);
    // The stream's own copy of event 12 changes nothing; an older state of b never wins.
    list = applyEvent(list, event("10", "b", thread("b", 10, 20)));
    expect(list.threads[0]!.tags).toEqual(["mine"]);
    list = applyEvent(list, event("12", "b", thread("b", 10, 20, { tags: ["mine"] })));
    expect(list.lastEventId).toBe("12");
  });
});

describe("filterThreads", () => {
  const threads = [
    thread("q", 0, 1, { isQuestion: true, tags: ["سؤال"] }),
    thread("r", 2, 3, { replies: [reply("r1", "omar")] }),
    thread("d", 4, 5, { replies: [reply("r2", "omar", true)] }),
  ];

  it("combines tag, author, question, unanswered and search filters", () => {
    const ids = (f: Partial<typeof noFilters>) =>
      filterThreads(threads, { ...noFilters, ...f }).map((t) => t.id);
    expect(ids({})).toEqual(["q", "r", "d"]);
    expect(ids({ tag: "سؤال" })).toEqual(["q"]);
    expect(ids({ questionsOnly: true })).toEqual(["q"]);
    // A deleted reply is no answer.
    expect(ids({ unansweredOnly: true })).toEqual(["q", "d"]);
    expect(ids({ authorId: "omar" })).toEqual(["r"]);
    expect(ids({ matching: new Set(["d", "q"]) })).toEqual(["q", "d"]);
  });

  it("lists the tags and people to filter by", () => {
    const choices = filterChoices(threads);
    expect(choices.tags).toEqual(["سؤال"]);
    expect(choices.people.map((p) => p.id).sort()).toEqual(["amal", "omar"]);
  });
});

describe("alignCards", () => {
  it("puts each card at its passage unless the card before is in the way", () => {
    const tops = alignCards(
      [
        { id: "a", want: 0, height: 100 },
        { id: "b", want: 50, height: 40 },
        { id: "c", want: 400, height: 10 },
      ],
      8,
    );
    expect([...tops]).toEqual([
      ["a", 0],
      ["b", 108],
      ["c", 400],
    ]);
  });
});
