-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('course', 'project', 'work', 'contest');

-- CreateTable
CREATE TABLE "StudentEvidence" (
    "id" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "description" TEXT,
    "result" TEXT,
    "startsOn" DATE,
    "endsOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StudentEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudentEvidenceSkill" (
    "evidenceId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,

    CONSTRAINT "StudentEvidenceSkill_pkey" PRIMARY KEY ("evidenceId","skillId")
);

-- CreateIndex
CREATE INDEX "StudentEvidence_studentId_createdAt_idx" ON "StudentEvidence"("studentId", "createdAt");

-- CreateIndex
CREATE INDEX "StudentEvidenceSkill_skillId_idx" ON "StudentEvidenceSkill"("skillId");

-- CreateIndex
CREATE INDEX "StudentEvidenceSkill_studentId_idx" ON "StudentEvidenceSkill"("studentId");

-- AddForeignKey
ALTER TABLE "StudentEvidence" ADD CONSTRAINT "StudentEvidence_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "StudentProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudentEvidenceSkill" ADD CONSTRAINT "StudentEvidenceSkill_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "StudentEvidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudentEvidenceSkill" ADD CONSTRAINT "StudentEvidenceSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: self-reported evidence is read by the matching index, so its skills log
-- a MatchChange for their student like every other kind of evidence (docs/decisions/009).
-- The functions are the match_index migration's; the procedure is re-created for the calls.
CREATE PROCEDURE "match_change_triggers"(tbl text, kind text, col text) LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"(%L, %L)', tbl || '_match_' || col || '_ins', tbl, kind, col);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"(%L, %L)', tbl || '_match_' || col || '_upd', tbl, kind, col);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"(%L, %L)', tbl || '_match_' || col || '_del', tbl, kind, col);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "match_change_truncated"()', tbl || '_match_' || col || '_trunc', tbl);
END
$$;

CALL "match_change_triggers"('StudentEvidenceSkill', 'student', 'studentId');

DROP PROCEDURE "match_change_triggers"(text, text, text);
