import type { CommentBlockNode, CommentBody, CommentInlineNode } from "./body-schema";

/**
 * The body with each mention's label replaced by `labels.get(id)` (mentions of ids missing
 * from the map keep theirs). The server calls it with the mentioned members' current names, so
 * the "@name" everyone reads is the name of the person notified, never one the writer typed.
 * Returns the same object when nothing changes.
 */
export function relabelMentions(
  body: CommentBody,
  labels: ReadonlyMap<string, string>,
): CommentBody {
  let changed = false;
  const inline = (nodes: readonly CommentInlineNode[]): CommentInlineNode[] =>
    nodes.map((node) => {
      if (node.type !== "mention") return node;
      const label = labels.get(node.attrs.id);
      if (label === undefined || label === node.attrs.label) return node;
      changed = true;
      return { ...node, attrs: { id: node.attrs.id, label } };
    });
  const blocks = (list: readonly CommentBlockNode[]): CommentBlockNode[] =>
    list.map((block): CommentBlockNode => {
      if (block.type === "paragraph") {
        return block.content ? { ...block, content: inline(block.content) } : block;
      }
      return {
        ...block,
        content: block.content.map((item) => ({ ...item, content: blocks(item.content) })),
      };
    });
  const next: CommentBody = { type: "doc", content: blocks(body.content) };
  return changed ? next : body;
}
