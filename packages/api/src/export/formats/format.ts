import type { ExportItem } from "../items";
import type { ModerationEntry } from "../moderation";
import type { NumberedAnchor } from "./markers";
import type { ExportOrder } from "../read";
import type { ExportScope } from "../scope";

/** What every writer knows about the export it writes. */
export interface ExportContext {
  scope: ExportScope;
  /** Items counted before the first is read (an upper bound; see `exportCount`). */
  total: number;
  /** The site's public address, for IRIs. */
  baseUrl: string;
  exportedAt: Date;
  /** CSV: start with a byte-order mark (spreadsheet programs then read UTF-8 Arabic right). */
  bom: boolean;
  /** The printable reader's thread numbers (reading order) and passages, per text. */
  numbering?: {
    numbers: ReadonlyMap<string, number>;
    anchors: ReadonlyMap<string, NumberedAnchor[]>;
  };
}

/**
 * A format as three pieces of text: what comes before the items, the items of one batch, and
 * what closes the file. A writer keeps what it needs between batches (commas, numbering) in its
 * own closure, made fresh for each export by `create`.
 */
export interface ExportWriter {
  head(): string;
  batch(items: ExportItem[]): string;
  /** Formats that carry the audit log's decisions (staff exports) write them here, after the items. */
  moderation?(entries: ModerationEntry[]): string;
  tail(): string;
}

export interface ExportFormat {
  contentType: string;
  extension: string;
  order: ExportOrder;
  /** Carries moderation decisions (they count toward the total). */
  carriesModeration?: boolean;
  create(context: ExportContext): ExportWriter;
}
