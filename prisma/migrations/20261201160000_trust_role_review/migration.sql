-- CreateEnum
CREATE TYPE "RoleReview" AS ENUM ('none', 'pending', 'approved', 'rejected');

-- AlterTable
ALTER TABLE "InternshipRole" ADD COLUMN     "review" "RoleReview" NOT NULL DEFAULT 'none',
ADD COLUMN     "reviewFingerprint" TEXT,
ADD COLUMN     "reviewNote" TEXT,
ADD COLUMN     "reviewReasons" TEXT[];

-- CreateIndex
CREATE INDEX "InternshipRole_review_idx" ON "InternshipRole"("review");
