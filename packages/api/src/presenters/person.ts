import { type PersonView, presenceColour } from "@hashiya/annotation-schema";

/** A user as others may see them: never their email. */
export const personSelect = { id: true, name: true } as const;

/** A person with the colour everyone sees them in (the same as their live presence). */
export function presentPerson(user: { id: string; name: string }): PersonView {
  return { id: user.id, name: user.name, colour: presenceColour(user.id) };
}
