// The demo course: one instructor, one moderator, two students, and the sample Arabic essay as
// a public text. Idempotent: a second run finds the course and changes nothing.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { hashPassword } from "@hashiya/auth/password";
import type { Db, Role } from "@hashiya/db";
import { importPlainText } from "@hashiya/text-model";

export const DEMO_COURSE_ID = "demo-course";
export const DEMO_TEXT_ID = "demo-text";
export const demoTextPath = new URL("./seed/demo-text.ar.txt", import.meta.url);

const DEMO_PEOPLE: { role: Role; name: string; email: string }[] = [
  { role: "instructor", name: "د. ليلى حداد", email: "instructor@hashiya.test" },
  { role: "moderator", name: "سامر خليل", email: "moderator@hashiya.test" },
  { role: "student", name: "نور الهدى", email: "student1@hashiya.test" },
  { role: "student", name: "Omar Haddad", email: "student2@hashiya.test" },
];

export interface DemoAccount {
  role: Role;
  name: string;
  email: string;
  password: string;
}

export interface SeedResult {
  courseId: string;
  textId: string;
  /** The accounts with their passwords, only on the run that created them. */
  accounts: DemoAccount[] | null;
}

function generatePassword(): string {
  return randomBytes(12).toString("base64url");
}

export async function seedDemo(
  db: Db,
  options: { log?: (line: string) => void } = {},
): Promise<SeedResult> {
  const existing = await db.course.findUnique({ where: { id: DEMO_COURSE_ID } });
  if (existing) return { courseId: DEMO_COURSE_ID, textId: DEMO_TEXT_ID, accounts: null };

  const document = importPlainText(await readFile(demoTextPath));
  const accounts: DemoAccount[] = [];
  for (const [index, person] of DEMO_PEOPLE.entries()) {
    options.log?.(`seeding demo account ${index + 1}/${DEMO_PEOPLE.length}`);
    accounts.push({ ...person, password: generatePassword() });
  }
  const hashes = await Promise.all(accounts.map((account) => hashPassword(account.password)));

  await db.$transaction(async (tx) => {
    await tx.course.create({
      data: { id: DEMO_COURSE_ID, title: "مقرر تجريبي · Demo course" },
    });
    for (const [index, account] of accounts.entries()) {
      const user = await tx.user.upsert({
        where: { email: account.email },
        update: { passwordHash: hashes[index] },
        create: {
          name: account.name,
          email: account.email,
          passwordHash: hashes[index],
          locale: "ar",
        },
      });
      await tx.membership.create({
        data: { courseId: DEMO_COURSE_ID, userId: user.id, role: account.role },
      });
    }
    await tx.text.create({
      data: {
        id: DEMO_TEXT_ID,
        courseId: DEMO_COURSE_ID,
        title: "تروتسكي ولينين",
        language: "ar",
        direction: "rtl",
        isPublic: true,
        body: document.text,
        blocks: document.blocks as object[],
      },
    });
  });
  options.log?.("seeded the demo course and its text");
  return { courseId: DEMO_COURSE_ID, textId: DEMO_TEXT_ID, accounts };
}
