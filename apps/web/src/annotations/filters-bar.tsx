"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import type { ThreadFilters } from "./filters";

/** The thread filters: tag, person, questions, unanswered. Changes apply at once. */
export function FiltersBar({
  value,
  onChange,
  choices,
}: {
  value: ThreadFilters;
  onChange: (next: ThreadFilters) => void;
  choices: { tags: string[]; people: { id: string; name: string }[] };
}) {
  const t = useTranslations("annotations");
  const ids = { tag: useId(), person: useId() };
  const active =
    value.tag !== null || value.authorId !== null || value.questionsOnly || value.unansweredOnly;
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{t("filters")}</legend>
      <span className="filter">
        <label htmlFor={ids.tag}>{t("filterTag")}</label>
        <select
          id={ids.tag}
          value={value.tag ?? ""}
          onChange={(e) => onChange({ ...value, tag: e.target.value || null })}
        >
          <option value="">{t("any")}</option>
          {choices.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </span>
      <span className="filter">
        <label htmlFor={ids.person}>{t("filterAuthor")}</label>
        <select
          id={ids.person}
          value={value.authorId ?? ""}
          onChange={(e) => onChange({ ...value, authorId: e.target.value || null })}
        >
          <option value="">{t("any")}</option>
          {choices.people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </span>
      <label className="choice">
        <input
          type="checkbox"
          checked={value.questionsOnly}
          onChange={(e) => onChange({ ...value, questionsOnly: e.target.checked })}
        />
        {t("questionsOnly")}
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={value.unansweredOnly}
          onChange={(e) => onChange({ ...value, unansweredOnly: e.target.checked })}
        />
        {t("unansweredOnly")}
      </label>
      {active ? (
        <button
          type="button"
          className="button-quiet"
          onClick={() =>
            onChange({
              ...value,
              tag: null,
              authorId: null,
              questionsOnly: false,
              unansweredOnly: false,
            })
          }
        >
          {t("clearFilters")}
        </button>
      ) : null}
    </fieldset>
  );
}
