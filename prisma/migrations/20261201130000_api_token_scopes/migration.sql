-- API tokens gain scopes, an expiry and a display prefix (issue 10, least privilege).
-- Tokens made before scopes existed keep working with every scope (still limited by the
-- user's roles at use time) until they expire 90 days from now.
ALTER TABLE "ApiToken" ADD COLUMN "scopes" TEXT[] NOT NULL DEFAULT ARRAY['roles:read', 'roles:write', 'applications', 'events', 'matching', 'credentials:read', 'credentials:issue']::TEXT[];
ALTER TABLE "ApiToken" ALTER COLUMN "scopes" DROP DEFAULT;
ALTER TABLE "ApiToken" ADD COLUMN "expiresAt" TIMESTAMP(3) NOT NULL DEFAULT (CURRENT_TIMESTAMP + INTERVAL '90 days');
ALTER TABLE "ApiToken" ALTER COLUMN "expiresAt" DROP DEFAULT;
ALTER TABLE "ApiToken" ADD COLUMN "prefix" TEXT NOT NULL DEFAULT '';
