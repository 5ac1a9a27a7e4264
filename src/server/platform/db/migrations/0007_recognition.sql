CREATE TABLE "recognition_application_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"step_id" text NOT NULL,
	"from_step_index" integer NOT NULL,
	"to_step_index" integer NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"completes_step" boolean NOT NULL,
	"actor_user_id" uuid,
	"actor_org_id" uuid NOT NULL,
	"actor_org_kind" text NOT NULL,
	"clauses" jsonb NOT NULL,
	"text" text,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"digest" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"programme_key" text NOT NULL,
	"type_id" text NOT NULL,
	"applicant_org_id" uuid NOT NULL,
	"filed_by_org_id" uuid NOT NULL,
	"recommender_id" uuid,
	"affiliation_org_id" uuid,
	"zone_id" uuid,
	"region_code" text,
	"province_code" text,
	"title" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"foreign_partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" jsonb NOT NULL,
	"status" text NOT NULL,
	"step_index" integer NOT NULL,
	"step_id" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"declared_name" text,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sm3" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"programme_key" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"type_ids" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"quota" jsonb,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_key" text NOT NULL,
	"type_id" text NOT NULL,
	"document_number" text NOT NULL,
	"issued_on" date NOT NULL,
	"issuing_bodies" jsonb NOT NULL,
	"application_ids" jsonb NOT NULL,
	"opinion" text NOT NULL,
	"status" text NOT NULL,
	"signatures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"effective_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "recognition_decisions_documentNumber_unique" UNIQUE("document_number")
);
--> statement-breakpoint
CREATE TABLE "recognition_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"decision_id" uuid NOT NULL,
	"base_id" uuid,
	"verification_code" text NOT NULL,
	"payload" jsonb NOT NULL,
	"signature" text NOT NULL,
	"signature_fingerprint" text NOT NULL,
	"public_key_fingerprint" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"sm3" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_documents_verificationCode_unique" UNIQUE("verification_code")
);
--> statement-breakpoint
CREATE TABLE "recognition_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"application_id" uuid,
	"text" text NOT NULL,
	"contact" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"key" text PRIMARY KEY NOT NULL,
	"lineage" text NOT NULL,
	"version" text NOT NULL,
	"level" text NOT NULL,
	"data" jsonb NOT NULL,
	"effective_from" date,
	"effective_until" date,
	"status" text NOT NULL,
	"digest" text NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_public_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"working_days" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_public_notices_decisionId_unique" UNIQUE("decision_id")
);
--> statement-breakpoint
CREATE TABLE "recognition_review_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"score" real,
	"result" text,
	"opinion" text NOT NULL,
	"judgements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"panel" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"recorded_by" uuid,
	"recorded_by_org_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bases" ADD COLUMN "foreign_plaques" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "bases" ADD COLUMN "documents" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "recognition_application_events" ADD CONSTRAINT "recognition_application_events_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_application_events" ADD CONSTRAINT "recognition_application_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_application_events" ADD CONSTRAINT "recognition_application_events_actor_org_id_organizations_id_fk" FOREIGN KEY ("actor_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_call_id_recognition_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."recognition_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_programme_key_programmes_key_fk" FOREIGN KEY ("programme_key") REFERENCES "public"."programmes"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_applicant_org_id_organizations_id_fk" FOREIGN KEY ("applicant_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_filed_by_org_id_organizations_id_fk" FOREIGN KEY ("filed_by_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_recommender_id_organizations_id_fk" FOREIGN KEY ("recommender_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_affiliation_org_id_organizations_id_fk" FOREIGN KEY ("affiliation_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_zone_id_organizations_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_attachments" ADD CONSTRAINT "recognition_attachments_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_attachments" ADD CONSTRAINT "recognition_attachments_owner_org_id_organizations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_attachments" ADD CONSTRAINT "recognition_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_calls" ADD CONSTRAINT "recognition_calls_programme_key_programmes_key_fk" FOREIGN KEY ("programme_key") REFERENCES "public"."programmes"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_calls" ADD CONSTRAINT "recognition_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_decisions" ADD CONSTRAINT "recognition_decisions_programme_key_programmes_key_fk" FOREIGN KEY ("programme_key") REFERENCES "public"."programmes"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_decisions" ADD CONSTRAINT "recognition_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_documents" ADD CONSTRAINT "recognition_documents_decision_id_recognition_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."recognition_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_documents" ADD CONSTRAINT "recognition_documents_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_objections" ADD CONSTRAINT "recognition_objections_notice_id_recognition_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."recognition_public_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_objections" ADD CONSTRAINT "recognition_objections_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_objections" ADD CONSTRAINT "recognition_objections_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_objections" ADD CONSTRAINT "recognition_objections_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_public_notices" ADD CONSTRAINT "recognition_public_notices_decision_id_recognition_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."recognition_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_review_results" ADD CONSTRAINT "recognition_review_results_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_review_results" ADD CONSTRAINT "recognition_review_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_review_results" ADD CONSTRAINT "recognition_review_results_recorded_by_org_id_organizations_id_fk" FOREIGN KEY ("recorded_by_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_application_events_seq_idx" ON "recognition_application_events" USING btree ("application_id","seq");--> statement-breakpoint
CREATE INDEX "recognition_applications_call_idx" ON "recognition_applications" USING btree ("call_id","type_id");--> statement-breakpoint
CREATE INDEX "recognition_applications_recommender_idx" ON "recognition_applications" USING btree ("recommender_id");--> statement-breakpoint
CREATE INDEX "recognition_applications_applicant_idx" ON "recognition_applications" USING btree ("applicant_org_id");--> statement-breakpoint
CREATE INDEX "recognition_applications_region_idx" ON "recognition_applications" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "recognition_applications_status_idx" ON "recognition_applications" USING btree ("status","step_id");--> statement-breakpoint
CREATE INDEX "recognition_attachments_app_idx" ON "recognition_attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "recognition_documents_base_idx" ON "recognition_documents" USING btree ("base_id");--> statement-breakpoint
CREATE INDEX "recognition_documents_decision_idx" ON "recognition_documents" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "recognition_objections_notice_idx" ON "recognition_objections" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "recognition_review_results_app_idx" ON "recognition_review_results" USING btree ("application_id");