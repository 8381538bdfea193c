import type { ModerationMark } from "@hashiya/annotation-schema";
import type { ModerationState } from "@hashiya/db";
import { canSeeModerationReason, type Disclosure } from "../policies";
import type { ViewerLens } from "./lens";

/** Whether the viewer gets a placeholder or tombstone instead of the item. */
export const isWithheld = (disclosure: Disclosure) =>
  disclosure === "placeholder" || disclosure === "tombstone";

/** The mark an item carries for this viewer; undefined on visible items. */
export function moderationMark(
  item: { authorId: string; moderationState: ModerationState; moderationReason: string | null },
  disclosure: Disclosure,
  lens: ViewerLens,
): ModerationMark | undefined {
  if (item.moderationState === "visible") return undefined;
  const reason = canSeeModerationReason(lens.actor, lens.standing, item)
    ? (item.moderationReason ?? "")
    : null;
  return { state: item.moderationState, reason, withheld: isWithheld(disclosure) };
}
