"use client";

import { useTranslations } from "next-intl";
import { usePresenceName } from "~/moderation/person-name";
import { usePresence } from "./presence";
import styles from "./presence-bar.module.css";

/** The first letter of a name (a whole grapheme, so an Arabic letter with its marks). */
function initial(name: string): string {
  const first = new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(name.trim());
  return first[Symbol.iterator]().next().value?.segment ?? "?";
}

/** Who is reading the text now: a coloured badge and the name of each, this user first. */
export function PresenceBar() {
  const t = useTranslations("presence");
  const { status, people, me } = usePresence();
  const nameOf = usePresenceName();
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
