// Sorting the participation table: pure, so the table and its tests agree on the order.
import type { RouterOutputs } from "@hashiya/api";

export type ParticipationRow = RouterOutputs["dashboard"]["participation"]["students"][number];

/** The table's columns, in display order; `name` is text, the rest numbers or dates. */
export const COLUMNS = [
  "name",
  "annotations",
  "questions",
  "replies",
  "words",
  "reactionsReceived",
  "firstActivityAt",
  "lastActivityAt",
  "onTime",
  "late",
  "editedLate",
  "hidden",
  "pending",
] as const satisfies readonly (keyof ParticipationRow)[];

export type Column = (typeof COLUMNS)[number];
export type Direction = "ascending" | "descending";
export interface SortState {
  column: Column;
  direction: Direction;
}

/** Columns that exist only when the text has a due date. */
export const DUE_COLUMNS: readonly Column[] = ["onTime", "late", "editedLate"];

function value(row: ParticipationRow, column: Column): string | number | null {
  const v = row[column];
  if (v instanceof Date) return v.getTime();
  return v;
}

/**
 * The rows in the chosen order. Names compare with the UI language's collation (Arabic and
 * Latin names in one list); empty cells (no activity yet) go last either way; ties keep the
 * name order, so equal counts read alphabetically.
 */
export function sortRows(
  rows: readonly ParticipationRow[],
  { column, direction }: SortState,
  locale: string,
): ParticipationRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  const byName = (a: ParticipationRow, b: ParticipationRow) =>
    collator.compare(a.name, b.name) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (column === "name") return sign * byName(a, b);
    const x = value(a, column);
    const y = value(b, column);
    if (x === null || y === null) {
      if (x === y) return byName(a, b);
      return x === null ? 1 : -1;
    }
    return sign * ((x as number) - (y as number)) || byName(a, b);
  });
}

/** A header click: the same column flips; another starts with its natural direction. */
export function nextSort(current: SortState, column: Column): SortState {
  if (current.column === column) {
    return { column, direction: current.direction === "ascending" ? "descending" : "ascending" };
  }
  // Names read A→Z; counts and dates are most useful largest/latest first.
  return { column, direction: column === "name" ? "ascending" : "descending" };
}
