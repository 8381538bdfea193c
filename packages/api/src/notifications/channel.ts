/** The PostgreSQL channel on which a write announces new notifications (payload: a user id). */
export const NOTIFICATIONS_CHANNEL = "hashiya_notifications";

/** The first key of the advisory locks that order one recipient's notifications. */
export const NOTIFICATIONS_LOCK_SPACE = 7_451;
