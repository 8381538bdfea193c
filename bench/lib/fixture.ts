// A database of its own for a benchmark: a course, a public Arabic text and its members.
import { hashPassword } from "@hashiya/auth/password";
import { createTestDatabase, type TestDatabase } from "@hashiya/db/testing";
import { importPlainText } from "@hashiya/text-model";

export interface BenchFixture {
  database: TestDatabase;
  textId: string;
  courseId: string;
  members: { id: string; email: string; password: string; name: string }[];
}

export async function createFixture(options: {
  label: string;
  paragraphs: string[];
  members: number;
}): Promise<BenchFixture> {
  const database = await createTestDatabase(options.label);
  const { db } = database;
  const document = importPlainText(options.paragraphs.join("\n"));
  const course = await db.course.create({ data: { title: "مقرر القياس" } });
  const text = await db.text.create({
    data: {
      courseId: course.id,
      title: "نص القياس",
      language: "ar",
      direction: "rtl",
      isPublic: true,
      body: document.text,
      blocks: document.blocks as object[],
    },
  });
  const password = "bench-password-0123456789";
  const passwordHash = await hashPassword(password);
  const members = [];
  for (let k = 0; k < options.members; k++) {
    const email = `bench-${k}@hashiya.test`;
    const user = await db.user.create({ data: { name: `قارئ ${k}`, email, passwordHash } });
    await db.membership.create({ data: { courseId: course.id, userId: user.id, role: "student" } });
    members.push({ id: user.id, email, password, name: user.name });
  }
  return { database, textId: text.id, courseId: course.id, members };
}
