import type { AnchorState, Prisma, Visibility } from "@hashiya/db";

// Many rows in one statement: the rows travel as one JSON parameter that PostgreSQL unpacks
// (`jsonb_to_recordset`). Measured on 10,000 annotations, Prisma's createMany took ~1.5 ms a
// row (its per-row JSON handling); this takes a fraction of that. Ids are made first (`newId`),
// so the caller knows them without reading the rows back. Times are UTC, as Prisma stores them.

type Tx = Prisma.TransactionClient;

export interface AnnotationRow {
  id: string;
  textId: string;
  authorId: string;
  importedAuthorName: string | null;
  externalId: string;
  textVersion: number;
  selectors: object[];
  quote: string;
  start: number;
  end: number;
  anchorState: AnchorState;
  anchorScore: number | null;
  body: object | null;
  bodyText: string;
  isQuestion: boolean;
  visibility: Visibility;
  createdAt: Date;
  editedAt: Date | null;
}

export interface ReplyRow {
  id: string;
  annotationId: string;
  authorId: string;
  importedAuthorName: string | null;
  externalId: string;
  body: object;
  bodyText: string;
  createdAt: Date;
  editedAt: Date | null;
}

const asJson = (rows: object[]) =>
  JSON.stringify(rows, (_, value) => (value instanceof Date ? value.toISOString() : value));

/** Inserts annotations (visible, not locked), in one statement. */
export async function insertAnnotations(tx: Tx, rows: AnnotationRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO annotations (id, text_id, author_id, imported_author_name, external_id,
      text_version, selectors, quote, start, "end", anchor_state, anchor_score, body, body_text,
      is_question, visibility, created_at, updated_at, edited_at)
    SELECT r."id", r."textId", r."authorId", r."importedAuthorName", r."externalId",
      r."textVersion", r."selectors", r."quote", r."start", r."end",
      r."anchorState"::"AnchorState", r."anchorScore", NULLIF(r."body", 'null'::jsonb),
      r."bodyText", r."isQuestion", r."visibility"::"Visibility", r."createdAt"::timestamp,
      now() AT TIME ZONE 'UTC', r."editedAt"::timestamp
    FROM jsonb_to_recordset(${asJson(rows)}::jsonb) AS r("id" text, "textId" text,
      "authorId" text, "importedAuthorName" text, "externalId" text, "textVersion" int,
      "selectors" jsonb, "quote" text, "start" int, "end" int, "anchorState" text,
      "anchorScore" double precision, "body" jsonb, "bodyText" text, "isQuestion" boolean,
      "visibility" text, "createdAt" text, "editedAt" text)`;
}

/** Inserts replies (visible), in one statement. */
export async function insertReplies(tx: Tx, rows: ReplyRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO replies (id, annotation_id, author_id, imported_author_name, external_id, body,
      body_text, created_at, updated_at, edited_at)
    SELECT r."id", r."annotationId", r."authorId", r."importedAuthorName", r."externalId",
      r."body", r."bodyText", r."createdAt"::timestamp, now() AT TIME ZONE 'UTC',
      r."editedAt"::timestamp
    FROM jsonb_to_recordset(${asJson(rows)}::jsonb) AS r("id" text, "annotationId" text,
      "authorId" text, "importedAuthorName" text, "externalId" text, "body" jsonb,
      "bodyText" text, "createdAt" text, "editedAt" text)`;
}

/** Inserts tags (annotation id, normalised name), in one statement. */
export async function insertTags(
  tx: Tx,
  rows: { annotationId: string; name: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO annotation_tags (annotation_id, name)
    SELECT r."annotationId", r."name"
    FROM jsonb_to_recordset(${asJson(rows)}::jsonb) AS r("annotationId" text, "name" text)`;
}
