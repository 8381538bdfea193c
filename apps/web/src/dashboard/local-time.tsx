"use client";

import { useLocale } from "next-intl";
import { useEffect, useState } from "react";

const STYLES = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  time: { timeStyle: "medium" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A moment in the reader's own time zone. The server does not know it: the first render (on
 * the server and while hydrating) says the time in UTC, and the browser then rewrites it in
 * local time, so the two renders agree and nobody reads a UTC time as theirs for long.
 */
export function LocalTime({
  date,
  style = "dateTime",
}: {
  date: Date;
  style?: keyof typeof STYLES;
}) {
  const locale = useLocale();
  const [local, setLocal] = useState(false);
  useEffect(() => setLocal(true), []);
  // dateStyle/timeStyle cannot be combined with timeZoneName: the zone is appended by hand.
  const formatted = new Intl.DateTimeFormat(locale, {
    ...STYLES[style],
    ...(local ? {} : { timeZone: "UTC" }),
  }).format(date);
  const text = local || style === "date" ? formatted : `${formatted} UTC`;
  return <time dateTime={date.toISOString()}>{text}</time>;
}
