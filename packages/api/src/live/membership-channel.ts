import { z } from "zod";

/**
 * The PostgreSQL channel on which a membership change is announced once it commits: a member
 * removed, a role changed, a course archived or restored. The collab server and every live
 * hub LISTEN on it and re-decide what the people concerned may still do, at once.
 */
export const MEMBERSHIP_CHANNEL = "hashiya_membership";

/**
 * Ids only (payloads are capped at 8 kB; the database says what changed). `userId` null: the
 * whole course changed for everyone (archived, restored).
 */
export const membershipChangeSchema = z.object({
  courseId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64).nullable(),
});
export type MembershipChange = z.infer<typeof membershipChangeSchema>;

/** The payload for a change: the same string for the same change, so it can key a topic. */
export function membershipPayload(change: MembershipChange): string {
  return JSON.stringify({ courseId: change.courseId, userId: change.userId });
}

/** A payload as received, or null when it is not one of ours. */
export function parseMembershipPayload(payload: string | undefined): MembershipChange | null {
  if (!payload) return null;
  try {
    const parsed = membershipChangeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
