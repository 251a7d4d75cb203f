-- CreateTable
CREATE TABLE "MatchChange" (
    "seq" BIGSERIAL NOT NULL,
    "xid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,
    "kind" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchChange_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "MatchChange_xid_idx" ON "MatchChange"("xid");

-- CreateIndex
CREATE INDEX "MatchChange_at_idx" ON "MatchChange"("at");

-- Written by hand: the triggers that keep the matching index exact (docs/decisions/009).
-- One row per changed entity per statement, from the statement's transition tables, so a
-- bulk import of 100,000 rows costs one INSERT … SELECT, not 100,000 trigger calls.
-- TG_ARGV: the kind of entity, then the column that names it.
CREATE FUNCTION "match_change_log"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO "MatchChange" ("kind", "entityId") SELECT DISTINCT %L, %I FROM new_rows WHERE %I IS NOT NULL', TG_ARGV[0], TG_ARGV[1], TG_ARGV[1]);
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('INSERT INTO "MatchChange" ("kind", "entityId") SELECT DISTINCT %L, %I FROM old_rows WHERE %I IS NOT NULL', TG_ARGV[0], TG_ARGV[1], TG_ARGV[1]);
  ELSE
    EXECUTE format('INSERT INTO "MatchChange" ("kind", "entityId") SELECT %L, e FROM (SELECT %I AS e FROM new_rows UNION SELECT %I FROM old_rows) changed WHERE e IS NOT NULL', TG_ARGV[0], TG_ARGV[1], TG_ARGV[1]);
  END IF;
  RETURN NULL;
END
$$;

-- TRUNCATE has no rows to name: readers rebuild their whole index.
CREATE FUNCTION "match_change_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MatchChange" ("kind", "entityId") VALUES ('all', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

-- Three triggers per table and entity column (a trigger with transition tables takes one
-- event), and one for TRUNCATE.
CREATE PROCEDURE "match_change_triggers"(tbl text, kind text, col text) LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"(%L, %L)', tbl || '_match_' || col || '_ins', tbl, kind, col);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"(%L, %L)', tbl || '_match_' || col || '_upd', tbl, kind, col);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_change_log"(%L, %L)', tbl || '_match_' || col || '_del', tbl, kind, col);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "match_change_truncated"()', tbl || '_match_' || col || '_trunc', tbl);
END
$$;

-- The taxonomy (names, parents).
CALL "match_change_triggers"('Skill', 'skill', 'id');
-- Roles and what they ask for.
CALL "match_change_triggers"('InternshipRole', 'role', 'id');
CALL "match_change_triggers"('RoleSkill', 'role', 'roleId');
-- Students: the profile (university, visibility, preferences), languages and every kind of evidence.
CALL "match_change_triggers"('StudentProfile', 'student', 'id');
CALL "match_change_triggers"('StudentLanguage', 'student', 'studentId');
CALL "match_change_triggers"('StudentSkill', 'student', 'studentId');
CALL "match_change_triggers"('StudentCourse', 'student', 'studentId');
-- A course's skills or university change the evidence of everyone who took it.
CALL "match_change_triggers"('Course', 'course', 'id');
CALL "match_change_triggers"('CourseSkill', 'course', 'courseId');
-- Events count for the registered user, or for every member of a registered team.
CALL "match_change_triggers"('Registration', 'user', 'userId');
CALL "match_change_triggers"('Registration', 'team', 'teamId');
CALL "match_change_triggers"('TeamMember', 'user', 'userId');
CALL "match_change_triggers"('EventSkill', 'event', 'eventId');

DROP PROCEDURE "match_change_triggers"(text, text, text);
