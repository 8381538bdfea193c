import { type PersonView, presenceColour } from "@hashiya/annotation-schema";
import { type ViewerLens, showsName } from "./lens";

/** A user as others may see them: never their email. */
export const personSelect = { id: true, name: true, deletedAt: true } as const;

/** A person with the colour everyone sees them in (the same as their live presence). */
export function presentPerson(user: PersonRow): PersonView {
  if (user.deletedAt) return deletedPerson;
  return { id: user.id, name: user.name, colour: presenceColour(user.id) };
}

/** A user row as presenters take it; `deletedAt` set once they deleted their account. */
export type PersonRow = { id: string; name: string; deletedAt?: Date | null };

/**
 * Whoever deleted their account: one shape for all of them, with nothing that leads back to
 * the account; clients name it "deleted user" / "مستخدم محذوف" in their language.
 */
export const deletedPerson: PersonView = {
  id: "deleted",
  name: "",
  colour: presenceColour("deleted"),
  alias: { kind: "deleted" },
};

/**
 * A person as this viewer may know them: by name, or — names hidden from classmates — as
 * "Classmate n", a number stable within the course (join order; 0 for a former member), with
 * an id and colour derived from the alias, so that nothing leads back to the account.
 */
export function presentPersonFor(user: PersonRow, lens: ViewerLens): PersonView {
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
