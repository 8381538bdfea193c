import { describe, expect, it } from "vitest";
import { anchorStateSchema } from "./anchor-state";
import { liveEventTypeSchema } from "./live-events";
import { reactionKindSchema } from "./reactions";

// These lists mirror enums of prisma/schema.prisma and the live protocol; a change to either side
// must be deliberate.
describe("vocabularies", () => {
  it("reaction kinds match the ReactionKind enum", () => {
    expect(reactionKindSchema.options).toEqual([
      "upvote",
      "confused",
      "heart",
      "laugh",
      "insightful",
      "thanks",
    ]);
  });

  it("anchor states match the AnchorState enum", () => {
    expect(anchorStateSchema.options).toEqual(["anchored", "drifted", "orphaned"]);
  });

  it("live event types are the contract's: threads, replies, reactions, moderation, access", () => {
    expect(liveEventTypeSchema.options).toEqual([
      "thread.created",
      "thread.updated",
      "thread.deleted",
      "reply.created",
      "reply.updated",
      "reply.deleted",
      "reactions.changed",
      "moderation.changed",
      "access.changed",
      "access.revoked",
    ]);
  });
});
