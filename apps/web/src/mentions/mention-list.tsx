"use client";

import { forwardRef, useEffect, useImperativeHandle, useState } from "react";

export interface MentionItem {
  id: string;
  name: string;
  role: string;
}

export interface MentionListHandle {
  /** Arrow keys, Enter and Tab act on the list while it is open; true when handled. */
  onKeyDown(event: KeyboardEvent): boolean;
}

interface MentionListProps {
  items: MentionItem[];
  command: (item: { id: string; label: string }) => void;
  /** Labels in the interface language. */
  labels: { list: string; none: string; role: (role: string) => string };
  listId: string;
  /** Told which option is active, for the editor's `aria-activedescendant`. */
  onActive?: (optionId: string | null) => void;
}

/**
 * The people offered after "@": a listbox whose active option follows the arrow keys (the
 * editor keeps the focus; the option is announced through `aria-activedescendant`).
 */
export const MentionList = forwardRef<MentionListHandle, MentionListProps>(function MentionList(
  { items, command, labels, listId, onActive },
  ref,
) {
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [items]);
  useEffect(
    () => onActive?.(items.length > 0 ? `${listId}-${active}` : null),
    [active, items, listId, onActive],
  );
  const choose = (index: number) => {
    const item = items[index];
    if (item) command({ id: item.id, label: item.name });
  };
  useImperativeHandle(ref, () => ({
    onKeyDown(event) {
      if (items.length === 0) return false;
      if (event.key === "ArrowDown") {
        setActive((i) => (i + 1) % items.length);
        return true;
      }
      if (event.key === "ArrowUp") {
        setActive((i) => (i + items.length - 1) % items.length);
        return true;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        choose(active);
        return true;
      }
      return false;
    },
  }));
  if (items.length === 0) {
    return (
      <div className="mention-list" role="status">
        {labels.none}
      </div>
    );
  }
  // An ARIA listbox, not a <select>: the editor keeps the focus and points at the active
  // option with aria-activedescendant, as a combobox's popup does.
  return (
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div
      className="mention-list"
      role="listbox"
      id={listId}
      aria-label={labels.list}
      data-testid="mention-list"
    >
      {items.map((item, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard acts through the editor (onKeyDown above)
        // biome-ignore lint/a11y/useSemanticElements: an option of the listbox above
        <div
          key={item.id}
          tabIndex={-1}
          id={`${listId}-${index}`}
          role="option"
          aria-selected={index === active}
          className="mention-option"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => choose(index)}
        >
          <bdi>{item.name}</bdi> <span className="mention-role">{labels.role(item.role)}</span>
        </div>
      ))}
    </div>
  );
});
