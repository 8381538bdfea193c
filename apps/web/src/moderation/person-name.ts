"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { PersonView } from "~/annotations/types";

/**
 * How a person is named in the interface language: their name, or — where the course hides
 * classmates' names — "Classmate 3" / "زميل 3", and nothing of the author of a hidden post.
 */
export function usePersonName(): (person: PersonView) => string {
  const t = useTranslations("moderation");
  const tAccount = useTranslations("account");
  return useCallback(
    (person: PersonView) => {
      const alias = person.alias;
      if (!alias) return person.name;
      if (alias.kind === "withheld") return t("withheldAuthor");
      if (alias.kind === "deleted") return tAccount("deletedUser");
      return alias.number > 0 ? t("classmate", { number: alias.number }) : t("formerClassmate");
    },
    [t, tAccount],
  );
}

/**
 * A name on the presence bar in the interface language: the collab server shows a student as
 * "Classmate n" (id `classmate-n`) where the course hides classmates' names.
 */
export function usePresenceName(): (person: { id: string; name: string }) => string {
  const t = useTranslations("moderation");
  return useCallback(
    (person: { id: string; name: string }) => {
      const alias = /^classmate-(\d+)$/.exec(person.id);
      if (!alias) return person.name;
      const number = Number(alias[1]);
      return number > 0 ? t("classmate", { number }) : t("formerClassmate");
    },
    [t],
  );
}
