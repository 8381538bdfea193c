-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('private', 'course', 'instructors');

-- CreateEnum
CREATE TYPE "AnchorState" AS ENUM ('anchored', 'drifted', 'orphaned');

-- CreateEnum
CREATE TYPE "ReactionKind" AS ENUM ('upvote', 'confused', 'heart', 'laugh', 'insightful', 'thanks');

-- CreateTable
CREATE TABLE "annotations" (
    "id" TEXT NOT NULL,
    "text_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "text_version" INTEGER NOT NULL,
    "selectors" JSONB NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "anchor_state" "AnchorState" NOT NULL DEFAULT 'anchored',
    "anchor_score" DOUBLE PRECISION,
    "body" JSONB,
    "body_text" TEXT NOT NULL DEFAULT '',
    "is_question" BOOLEAN NOT NULL DEFAULT false,
    "visibility" "Visibility" NOT NULL DEFAULT 'course',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "edited_at" TIMESTAMP(3),
    "deleted_at" TIMESTAMP(3),

    CONSTRAINT "annotations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "replies" (
    "id" TEXT NOT NULL,
    "annotation_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" JSONB,
    "body_text" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "edited_at" TIMESTAMP(3),
    "deleted_at" TIMESTAMP(3),

    CONSTRAINT "replies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annotation_reactions" (
    "annotation_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" "ReactionKind" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annotation_reactions_pkey" PRIMARY KEY ("annotation_id","user_id","kind")
);

-- CreateTable
CREATE TABLE "reply_reactions" (
    "reply_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" "ReactionKind" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reply_reactions_pkey" PRIMARY KEY ("reply_id","user_id","kind")
);

-- CreateTable
CREATE TABLE "annotation_tags" (
    "annotation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "annotation_tags_pkey" PRIMARY KEY ("annotation_id","name")
);

-- CreateTable
CREATE TABLE "text_events" (
    "id" BIGSERIAL NOT NULL,
    "text_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "annotation_id" TEXT NOT NULL,
    "reply_id" TEXT,
    "actor_id" TEXT NOT NULL,
    "visibility" "Visibility" NOT NULL,
    "thread_author_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "text_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "collab_updates" (
    "id" BIGSERIAL NOT NULL,
    "document_name" TEXT NOT NULL,
    "update" BYTEA NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collab_updates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "annotations_text_id_start_idx" ON "annotations"("text_id", "start");

-- CreateIndex
CREATE INDEX "annotations_author_id_idx" ON "annotations"("author_id");

-- CreateIndex
CREATE INDEX "replies_annotation_id_created_at_idx" ON "replies"("annotation_id", "created_at");

-- CreateIndex
CREATE INDEX "annotation_tags_name_idx" ON "annotation_tags"("name");

-- CreateIndex
CREATE INDEX "text_events_text_id_id_idx" ON "text_events"("text_id", "id");

-- CreateIndex
CREATE INDEX "collab_updates_document_name_id_idx" ON "collab_updates"("document_name", "id");

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_text_id_fkey" FOREIGN KEY ("text_id") REFERENCES "texts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_reactions" ADD CONSTRAINT "annotation_reactions_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_reactions" ADD CONSTRAINT "annotation_reactions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reply_reactions" ADD CONSTRAINT "reply_reactions_reply_id_fkey" FOREIGN KEY ("reply_id") REFERENCES "replies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reply_reactions" ADD CONSTRAINT "reply_reactions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_tags" ADD CONSTRAINT "annotation_tags_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "text_events" ADD CONSTRAINT "text_events_text_id_fkey" FOREIGN KEY ("text_id") REFERENCES "texts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
