/** A card that would like to sit beside its passage. */
export interface AlignItem {
  id: string;
  /** The passage's offset from the top of the column (px). */
  want: number;
  height: number;
}

/**
 * Places the thread cards as near to their passages as they can be without overlapping, in
 * their given (reading) order: each card goes at its passage or just below the card before.
 * When a run of cards would push past a passage further down, the panel simply grows; the
 * order never changes, so the list stays readable by keyboard and screen readers.
 */
export function alignCards(items: readonly AlignItem[], gap = 8): Map<string, number> {
  const tops = new Map<string, number>();
  let floor = 0;
  for (const item of items) {
    const top = Math.max(item.want, floor);
    tops.set(item.id, top);
    floor = top + item.height + gap;
  }
  return tops;
}
