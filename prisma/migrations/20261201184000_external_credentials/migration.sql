-- CreateEnum
CREATE TYPE "TrustedIssuerKind" AS ENUM ('government', 'university', 'company', 'other');

-- CreateTable
CREATE TABLE "TrustedExternalIssuer" (
    "id" TEXT NOT NULL,
    "did" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "TrustedIssuerKind" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrustedExternalIssuer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalCredential" (
    "id" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "issuerDid" TEXT NOT NULL,
    "trustedIssuerId" TEXT,
    "document" JSONB NOT NULL,
    "validFrom" TIMESTAMP(3),
    "validUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalCredentialSkill" (
    "credentialId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,

    CONSTRAINT "ExternalCredentialSkill_pkey" PRIMARY KEY ("credentialId","skillId")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrustedExternalIssuer_did_key" ON "TrustedExternalIssuer"("did");

-- CreateIndex
CREATE INDEX "TrustedExternalIssuer_createdAt_idx" ON "TrustedExternalIssuer"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalCredential_digest_key" ON "ExternalCredential"("digest");

-- CreateIndex
CREATE INDEX "ExternalCredential_studentId_createdAt_idx" ON "ExternalCredential"("studentId", "createdAt");

-- CreateIndex
CREATE INDEX "ExternalCredential_issuerDid_idx" ON "ExternalCredential"("issuerDid");

-- CreateIndex
CREATE INDEX "ExternalCredential_trustedIssuerId_idx" ON "ExternalCredential"("trustedIssuerId");

-- CreateIndex
CREATE INDEX "ExternalCredentialSkill_skillId_idx" ON "ExternalCredentialSkill"("skillId");

-- CreateIndex
CREATE INDEX "ExternalCredentialSkill_studentId_idx" ON "ExternalCredentialSkill"("studentId");

-- AddForeignKey
ALTER TABLE "ExternalCredential" ADD CONSTRAINT "ExternalCredential_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "StudentProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalCredential" ADD CONSTRAINT "ExternalCredential_trustedIssuerId_fkey" FOREIGN KEY ("trustedIssuerId") REFERENCES "TrustedExternalIssuer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalCredentialSkill" ADD CONSTRAINT "ExternalCredentialSkill_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "ExternalCredential"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalCredentialSkill" ADD CONSTRAINT "ExternalCredentialSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: imported credentials are read by the matching index, so a change to one
-- (imported, removed, its issuer trusted or no longer trusted) logs a MatchChange for its
-- student like every other kind of evidence (docs/decisions/009). The functions are the
-- match_index migration's; the procedure is re-created for the calls.
CREATE PROCEDURE "match_change_triggers"(tbl text, kind text, col text) LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"(%L, %L)', tbl || '_match_' || col || '_ins', tbl, kind, col);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"(%L, %L)', tbl || '_match_' || col || '_upd', tbl, kind, col);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"(%L, %L)', tbl || '_match_' || col || '_del', tbl, kind, col);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "match_change_truncated"()', tbl || '_match_' || col || '_trunc', tbl);
END
$$;

CALL "match_change_triggers"('ExternalCredential', 'student', 'studentId');
CALL "match_change_triggers"('ExternalCredentialSkill', 'student', 'studentId');

DROP PROCEDURE "match_change_triggers"(text, text, text);
