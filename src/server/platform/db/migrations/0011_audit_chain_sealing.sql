-- The SM3 chain is sealed after commit instead of inside every writing transaction (issue 8: the
-- global lock a writer held from its audit insert to its commit serialized every audited write of
-- every instance). A record is inserted with its change, in the same transaction, with no link;
-- the sealer (one at a time, advisory lock) gives committed records their place `seq` in the chain,
-- the previous hash and their own. Records written before this migration were chained in id order.
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_no_update";--> statement-breakpoint
UPDATE "audit_log" SET "seq" = "id";--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_no_update";--> statement-breakpoint
-- Still append-only: the one change allowed is sealing a record once (place and links from empty
-- to set), every recorded column unchanged. Deleting and truncating stay refused.
CREATE OR REPLACE FUNCTION audit_log_seal_only() RETURNS trigger AS $$
BEGIN
  IF OLD.seq IS NULL AND OLD.prev_hash IS NULL AND OLD.hash IS NULL
     AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
     AND (NEW.id, NEW.at, NEW.actor_user_id, NEW.actor_org_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.scope_org_id, NEW.before, NEW.after, NEW.ip)
         IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_user_id, OLD.actor_org_id, OLD.action, OLD.entity_type, OLD.entity_id, OLD.scope_org_id, OLD.before, OLD.after, OLD.ip)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
DROP TRIGGER "audit_log_no_update" ON "audit_log";--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_seal_only();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
