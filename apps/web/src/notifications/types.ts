import type { RouterOutputs } from "@hashiya/api";

/** A notification as the list and the live stream deliver it. */
export type NotificationItem = RouterOutputs["notification"]["list"]["items"][number];
