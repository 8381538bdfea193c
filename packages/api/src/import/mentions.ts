import type { CommentBlockNode, CommentBody, CommentInlineNode } from "@hashiya/annotation-schema";

// Mentions in an imported comment (our own export writes them as `<span class="mention">`):
// a mention of a current member of the course stays a mention, labelled with their name now;
// any other (someone of another course or site) becomes the plain text "@label", so that no
// id of a stranger is stored and nobody is notified. Imports notify no one.

/** The body with every mention of someone outside `members` turned into "@label" text. */
export function keepMemberMentions(
  body: CommentBody,
  members: ReadonlyMap<string, string>,
): CommentBody {
  const inline = (nodes: readonly CommentInlineNode[]): CommentInlineNode[] =>
    nodes.map((node): CommentInlineNode => {
      if (node.type !== "mention") return node;
      const name = members.get(node.attrs.id);
      if (name !== undefined) return { ...node, attrs: { id: node.attrs.id, label: name } };
      return { type: "text", text: `@${node.attrs.label}` };
    });
  const blocks = (list: readonly CommentBlockNode[]): CommentBlockNode[] =>
    list.map((block): CommentBlockNode => {
      if (block.type === "paragraph")
        return block.content ? { ...block, content: mergeText(inline(block.content)) } : block;
      return {
        ...block,
        content: block.content.map((item) => ({ ...item, content: blocks(item.content) })),
      };
    });
  return { type: "doc", content: blocks(body.content) };
}

/** Adjacent text nodes with the same marks joined, as the body schema's canonical form has them. */
function mergeText(nodes: CommentInlineNode[]): CommentInlineNode[] {
  const out: CommentInlineNode[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (
      node.type === "text" &&
      last?.type === "text" &&
      JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])
    ) {
      out[out.length - 1] = { ...last, text: last.text + node.text };
    } else out.push(node);
  }
  return out;
}
