import { isValidDisplayName, sanitiseDisplayName } from "@hashiya/annotation-schema";
import type { ImportedAgent } from "@hashiya/annotation-schema/w3c";
import type { Db } from "@hashiya/db";

// Who an imported item is attributed to. A writer the file names by one of our user IRIs
// (`<this site>/users/<id>`, as our exporter writes them) or by a `mailto:` IRI of a member's
// email keeps their authorship when they are a current member of the course. Anyone else —
// another tool's accounts, people of other courses, former members — is not given an account
// here: the importing instructor becomes the author (who may edit or delete it, as with their
// own) and the writer's name from the file is kept beside it and shown on the card.

/** The author an item is stored under, and the original writer's name when someone stands in. */
export interface Attribution {
  authorId: string;
  importedAuthorName: string | null;
}

export interface CourseMember {
  id: string;
  email: string;
  name: string;
}

/** The members an import may attribute to: current members of the course, not deleted. */
export function courseMembers(db: Pick<Db, "user">, courseId: string): Promise<CourseMember[]> {
  return db.user.findMany({
    where: { deletedAt: null, memberships: { some: { courseId } } },
    select: { id: true, email: true, name: true },
  });
}

/** A name from a file as a card shows it (sanitised like our display names), or null. */
function cleanName(raw: string | null): string | null {
  if (raw === null) return null;
  const name = sanitiseDisplayName(raw);
  if (isValidDisplayName(name)) return name;
  return name.length > 0 ? `${Array.from(name).slice(0, 79).join("")}…` : null;
}

/**
 * The attribution of each writer, for one import: `attribute(agent)` answers from the members
 * read once. `siteBase` is this site's base URL (our user IRIs live under it).
 */
export function attributionFor(
  members: readonly CourseMember[],
  importer: { id: string },
  siteBase: string,
): (agent: ImportedAgent | null) => Attribution {
  const byId = new Set(members.map((m) => m.id));
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
  const userPrefix = `${siteBase.replace(/\/+$/, "")}/users/`;
  const memberOf = (iri: string | null): string | null => {
    if (!iri) return null;
    if (iri.startsWith(userPrefix)) {
      const id = safeDecode(iri.slice(userPrefix.length));
      return id !== null && byId.has(id) ? id : null;
    }
    if (iri.toLowerCase().startsWith("mailto:"))
      return byEmail.get(iri.slice("mailto:".length).toLowerCase()) ?? null;
    return null;
  };
  return (agent) => {
    const member = memberOf(agent?.id ?? null);
    if (member) return { authorId: member, importedAuthorName: null };
    const name = cleanName(agent?.name ?? agent?.id ?? null);
    return { authorId: importer.id, importedAuthorName: name };
  };
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
