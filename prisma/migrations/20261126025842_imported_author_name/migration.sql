-- AlterTable
ALTER TABLE "annotations" ADD COLUMN     "imported_author_name" TEXT;

-- AlterTable
ALTER TABLE "replies" ADD COLUMN     "imported_author_name" TEXT;
