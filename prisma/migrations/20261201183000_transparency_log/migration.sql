-- CreateEnum
CREATE TYPE "TransparencyLogEvent" AS ENUM ('issued', 'revoked');

-- CreateTable
CREATE TABLE "TransparencyLogEntry" (
    "leafIndex" INTEGER NOT NULL,
    "credentialId" TEXT NOT NULL,
    "event" "TransparencyLogEvent" NOT NULL,
    "loggedAt" TIMESTAMP(3) NOT NULL,
    "credentialDigest" TEXT NOT NULL,

    CONSTRAINT "TransparencyLogEntry_pkey" PRIMARY KEY ("leafIndex")
);

-- CreateTable
CREATE TABLE "TransparencyLogNode" (
    "level" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "TransparencyLogNode_pkey" PRIMARY KEY ("level","index")
);

-- CreateTable
CREATE TABLE "TransparencyTreeHead" (
    "treeSize" INTEGER NOT NULL,
    "rootHash" BYTEA NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "signature" BYTEA NOT NULL,
    "signerDid" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TransparencyTreeHead_pkey" PRIMARY KEY ("treeSize")
);

-- CreateIndex
CREATE INDEX "TransparencyLogEntry_credentialDigest_leafIndex_idx" ON "TransparencyLogEntry"("credentialDigest", "leafIndex");

-- CreateIndex
CREATE INDEX "TransparencyLogEntry_credentialId_leafIndex_idx" ON "TransparencyLogEntry"("credentialId", "leafIndex");

-- CreateIndex
CREATE INDEX "TransparencyTreeHead_timestamp_idx" ON "TransparencyTreeHead"("timestamp");

-- The log is append-only: leaves and complete subtrees never change, tree heads are never
-- rewritten (the application only inserts; this makes a mistake fail loudly).
CREATE FUNCTION "transparency_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the credential transparency log is append-only (% on %)', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER "TransparencyLogEntry_append_only" BEFORE UPDATE OR DELETE ON "TransparencyLogEntry"
  FOR EACH ROW EXECUTE FUNCTION "transparency_log_append_only"();
CREATE TRIGGER "TransparencyLogNode_append_only" BEFORE UPDATE OR DELETE ON "TransparencyLogNode"
  FOR EACH ROW EXECUTE FUNCTION "transparency_log_append_only"();
CREATE TRIGGER "TransparencyTreeHead_append_only" BEFORE UPDATE OR DELETE ON "TransparencyTreeHead"
  FOR EACH ROW EXECUTE FUNCTION "transparency_log_append_only"();
