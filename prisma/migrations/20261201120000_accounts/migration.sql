-- AlterEnum
ALTER TYPE "OneTimeTokenPurpose" ADD VALUE 'verify_email';

-- AlterTable
ALTER TABLE "OneTimeToken" ADD COLUMN     "email" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3);

-- Written by hand: accounts that exist before verification was introduced came from the
-- importer, roster uploads, invitations or sign-ups we cannot re-ask now; they count as verified.
UPDATE "User" SET "emailVerifiedAt" = "createdAt";

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "emailVerifiedAt" SET DEFAULT CURRENT_TIMESTAMP;

-- Written by hand: whether a student can be found as a candidate depends on the user's
-- verified address, so the matching index hears of User changes (docs/decisions/009).
-- The same four triggers match_change_triggers made for the other tables (it was dropped).
CREATE TRIGGER "User_match_id_ins" AFTER INSERT ON "User" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"('user', 'id');
CREATE TRIGGER "User_match_id_upd" AFTER UPDATE ON "User" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"('user', 'id');
CREATE TRIGGER "User_match_id_del" AFTER DELETE ON "User" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"('user', 'id');
CREATE TRIGGER "User_match_id_trunc" AFTER TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "match_change_truncated"();
