import { normaliseForSearch } from "@hashiya/text-model";

/** How many suggestions the composer shows. */
export const MAX_SUGGESTIONS = 8;

const fold = (text: string) => normaliseForSearch(text, { taMarbuta: true }).text;

/**
 * The people whose names match what was typed after "@", Arabic-aware (tashkeel, tatweel,
 * alef, ya, hamza and ta marbuta forms, Latin case do not matter): names with a word starting
 * with the query first, then names containing it; alphabetical within each.
 */
export function matchNames<T extends { name: string }>(people: T[], query: string): T[] {
  const wanted = fold(query.trim());
  const scored = people.flatMap((person) => {
    if (wanted === "") return [{ person, rank: 0 }];
    const name = fold(person.name);
    const at = name.indexOf(wanted);
    if (at < 0) return [];
    const wordStart = at === 0 || name[at - 1] === " ";
    return [{ person, rank: wordStart ? 0 : 1 }];
  });
  return scored
    .sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name, "ar"))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ person }) => person);
}
