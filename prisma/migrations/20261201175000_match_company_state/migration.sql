-- Written by hand: a role is matched only while its company is verified and not suspended
-- (docs/decisions/016). When either state flips, every role of the company logs a
-- MatchChange, so each instance's matching index re-reads them before its next answer.
CREATE FUNCTION "match_change_company_roles"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MatchChange" ("kind", "entityId") SELECT 'role', r.id FROM "InternshipRole" r WHERE r."companyId" = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Company_match_roles_upd" AFTER UPDATE OF "verifiedAt", "suspendedAt" ON "Company"
  FOR EACH ROW
  WHEN ((OLD."verifiedAt" IS NULL) <> (NEW."verifiedAt" IS NULL) OR (OLD."suspendedAt" IS NULL) <> (NEW."suspendedAt" IS NULL))
  EXECUTE FUNCTION "match_change_company_roles"();
