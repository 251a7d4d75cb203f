-- AlterTable
ALTER TABLE "InternshipCompletionSkill" ADD COLUMN     "level" INTEGER NOT NULL DEFAULT 3;

-- CreateTable
CREATE TABLE "CredentialSkill" (
    "credentialId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "grade" INTEGER,

    CONSTRAINT "CredentialSkill_pkey" PRIMARY KEY ("credentialId","skillId")
);

-- CreateTable
CREATE TABLE "ApplicationCredential" (
    "applicationId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "attachedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationCredential_pkey" PRIMARY KEY ("applicationId","credentialId")
);

-- CreateIndex
CREATE INDEX "CredentialSkill_skillId_idx" ON "CredentialSkill"("skillId");

-- CreateIndex
CREATE INDEX "ApplicationCredential_credentialId_idx" ON "ApplicationCredential"("credentialId");

-- AddForeignKey
ALTER TABLE "CredentialSkill" ADD CONSTRAINT "CredentialSkill_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "IssuedCredential"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredentialSkill" ADD CONSTRAINT "CredentialSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationCredential" ADD CONSTRAINT "ApplicationCredential_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationCredential" ADD CONSTRAINT "ApplicationCredential_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "IssuedCredential"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: the skills of credentials issued before this migration, from their
-- alignments, at the level their source shows (docs/decisions/031).
INSERT INTO "CredentialSkill" ("credentialId", "skillId", "level", "grade")
SELECT ic.id, s.id,
       coalesce(CASE split_part(ic."achievementKey", ':', 1)
                  WHEN 'course' THEN (SELECT cs.level FROM "CourseSkill" cs WHERE cs."courseId" = split_part(ic."achievementKey", ':', 2) AND cs."skillId" = s.id)
                  WHEN 'award' THEN (SELECT es.level FROM "EventSkill" es WHERE es."eventId" = split_part(ic."achievementKey", ':', 2) AND es."skillId" = s.id)
                  WHEN 'event' THEN (SELECT es.level FROM "EventSkill" es WHERE es."eventId" = split_part(ic."achievementKey", ':', 2) AND es."skillId" = s.id)
                  WHEN 'internship' THEN (SELECT ics.level FROM "InternshipCompletionSkill" ics
                                           WHERE ics."applicationId" = split_part(ic."achievementKey", ':', 2) AND ics."skillId" = s.id)
                END, 3),
       CASE WHEN split_part(ic."achievementKey", ':', 1) = 'course'
            THEN (SELECT sc.grade FROM "StudentCourse" sc WHERE sc."studentId" = ic."studentId" AND sc."courseId" = split_part(ic."achievementKey", ':', 2)) END
  FROM "IssuedCredential" ic
 CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(ic.document->'credentialSubject'->'achievement'->'alignment') = 'array'
                                              THEN ic.document->'credentialSubject'->'achievement'->'alignment' ELSE '[]'::jsonb END) a
  JOIN "Skill" s ON s.key = a->>'targetCode'
 WHERE ic."studentId" IS NOT NULL AND ic."achievementKey" IS NOT NULL
ON CONFLICT DO NOTHING;

-- Written by hand: a student's credentials are evidence the matching index reads, so an
-- issued or revoked credential logs a MatchChange for its student (docs/decisions/009).
-- Their skills are written with the credential and never change alone.
CREATE PROCEDURE "match_change_triggers"(tbl text, kind text, col text) LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"(%L, %L)', tbl || '_match_' || col || '_ins', tbl, kind, col);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"(%L, %L)', tbl || '_match_' || col || '_upd', tbl, kind, col);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"(%L, %L)', tbl || '_match_' || col || '_del', tbl, kind, col);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "match_change_truncated"()', tbl || '_match_' || col || '_trunc', tbl);
END
$$;

CALL "match_change_triggers"('IssuedCredential', 'student', 'studentId');

DROP PROCEDURE "match_change_triggers"(text, text, text);
