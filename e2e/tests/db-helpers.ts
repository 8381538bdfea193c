// What the journeys make straight in the run's database: people (with a known password: the
// seed's are random and never printed to the tests), memberships and courses of their own.
import { hashPassword } from "@hashiya/auth/password";
import { createDb, type Db } from "@hashiya/db";
import { type CourseRole, type Person, uid } from "./annotate-helpers";

/** Runs `work` with a connection to the run's database (E2E_DATABASE_URL), then closes it. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url)
    throw new Error("E2E_DATABASE_URL is not set: run the tests through playwright.config.ts");
  const db = createDb(url, { max: 1 });
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/** A new user with no course; `emailTag` starts their address (a role, "admin", …). */
export function createPerson(
  label: string,
  options: { emailTag?: string; isAdmin?: boolean } = {},
): Promise<Person> {
  const id = uid();
  const person = {
    name: `${label} ${id.slice(-4)}`,
    email: `${options.emailTag ?? "person"}-${id}@example.test`,
    password: `quiet harbour ${id} lantern`,
  };
  return withDatabase(async (db) => {
    const user = await db.user.create({
      data: {
        name: person.name,
        email: person.email,
        passwordHash: await hashPassword(person.password),
        locale: "ar",
        isAdmin: options.isAdmin ?? false,
      },
    });
    return { ...person, id: user.id };
  });
}

/** A new user with a role in the course. */
export async function createMemberIn(
  courseId: string,
  role: CourseRole,
  label: string,
): Promise<Person> {
  const person = await createPerson(label, { emailTag: role });
  await withDatabase((db) => db.membership.create({ data: { courseId, userId: person.id, role } }));
  return person;
}

/** A course of its own with the given discussion settings and a copy of the demo text. */
export function createClassroom(
  settings: { preModeration?: boolean; revealAfterPosts?: number; namesHidden?: boolean } = {},
): Promise<{ courseId: string; textId: string }> {
  return withDatabase(async (db) => {
    const demo = await db.text.findUniqueOrThrow({ where: { id: "demo-text" } });
    const course = await db.course.create({ data: { title: `صف ${uid()}`, ...settings } });
    const text = await db.text.create({
      data: {
        courseId: course.id,
        title: demo.title,
        language: demo.language,
        direction: demo.direction,
        body: demo.body,
        blocks: demo.blocks ?? [],
      },
    });
    return { courseId: course.id, textId: text.id };
  });
}
