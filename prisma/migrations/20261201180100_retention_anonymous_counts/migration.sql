-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AnonymousRegistration" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "status" "RegistrationStatus" NOT NULL,
    "universityId" TEXT,
    "registeredAt" TIMESTAMP(3) NOT NULL,
    "checkedInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnonymousRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnonymousApplication" (
    "id" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL,
    "firstResponseAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnonymousApplication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnonymousRegistration_eventId_status_idx" ON "AnonymousRegistration"("eventId", "status");

-- CreateIndex
CREATE INDEX "AnonymousRegistration_universityId_idx" ON "AnonymousRegistration"("universityId");

-- CreateIndex
CREATE INDEX "AnonymousApplication_roleId_status_idx" ON "AnonymousApplication"("roleId", "status");

-- AddForeignKey
ALTER TABLE "AnonymousRegistration" ADD CONSTRAINT "AnonymousRegistration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnonymousRegistration" ADD CONSTRAINT "AnonymousRegistration_universityId_fkey" FOREIGN KEY ("universityId") REFERENCES "University"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnonymousApplication" ADD CONSTRAINT "AnonymousApplication_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "InternshipRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;
