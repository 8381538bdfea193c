"use client";

import { computePosition, flip, offset, shift } from "@floating-ui/dom";
import type { Extension, Node } from "@tiptap/core";
import Mention from "@tiptap/extension-mention";
import { ReactRenderer } from "@tiptap/react";
import type { SuggestionKeyDownProps, SuggestionProps } from "@tiptap/suggestion";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useMemo, useRef } from "react";
import type { Visibility } from "~/annotations/types";
import { useTRPCClient } from "~/trpc/react";
import { type MentionItem, MentionList, type MentionListHandle } from "./mention-list";

/** Where a comment is being written: for a reply or an edit, its thread; for a new one, its visibility. */
export interface MentionScope {
  annotationId?: string;
  visibility?: Visibility;
}

/**
 * Tiptap's Mention node with suggestions from `mention.suggest`: the course members who may
 * be mentioned in this comment (the server decides, Arabic-aware), shown in a listbox next to
 * the caret. `scope` is read on each keystroke, so a visibility changed in the form counts.
 * Returns null outside a text's page (no text to ask about).
 */
export function useMentionExtension(scope: () => MentionScope): Node | Extension | null {
  const params = useParams<{ textId?: string }>();
  const textId = params?.textId;
  const client = useTRPCClient();
  const t = useTranslations("notifications");
  const tRoles = useTranslations("roles");
  const listId = useId();
  const scopeRef = useRef(scope);
  scopeRef.current = scope;
  const labels = useMemo(
    () => ({
      list: t("mentionSuggestions"),
      none: t("noMentionMatch"),
      role: (role: string) => tRoles(role as "student"),
    }),
    [t, tRoles],
  );

  return useMemo(() => {
    if (!textId) return null;
    return Mention.configure({
      HTMLAttributes: { class: "mention", dir: "auto" },
      suggestion: {
        char: "@",
        items: async ({ query }): Promise<MentionItem[]> => {
          const { annotationId, visibility } = scopeRef.current();
          try {
            return await client.mention.suggest.query({ textId, annotationId, visibility, query });
          } catch {
            return [];
          }
        },
        render: () => {
          let renderer: ReactRenderer<MentionListHandle> | null = null;
          let editorDom: HTMLElement | null = null;
          const onActive = (optionId: string | null) => {
            if (optionId) editorDom?.setAttribute("aria-activedescendant", optionId);
            else editorDom?.removeAttribute("aria-activedescendant");
          };
          const place = (props: SuggestionProps<MentionItem>) => {
            const element = renderer?.element as HTMLElement | undefined;
            const rect = props.clientRect?.();
            if (!element || !rect) return;
            const virtual = { getBoundingClientRect: () => rect };
            void computePosition(virtual, element, {
              placement: "bottom-start",
              strategy: "fixed",
              middleware: [offset(4), flip(), shift({ padding: 8 })],
            }).then(({ x, y }) => {
              Object.assign(element.style, { left: `${x}px`, top: `${y}px` });
            });
          };
          return {
            onStart: (props) => {
              editorDom = props.editor.view.dom as HTMLElement;
              renderer = new ReactRenderer(MentionList, {
                editor: props.editor,
                props: { items: props.items, command: props.command, labels, listId, onActive },
              });
              const element = renderer.element as HTMLElement;
              element.style.position = "fixed";
              element.style.zIndex = "50";
              document.body.appendChild(element);
              editorDom.setAttribute("aria-controls", listId);
              editorDom.setAttribute("aria-expanded", "true");
              place(props);
            },
            onUpdate: (props) => {
              renderer?.updateProps({
                items: props.items,
                command: props.command,
                labels,
                listId,
                onActive,
              });
              place(props);
            },
            onKeyDown: (props: SuggestionKeyDownProps) => {
              if (props.event.key === "Escape") {
                onActive(null);
                renderer?.destroy();
                renderer?.element.remove();
                renderer = null;
                return true;
              }
              return renderer?.ref?.onKeyDown(props.event) ?? false;
            },
            onExit: () => {
              onActive(null);
              editorDom?.removeAttribute("aria-controls");
              editorDom?.setAttribute("aria-expanded", "false");
              renderer?.destroy();
              renderer?.element.remove();
              renderer = null;
            },
          };
        },
      },
    });
  }, [textId, client, labels, listId]);
}
