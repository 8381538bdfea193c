"use client";

import { useTranslations } from "next-intl";
import { REACTION_KINDS, type ReactionKind, type ReactionSummary } from "./types";

const GLYPHS: Record<ReactionKind, string> = {
  upvote: "▲",
  confused: "🤔",
  heart: "❤️",
  laugh: "😄",
  insightful: "💡",
  thanks: "🙏",
};

/**
 * Reactions under a comment: toggle buttons (aria-pressed) for members, counts only for
 * everyone else. Kinds nobody used are offered to members but not shown to readers.
 */
export function ReactionsBar({
  reactions,
  canReact,
  onToggle,
}: {
  reactions: ReactionSummary[];
  canReact: boolean;
  onToggle: (kind: ReactionKind, on: boolean) => void;
}) {
  const t = useTranslations("annotations");
  const byKind = new Map(reactions.map((r) => [r.kind, r]));
  const kinds = canReact ? REACTION_KINDS : REACTION_KINDS.filter((k) => byKind.get(k)?.count);
  if (kinds.length === 0) return null;
  return (
    <ul className="reactions" aria-label={t("reactions")}>
      {kinds.map((kind) => {
        const summary = byKind.get(kind);
        const count = summary?.count ?? 0;
        const label = t("reactionLabel", { reaction: t(`reaction_${kind}`), count });
        return (
          <li key={kind}>
            {canReact ? (
              <button
                type="button"
                className="reaction"
                aria-pressed={summary?.mine ?? false}
                aria-label={label}
                title={t(`reaction_${kind}`)}
                data-reaction={kind}
                onClick={() => onToggle(kind, !(summary?.mine ?? false))}
              >
                <span className="reaction-glyph" aria-hidden="true">
                  {GLYPHS[kind]}
                </span>
                {count > 0 ? <span className="reaction-count">{count}</span> : null}
              </button>
            ) : (
              <span className="reaction" aria-label={label} role="img">
                <span className="reaction-glyph" aria-hidden="true">
                  {GLYPHS[kind]}
                </span>
                <span className="reaction-count">{count}</span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
