/**
 * The PostgreSQL channel on which a course's moderation queue announces a change (payload: the
 * course id), sent by triggers (migration `moderation_queue_live`): a flag raised or resolved,
 * a moderation action, a post held for approval. The staff's queue reads itself again.
 */
export const MODERATION_CHANNEL = "hashiya_moderation";
