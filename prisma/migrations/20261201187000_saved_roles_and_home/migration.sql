-- CreateTable
CREATE TABLE "SavedRole" (
    "studentId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedRole_pkey" PRIMARY KEY ("studentId","roleId")
);

-- CreateIndex
CREATE INDEX "SavedRole_roleId_idx" ON "SavedRole"("roleId");

-- CreateIndex
CREATE INDEX "Application_roleId_createdAt_idx" ON "Application"("roleId", "createdAt");

-- AddForeignKey
ALTER TABLE "SavedRole" ADD CONSTRAINT "SavedRole_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "StudentProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedRole" ADD CONSTRAINT "SavedRole_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "InternshipRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;
