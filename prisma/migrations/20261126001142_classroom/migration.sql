-- CreateEnum
CREATE TYPE "ModerationState" AS ENUM ('visible', 'pending', 'denied', 'hidden', 'removed');

-- CreateEnum
CREATE TYPE "ModerationActionKind" AS ENUM ('hide', 'unhide', 'approve', 'deny', 'remove', 'restore', 'lock', 'unlock', 'mute', 'unmute', 'keep_flagged', 'reopen_flag');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('mention', 'reply', 'moderation');

-- CreateEnum
CREATE TYPE "DeletedAuthorPolicy" AS ENUM ('anonymise', 'remove');

-- AlterTable
ALTER TABLE "annotations" ADD COLUMN     "external_id" TEXT,
ADD COLUMN     "locked_at" TIMESTAMP(3),
ADD COLUMN     "moderation_reason" TEXT,
ADD COLUMN     "moderation_state" "ModerationState" NOT NULL DEFAULT 'visible';

-- AlterTable
ALTER TABLE "courses" ADD COLUMN     "copied_from_id" TEXT,
ADD COLUMN     "deleted_author_policy" "DeletedAuthorPolicy" NOT NULL DEFAULT 'anonymise',
ADD COLUMN     "names_hidden" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pre_moderation" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reveal_after_posts" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "muted_reason" TEXT,
ADD COLUMN     "muted_until" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "replies" ADD COLUMN     "external_id" TEXT,
ADD COLUMN     "moderation_reason" TEXT,
ADD COLUMN     "moderation_state" "ModerationState" NOT NULL DEFAULT 'visible';

-- AlterTable
ALTER TABLE "texts" ADD COLUMN     "due_at" TIMESTAMP(3),
ADD COLUMN     "instructions" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "deleted_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "course_invites" (
    "id" TEXT NOT NULL,
    "course_id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'student',
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "uses" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "course_invites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flags" (
    "id" TEXT NOT NULL,
    "course_id" TEXT NOT NULL,
    "annotation_id" TEXT NOT NULL,
    "reply_id" TEXT,
    "flagger_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3),
    "resolved_by_id" TEXT,
    "resolution" TEXT,

    CONSTRAINT "flags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "moderation_actions" (
    "id" TEXT NOT NULL,
    "course_id" TEXT NOT NULL,
    "text_id" TEXT,
    "actor_id" TEXT NOT NULL,
    "kind" "ModerationActionKind" NOT NULL,
    "annotation_id" TEXT,
    "reply_id" TEXT,
    "target_user_id" TEXT,
    "flag_id" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoes_id" TEXT,
    "undone_at" TIMESTAMP(3),

    CONSTRAINT "moderation_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" BIGSERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "course_id" TEXT NOT NULL,
    "text_id" TEXT,
    "annotation_id" TEXT,
    "reply_id" TEXT,
    "actor_id" TEXT,
    "payload" JSONB NOT NULL,
    "read_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preferences" (
    "user_id" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "in_app" BOOLEAN NOT NULL DEFAULT true,
    "email" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("user_id","kind")
);

-- CreateTable
CREATE TABLE "password_reset_tokens" (
    "token_hash" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_reset_tokens_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "course_invites_token_key" ON "course_invites"("token");

-- CreateIndex
CREATE UNIQUE INDEX "course_invites_code_key" ON "course_invites"("code");

-- CreateIndex
CREATE INDEX "course_invites_course_id_idx" ON "course_invites"("course_id");

-- CreateIndex
CREATE INDEX "flags_course_id_resolved_at_idx" ON "flags"("course_id", "resolved_at");

-- CreateIndex
CREATE INDEX "flags_annotation_id_idx" ON "flags"("annotation_id");

-- CreateIndex
CREATE INDEX "moderation_actions_course_id_created_at_idx" ON "moderation_actions"("course_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_user_id_id_idx" ON "notifications"("user_id", "id");

-- CreateIndex
CREATE INDEX "password_reset_tokens_user_id_idx" ON "password_reset_tokens"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "annotations_text_id_external_id_key" ON "annotations"("text_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "replies_annotation_id_external_id_key" ON "replies"("annotation_id", "external_id");

-- AddForeignKey
ALTER TABLE "course_invites" ADD CONSTRAINT "course_invites_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flags" ADD CONSTRAINT "flags_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flags" ADD CONSTRAINT "flags_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flags" ADD CONSTRAINT "flags_reply_id_fkey" FOREIGN KEY ("reply_id") REFERENCES "replies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
