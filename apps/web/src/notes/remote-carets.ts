import type { HocuspocusProvider } from "@hocuspocus/provider";
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import {
  relativePositionToAbsolutePosition,
  yCursorPlugin,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { paintLayer } from "~/collab/highlights";
import { type CollabUser, notesPresenceStateSchema } from "~/collab/schemas";

type Awareness = NonNullable<HocuspocusProvider["awareness"]>;

export interface RemoteCaretsOptions {
  awareness: Awareness | null;
  /** Class names from the notes' CSS module (the overlay layer, a caret, its name label). */
  classes: { overlay: string; caret: string; label: string };
}

interface Caret {
  clientId: number;
  user: CollabUser;
  anchor: number;
  head: number;
}

const key = new PluginKey("hashiyaRemoteCarets");

/**
 * Other people's carets and selections in the shared notes, drawn without touching the
 * editor's DOM. The standard CollaborationCaret inserts a widget for the caret and an inline
 * decoration for the selection: both split the text's spans, and a split inside an Arabic word
 * breaks its letters' joining. Here selections are CSS highlights over the unchanged text
 * nodes and carets are absolutely positioned elements in an overlay beside the editor.
 *
 * Publishing this editor's own caret is left to y-prosemirror's cursor plugin (the standard
 * `cursor` awareness field, relative positions), with its drawing switched off.
 */
export const RemoteCarets = Extension.create<RemoteCaretsOptions>({
  name: "remoteCarets",

  addOptions() {
    return { awareness: null, classes: { overlay: "", caret: "", label: "" } };
  },

  addProseMirrorPlugins() {
    const { awareness, classes } = this.options;
    if (!awareness) return [];
    return [
      yCursorPlugin(awareness, { awarenessStateFilter: () => false }),
      new Plugin({ key, view: (view) => new CaretOverlay(view, awareness, classes) }),
    ];
  },
});

class CaretOverlay {
  private readonly overlay: HTMLDivElement;
  private readonly elements = new Map<number, HTMLDivElement>();
  private readonly resize: ResizeObserver;
  private frame = 0;

  constructor(
    private readonly view: EditorView,
    private readonly awareness: Awareness,
    private readonly classes: RemoteCaretsOptions["classes"],
  ) {
    this.overlay = document.createElement("div");
    this.overlay.className = classes.overlay;
    this.overlay.setAttribute("aria-hidden", "true");
    this.overlay.dataset.testid = "notes-carets";
    this.attachOverlay();
    this.awareness.on("change", this.schedule);
    this.resize = new ResizeObserver(this.schedule);
    this.resize.observe(view.dom);
    this.schedule();
  }

  update() {
    this.schedule();
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    this.awareness.off("change", this.schedule);
    this.resize.disconnect();
    this.overlay.remove();
    paintLayer("notes", []);
  }

  // Awareness and document changes come in bursts: paint once per frame, after layout.
  private schedule = () => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  };

  private carets(): Caret[] {
    const ystate = ySyncPluginKey.getState(this.view.state);
    // Before the first sync the binding has no mapping: no position can be resolved yet.
    if (!ystate?.binding || ystate.binding.mapping.size === 0) return [];
    const max = this.view.state.doc.content.size;
    const resolve = (json: unknown): number | null => {
      try {
        const position = relativePositionToAbsolutePosition(
          ystate.doc,
          ystate.type,
          Y.createRelativePositionFromJSON(json),
          ystate.binding.mapping,
        );
        return position === null ? null : Math.max(0, Math.min(position, max));
      } catch {
        return null; // another browser's malformed cursor: ignore it
      }
    };
    const carets: Caret[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID) return;
      const parsed = notesPresenceStateSchema.safeParse(state);
      if (!parsed.success || !parsed.data.cursor) return;
      const anchor = resolve(parsed.data.cursor.anchor);
      const head = resolve(parsed.data.cursor.head);
      if (anchor !== null && head !== null) {
        carets.push({ clientId, user: parsed.data.user, anchor, head });
      }
    });
    return carets;
  }

  // A sibling of the editable element, never inside it: the text's DOM stays untouched.
  // (Tiptap's React view moves the editor into its own container after creating it.)
  private attachOverlay() {
    const parent = this.view.dom.parentElement;
    if (parent && this.overlay.parentElement !== parent) parent.append(this.overlay);
  }

  private paint() {
    if (!this.view.dom.isConnected) return;
    this.attachOverlay();
    const carets = this.carets();
    paintLayer(
      "notes",
      carets.map(({ user, anchor, head }) => ({
        user,
        ranges: anchor === head ? [] : [this.range(Math.min(anchor, head), Math.max(anchor, head))],
      })),
    );

    const origin = this.overlay.getBoundingClientRect();
    const seen = new Set<number>();
    for (const caret of carets) {
      seen.add(caret.clientId);
      let element = this.elements.get(caret.clientId);
      if (!element) {
        element = this.caretElement();
        this.elements.set(caret.clientId, element);
        this.overlay.append(element);
      }
      const coords = this.view.coordsAtPos(caret.head);
      // coordsAtPos gives viewport pixels; the overlay scrolls with the editor, so the
      // difference stays right until the next layout change (which repaints).
      element.style.left = `${coords.left - origin.left}px`;
      element.style.top = `${coords.top - origin.top}px`;
      element.style.height = `${coords.bottom - coords.top}px`;
      element.style.setProperty("--caret-colour", caret.user.colour);
      // The label extends the way its paragraph runs (mirrored in Arabic lines).
      element.dataset.direction = this.directionAt(caret.head);
      element.dataset.userId = caret.user.id;
      const label = element.firstElementChild as HTMLElement;
      if (label.textContent !== caret.user.name) label.textContent = caret.user.name;
    }
    for (const [clientId, element] of this.elements) {
      if (seen.has(clientId)) continue;
      element.remove();
      this.elements.delete(clientId);
    }
  }

  private directionAt(position: number): string {
    const { node } = this.view.domAtPos(position);
    const element = node instanceof Element ? node : node.parentElement;
    return element ? getComputedStyle(element).direction : "ltr";
  }

  private caretElement(): HTMLDivElement {
    const element = document.createElement("div");
    element.className = this.classes.caret;
    element.dataset.testid = "remote-caret";
    const label = document.createElement("span");
    label.className = this.classes.label;
    // A name may be Arabic or English: let it take its own direction.
    label.dir = "auto";
    element.append(label);
    return element;
  }

  private range(from: number, to: number): Range {
    const start = this.view.domAtPos(from, 1);
    const end = this.view.domAtPos(to, -1);
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    return range;
  }
}
