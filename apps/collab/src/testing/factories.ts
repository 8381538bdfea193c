import type { Course, Db, Membership, Role, Text, User } from "@hashiya/db";

let sequence = 0;
const next = () => ++sequence;

// The first lines of the sample essay: real right-to-left text, as the app will hold.
const SAMPLE_LINES = ["القراءة معًا", "نقرأ النص ونعلّق عليه سويًّا."];

export function createUser(
  db: Db,
  overrides: { name?: string; isAdmin?: boolean } = {},
): Promise<User> {
  const n = next();
  return db.user.create({
    data: { name: overrides.name ?? `قارئ ${n}`, email: `reader-${n}@example.test`, ...overrides },
  });
}

export function createCourse(db: Db): Promise<Course> {
  return db.course.create({ data: { title: `مقرر ${next()}` } });
}

export function addMember(
  db: Db,
  courseId: string,
  userId: string,
  role: Role = "student",
): Promise<Membership> {
  return db.membership.create({ data: { courseId, userId, role } });
}

export function createText(
  db: Db,
  courseId: string,
  overrides: { isPublic?: boolean } = {},
): Promise<Text> {
  return db.text.create({
    data: {
      courseId,
      title: `نص ${next()}`,
      language: "ar",
      direction: "rtl",
      isPublic: overrides.isPublic ?? false,
      body: SAMPLE_LINES.join("\n"),
      blocks: SAMPLE_LINES.map((text) => ({ type: "paragraph", text })),
    },
  });
}
