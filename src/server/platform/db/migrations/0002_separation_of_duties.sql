-- 三员分立 (GB/T 22239-2019 8.1.4.2 / 8.1.10.x): the system, security and audit administrator
-- roles may never be held by one account. The application checks first (security/roles.ts); this
-- trigger is the backstop for every other writer. Locking the user row serialises concurrent grants
-- to one account, so two transactions cannot each add a different administrator role unseen.
CREATE OR REPLACE FUNCTION user_roles_separation_of_duties() RETURNS trigger AS $$
BEGIN
  IF NEW.role IN ('sys_admin', 'security_admin', 'audit_admin') THEN
    PERFORM 1 FROM users WHERE id = NEW.user_id FOR UPDATE;
    IF EXISTS (
      SELECT 1 FROM user_roles
      WHERE user_id = NEW.user_id
        AND role IN ('sys_admin', 'security_admin', 'audit_admin')
        AND role <> NEW.role
    ) THEN
      RAISE EXCEPTION 'separation_of_duties: user % may not combine administrator roles', NEW.user_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'user_roles_separation_of_duties';
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER user_roles_separation_of_duties BEFORE INSERT OR UPDATE ON user_roles
  FOR EACH ROW EXECUTE FUNCTION user_roles_separation_of_duties();
