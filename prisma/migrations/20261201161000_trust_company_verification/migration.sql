-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('pending', 'approved', 'rejected', 'superseded');

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "creditCode" TEXT,
ADD COLUMN     "legalName" TEXT,
ADD COLUMN     "licenceVerifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CompanyVerification" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "legalName" TEXT NOT NULL,
    "creditCode" TEXT NOT NULL,
    "licenceKey" TEXT NOT NULL,
    "licenceType" TEXT NOT NULL,
    "licenceSize" INTEGER NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "status" "VerificationStatus" NOT NULL DEFAULT 'pending',
    "duplicateOfId" TEXT,
    "decisionNote" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CompanyVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CompanyVerification_licenceKey_key" ON "CompanyVerification"("licenceKey");

-- CreateIndex
CREATE INDEX "CompanyVerification_companyId_createdAt_idx" ON "CompanyVerification"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "CompanyVerification_status_createdAt_idx" ON "CompanyVerification"("status", "createdAt");

-- CreateIndex
CREATE INDEX "CompanyVerification_creditCode_idx" ON "CompanyVerification"("creditCode");

-- CreateIndex
CREATE INDEX "CompanyVerification_decidedById_idx" ON "CompanyVerification"("decidedById");

-- CreateIndex
CREATE INDEX "CompanyVerification_submittedById_idx" ON "CompanyVerification"("submittedById");

-- CreateIndex
CREATE UNIQUE INDEX "Company_creditCode_key" ON "Company"("creditCode");

-- AddForeignKey
ALTER TABLE "CompanyVerification" ADD CONSTRAINT "CompanyVerification_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyVerification" ADD CONSTRAINT "CompanyVerification_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyVerification" ADD CONSTRAINT "CompanyVerification_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
