-- CreateEnum
CREATE TYPE "CredentialIssuerKind" AS ENUM ('platform', 'university', 'company', 'organizer');

-- CreateEnum
CREATE TYPE "CredentialKind" AS ENUM ('course', 'award', 'participation', 'internship', 'api');

-- CreateTable
CREATE TABLE "CredentialIssuer" (
    "id" TEXT NOT NULL,
    "kind" "CredentialIssuerKind" NOT NULL,
    "institutionKey" TEXT NOT NULL,
    "universityId" TEXT,
    "companyId" TEXT,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CredentialIssuer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CredentialIssuerKey" (
    "id" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "did" TEXT NOT NULL,
    "publicKeyMultibase" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "CredentialIssuerKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CredentialIssuerKeySecret" (
    "keyId" TEXT NOT NULL,
    "encryptedSecret" TEXT NOT NULL,

    CONSTRAINT "CredentialIssuerKeySecret_pkey" PRIMARY KEY ("keyId")
);

-- CreateTable
CREATE TABLE "CredentialStatusList" (
    "id" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "nextIndex" INTEGER NOT NULL DEFAULT 0,
    "signedCredential" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CredentialStatusList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssuedCredential" (
    "id" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "studentId" TEXT,
    "kind" "CredentialKind" NOT NULL,
    "achievementKey" TEXT,
    "claimsDigest" TEXT,
    "statusListId" TEXT NOT NULL,
    "statusIndex" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revocationReason" TEXT,
    "replacedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssuedCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CredentialShare" (
    "id" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CredentialShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CredentialTask" (
    "id" BIGSERIAL NOT NULL,
    "kind" "CredentialKind" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "requestedById" TEXT,
    "total" INTEGER,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CredentialTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InternshipCompletion" (
    "applicationId" TEXT NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE NOT NULL,
    "completedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InternshipCompletion_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "InternshipCompletionSkill" (
    "applicationId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,

    CONSTRAINT "InternshipCompletionSkill_pkey" PRIMARY KEY ("applicationId","skillId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CredentialIssuer_institutionKey_key" ON "CredentialIssuer"("institutionKey");

-- CreateIndex
CREATE UNIQUE INDEX "CredentialIssuer_universityId_key" ON "CredentialIssuer"("universityId");

-- CreateIndex
CREATE UNIQUE INDEX "CredentialIssuer_companyId_key" ON "CredentialIssuer"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "CredentialIssuerKey_did_key" ON "CredentialIssuerKey"("did");

-- CreateIndex
CREATE INDEX "CredentialIssuerKey_issuerId_retiredAt_idx" ON "CredentialIssuerKey"("issuerId", "retiredAt");

-- CreateIndex
CREATE INDEX "CredentialStatusList_issuerId_createdAt_idx" ON "CredentialStatusList"("issuerId", "createdAt");

-- CreateIndex
CREATE INDEX "CredentialStatusList_keyId_createdAt_idx" ON "CredentialStatusList"("keyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedCredential_credentialId_key" ON "IssuedCredential"("credentialId");

-- CreateIndex
CREATE INDEX "IssuedCredential_issuerId_createdAt_idx" ON "IssuedCredential"("issuerId", "createdAt");

-- CreateIndex
CREATE INDEX "IssuedCredential_keyId_idx" ON "IssuedCredential"("keyId");

-- CreateIndex
CREATE INDEX "IssuedCredential_studentId_createdAt_idx" ON "IssuedCredential"("studentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedCredential_statusListId_statusIndex_key" ON "IssuedCredential"("statusListId", "statusIndex");

-- CreateIndex
CREATE UNIQUE INDEX "CredentialShare_tokenHash_key" ON "CredentialShare"("tokenHash");

-- CreateIndex
CREATE INDEX "CredentialShare_credentialId_idx" ON "CredentialShare"("credentialId");

-- CreateIndex
CREATE INDEX "CredentialTask_finishedAt_id_idx" ON "CredentialTask"("finishedAt", "id");

-- CreateIndex
CREATE INDEX "CredentialTask_requestedById_createdAt_idx" ON "CredentialTask"("requestedById", "createdAt");

-- CreateIndex
CREATE INDEX "InternshipCompletionSkill_skillId_idx" ON "InternshipCompletionSkill"("skillId");

-- AddForeignKey
ALTER TABLE "CredentialIssuer" ADD CONSTRAINT "CredentialIssuer_universityId_fkey" FOREIGN KEY ("universityId") REFERENCES "University"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredentialIssuer" ADD CONSTRAINT "CredentialIssuer_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredentialIssuerKey" ADD CONSTRAINT "CredentialIssuerKey_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "CredentialIssuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredentialIssuerKeySecret" ADD CONSTRAINT "CredentialIssuerKeySecret_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "CredentialIssuerKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredentialStatusList" ADD CONSTRAINT "CredentialStatusList_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "CredentialIssuer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredentialStatusList" ADD CONSTRAINT "CredentialStatusList_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "CredentialIssuerKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuedCredential" ADD CONSTRAINT "IssuedCredential_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "CredentialIssuer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuedCredential" ADD CONSTRAINT "IssuedCredential_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "CredentialIssuerKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuedCredential" ADD CONSTRAINT "IssuedCredential_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "StudentProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuedCredential" ADD CONSTRAINT "IssuedCredential_statusListId_fkey" FOREIGN KEY ("statusListId") REFERENCES "CredentialStatusList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredentialShare" ADD CONSTRAINT "CredentialShare_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "IssuedCredential"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternshipCompletion" ADD CONSTRAINT "InternshipCompletion_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternshipCompletionSkill" ADD CONSTRAINT "InternshipCompletionSkill_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "InternshipCompletion"("applicationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternshipCompletionSkill" ADD CONSTRAINT "InternshipCompletionSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One active credential per student and achievement (a correction revokes the old one first).
CREATE UNIQUE INDEX "IssuedCredential_active_achievement_key" ON "IssuedCredential"("studentId", "achievementKey") WHERE "revokedAt" IS NULL AND "achievementKey" IS NOT NULL;

-- A status index is handed out once, within the list.
ALTER TABLE "CredentialStatusList" ADD CONSTRAINT "CredentialStatusList_nextIndex_check" CHECK ("nextIndex" >= 0 AND "nextIndex" <= "size");
