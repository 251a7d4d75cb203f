-- CreateTable
CREATE TABLE "SearchIndexVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchIndexVersion_pkey" PRIMARY KEY ("id")
);

-- The one row every instance reads and the outbox worker bumps.
INSERT INTO "SearchIndexVersion" ("id", "version") VALUES (1, 0);
