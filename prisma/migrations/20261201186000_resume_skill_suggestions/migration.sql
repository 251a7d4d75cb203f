-- Résumés are read for skills by a background job; what it finds is offered to the student (docs/decisions/036).

-- CreateEnum
CREATE TYPE "ResumeReadStatus" AS ENUM ('queued', 'reading', 'done', 'noText', 'unreadable', 'failed');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('pending', 'accepted', 'dismissed');

-- AlterTable
ALTER TABLE "Resume" ADD COLUMN "readStatus" "ResumeReadStatus",
ADD COLUMN "readAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ResumeSkillSuggestion" (
    "id" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "resumeId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "sentence" TEXT NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ResumeSkillSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ResumeSkillSuggestion_resumeId_idx" ON "ResumeSkillSuggestion"("resumeId");

-- CreateIndex
CREATE INDEX "ResumeSkillSuggestion_skillId_idx" ON "ResumeSkillSuggestion"("skillId");

-- CreateIndex
CREATE UNIQUE INDEX "ResumeSkillSuggestion_studentId_skillId_key" ON "ResumeSkillSuggestion"("studentId", "skillId");

-- AddForeignKey
ALTER TABLE "ResumeSkillSuggestion" ADD CONSTRAINT "ResumeSkillSuggestion_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "StudentProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResumeSkillSuggestion" ADD CONSTRAINT "ResumeSkillSuggestion_resumeId_fkey" FOREIGN KEY ("resumeId") REFERENCES "Resume"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResumeSkillSuggestion" ADD CONSTRAINT "ResumeSkillSuggestion_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;
