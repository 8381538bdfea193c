// The participation table as CSV, for grading in a spreadsheet. csv-stringify does the quoting
// (names with commas, quotes or line breaks); dates are ISO 8601 in UTC, counts plain digits, so
// a spreadsheet in any language reads them as numbers and dates.
import { stringify } from "csv-stringify/sync";
import { COLUMNS, type Column, DUE_COLUMNS, type ParticipationRow } from "./sort";

/** UTF-8's byte-order mark: Excel reads a CSV as UTF-8 (and shows Arabic right) only with it. */
export const BOM = "\uFEFF";

export interface CsvOptions {
  /** The header of each column, in the UI language. */
  headers: Record<Column, string>;
  /** Whether the text has a due date (the before/after columns are left out otherwise). */
  hasDue: boolean;
  bom: boolean;
}

function cell(row: ParticipationRow, column: Column): string | number {
  const value = row[column];
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** The whole table as one CSV string (a course's students fit in memory many times over). */
export function participationCsv(rows: readonly ParticipationRow[], options: CsvOptions): string {
  const columns = COLUMNS.filter((column) => options.hasDue || !DUE_COLUMNS.includes(column));
  const csv = stringify(
    rows.map((row) => columns.map((column) => cell(row, column))),
    {
      header: true,
      columns: columns.map((column) => options.headers[column]),
      // RFC 4180 line ends, which every spreadsheet accepts.
      record_delimiter: "windows",
    },
  );
  return options.bom ? BOM + csv : csv;
}
