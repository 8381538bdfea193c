/** The PostgreSQL channel on which a write announces new notifications (payload: a user id). */
export const NOTIFICATIONS_CHANNEL = "hashiya_notifications";
