"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import styles from "./dashboard.module.css";
import { LocalTime } from "./local-time";
import {
  COLUMNS,
  type Column,
  DUE_COLUMNS,
  nextSort,
  type ParticipationRow,
  type SortState,
  sortRows,
} from "./sort";

interface Props {
  rows: ParticipationRow[];
  hasDue: boolean;
}

/**
 * The students and what each did, sortable by any column: each header is a button, and the
 * sorted column carries `aria-sort`, so a screen reader announces the order it is in.
 */
export function ParticipationTable({ rows, hasDue }: Props) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const locale = useLocale();
  const captionId = useId();
  const [sort, setSort] = useState<SortState>({ column: "name", direction: "ascending" });
  const columns = COLUMNS.filter((column) => hasDue || !DUE_COLUMNS.includes(column));
  const sorted = useMemo(() => sortRows(rows, sort, locale), [rows, sort, locale]);

  if (rows.length === 0) return <p className="muted">{t("noStudents")}</p>;

  const cell = (row: ParticipationRow, column: Column) => {
    const value = row[column];
    if (value === null) {
      return (
        <>
          <span aria-hidden="true">{t("never")}</span>
          <span className="visually-hidden">{t("none")}</span>
        </>
      );
    }
    if (value instanceof Date) return <LocalTime date={value} />;
    if (typeof value === "number") return format.number(value);
    return value;
  };

  return (
    // Wide tables scroll sideways inside a focusable region, so keyboards can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus
    <section className={styles.tableScroll} aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table} data-testid="participation-table">
        <caption id={captionId} className="visually-hidden">
          {t("participation")}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort.column === column;
              return (
                <th
                  key={column}
                  scope="col"
                  aria-sort={active ? sort.direction : undefined}
                  className={column === "name" ? styles.nameColumn : undefined}
                >
                  <button
                    type="button"
                    className={styles.sortButton}
                    onClick={() => setSort((current) => nextSort(current, column))}
                    data-column={column}
                  >
                    {t(`col_${column}`)}
                    <span aria-hidden="true" className={styles.sortMark}>
                      {active ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.userId} data-user-id={row.userId}>
              {columns.map((column) =>
                column === "name" ? (
                  <th key={column} scope="row" className={styles.nameColumn}>
                    <bdi>{row.name}</bdi>
                  </th>
                ) : (
                  <td key={column} data-column={column}>
                    {cell(row, column)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
