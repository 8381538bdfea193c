"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useModeration } from "~/moderation/context";
import { usePresenceName } from "~/moderation/person-name";
import { useTRPC } from "~/trpc/react";
import { usePresence } from "./presence";
import styles from "./presence-bar.module.css";

const isAlias = (id: string) => id.startsWith("classmate-");

/** The first letter of a name (a whole grapheme, so an Arabic letter with its marks). */
function initial(name: string): string {
  const first = new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(name.trim());
  return first[Symbol.iterator]().next().value?.segment ?? "?";
}

/**
 * Where the course hides classmates' names, presence carries students' aliases to everyone;
 * the staff's page asks for the names behind them (`collab.presenceNames`), nobody else's does.
 */
function useStaffNames(textId: string, aliased: boolean): Record<string, string> {
  const trpc = useTRPC();
  const staff = useModeration()?.canModerate === true;
  const names = useQuery({
    ...trpc.collab.presenceNames.queryOptions({ textId }),
    enabled: staff && aliased,
    staleTime: 30_000,
  });
  return names.data ?? {};
}

/** Who is reading the text now: a coloured badge and the name of each, this user first. */
export function PresenceBar({ textId }: { textId: string }) {
  const t = useTranslations("presence");
  const { status, people, me } = usePresence();
  const aliasName = usePresenceName();
  const staffNames = useStaffNames(
    textId,
    people.some((person) => isAlias(person.id)),
  );
  const nameOf = (person: { id: string; name: string }) =>
    staffNames[person.id] ?? aliasName(person);
  if (status === "off" || people.length === 0) return null;
  return (
    <section className={styles.bar} aria-label={t("label")} data-testid="presence-bar">
      <span className={styles.title}>{t("readingNow", { count: people.length })}</span>
      <ul className={styles.people}>
        {people.map((person) => (
          <li key={person.id} className={styles.person} data-user-id={person.id}>
            <span
              className={styles.badge}
              style={{ backgroundColor: person.colour }}
              aria-hidden="true"
            >
              {initial(nameOf(person))}
            </span>
            {/* Names are in either script: isolate each from the list around it. */}
            <bdi className={styles.name}>{nameOf(person)}</bdi>
            {person.id === me?.id ? <span className={styles.you}>{t("you")}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
