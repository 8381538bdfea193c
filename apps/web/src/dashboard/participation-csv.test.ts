import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { BOM, participationCsv } from "./participation-csv";
import { COLUMNS, type Column, type ParticipationRow } from "./sort";

const headers = Object.fromEntries(COLUMNS.map((c) => [c, `h:${c}`])) as Record<Column, string>;
const rows: ParticipationRow[] = [
  {
    userId: "u1",
    name: 'نور "الهدى", الثانية',
    annotations: 12,
    questions: 2,
    replies: 3,
    words: 140,
    reactionsReceived: 5,
    firstActivityAt: new Date("2026-01-05T08:00:00Z"),
    lastActivityAt: new Date("2026-01-09T17:30:00Z"),
    onTime: 10,
    late: 5,
    editedLate: 1,
    hidden: 1,
    pending: 0,
  },
  {
    userId: "u2",
    name: "Omar\nHaddad",
    annotations: 0,
    questions: 0,
    replies: 0,
    words: 0,
    reactionsReceived: 0,
    firstActivityAt: null,
    lastActivityAt: null,
    onTime: 0,
    late: 0,
    editedLate: 0,
    hidden: 0,
    pending: 2,
  },
];

describe("participationCsv", () => {
  it("writes a header and one row per student that a CSV reader reads back exactly", () => {
    const csv = participationCsv(rows, { headers, hasDue: true, bom: false });
    const [head, ...body] = parse(csv) as string[][];
    expect(head).toEqual(COLUMNS.map((c) => `h:${c}`));
    expect(body).toEqual([
      [
        'نور "الهدى", الثانية',
        "12",
        "2",
        "3",
        "140",
        "5",
        "2026-01-05T08:00:00.000Z",
        "2026-01-09T17:30:00.000Z",
        "10",
        "5",
        "1",
        "1",
        "0",
      ],
      ["Omar\nHaddad", "0", "0", "0", "0", "0", "", "", "0", "0", "0", "0", "2"],
    ]);
    expect(csv.startsWith(BOM)).toBe(false);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("starts with the UTF-8 byte-order mark when asked", () => {
    const csv = participationCsv(rows, { headers, hasDue: true, bom: true });
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parse(csv, { bom: true })[0]).toEqual(COLUMNS.map((c) => `h:${c}`));
  });

  it("leaves out the due-date columns for a text without one", () => {
    const csv = participationCsv(rows, { headers, hasDue: false, bom: false });
    const [head] = parse(csv) as string[][];
    expect(head).not.toContain("h:onTime");
    expect(head).not.toContain("h:late");
    expect(head).not.toContain("h:editedLate");
    expect(head).toHaveLength(COLUMNS.length - 3);
  });
});
