import { type PersonView, presenceColour } from "@hashiya/annotation-schema";
import { type ViewerLens, showsName } from "./lens";

/** A user as others may see them: never their email. */
export const personSelect = { id: true, name: true } as const;

/** A person with the colour everyone sees them in (the same as their live presence). */
export function presentPerson(user: { id: string; name: string }): PersonView {
  return { id: user.id, name: user.name, colour: presenceColour(user.id) };
}

/**
 * A person as this viewer may know them: by name, or — names hidden from classmates — as
 * "Classmate n", a number stable within the course (join order; 0 for a former member), with
 * an id and colour derived from the alias, so that nothing leads back to the account.
 */
export function presentPersonFor(user: { id: string; name: string }, lens: ViewerLens): PersonView {
  if (showsName(lens, user.id)) return presentPerson(user);
  const number = lens.aliases.get(user.id) ?? 0;
  const id = `classmate-${number}`;
  return {
    id,
    name: number > 0 ? `Classmate ${number}` : "Former classmate",
    colour: presenceColour(id),
    alias: { kind: "classmate", number },
  };
}

/** The author of a hidden or removed item, to those who may not know who wrote it. */
export const withheldPerson: PersonView = {
  id: "withheld",
  name: "",
  colour: presenceColour("withheld"),
  alias: { kind: "withheld" },
};
