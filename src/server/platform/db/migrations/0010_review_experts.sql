CREATE TABLE "review_conflict_rules" (
	"key" text PRIMARY KEY NOT NULL,
	"same_province" boolean DEFAULT false NOT NULL,
	"collaboration_years" integer,
	"employment_years" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_declared_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"declared_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"invited_by_org_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_invitations_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "expert_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"person_key" text NOT NULL,
	"person_name" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_named_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"person_key" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"held_on" text NOT NULL,
	"participants" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"result" text NOT NULL,
	"opinion" text NOT NULL,
	"result_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"source" text NOT NULL,
	"match_score" real DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"declared_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"decline_reason" text,
	"draft" jsonb,
	"draft_saved_at" timestamp with time zone,
	"submission" jsonb,
	"total_score" real,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_panels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"opinion" text NOT NULL,
	"recommendation" text NOT NULL,
	"votes" jsonb NOT NULL,
	"judgements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"aggregate" jsonb NOT NULL,
	"result_id" uuid,
	"concluded_by" uuid,
	"concluded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"call_id" uuid NOT NULL,
	"type_id" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"params" jsonb NOT NULL,
	"form" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"proposal" jsonb,
	"pending_replacements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "region_code" text;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "languages" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "foreign_experience" text;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "affiliation_org_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "employment" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "invited_by" uuid;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "invited_by_org_id" uuid;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "review_conflict_rules" ADD CONSTRAINT "review_conflict_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_declared_conflicts" ADD CONSTRAINT "review_declared_conflicts_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_declared_conflicts" ADD CONSTRAINT "review_declared_conflicts_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_declared_conflicts" ADD CONSTRAINT "review_declared_conflicts_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_invitations" ADD CONSTRAINT "expert_invitations_invited_by_org_id_organizations_id_fk" FOREIGN KEY ("invited_by_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_relations" ADD CONSTRAINT "expert_relations_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_relations" ADD CONSTRAINT "expert_relations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_named_people" ADD CONSTRAINT "review_named_people_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assessments" ADD CONSTRAINT "review_assessments_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assessments" ADD CONSTRAINT "review_assessments_result_id_recognition_review_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."recognition_review_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assessments" ADD CONSTRAINT "review_assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panels" ADD CONSTRAINT "review_panels_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panels" ADD CONSTRAINT "review_panels_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panels" ADD CONSTRAINT "review_panels_result_id_recognition_review_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."recognition_review_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panels" ADD CONSTRAINT "review_panels_concluded_by_users_id_fk" FOREIGN KEY ("concluded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_call_id_recognition_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."recognition_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_declared_conflicts_pair_idx" ON "review_declared_conflicts" USING btree ("expert_user_id","application_id");--> statement-breakpoint
CREATE INDEX "expert_relations_expert_idx" ON "expert_relations" USING btree ("expert_user_id");--> statement-breakpoint
CREATE INDEX "expert_relations_person_idx" ON "expert_relations" USING btree ("person_key");--> statement-breakpoint
CREATE UNIQUE INDEX "review_named_people_app_person_idx" ON "review_named_people" USING btree ("application_id","person_key");--> statement-breakpoint
CREATE INDEX "review_assessments_app_idx" ON "review_assessments" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_pair_idx" ON "review_assignments" USING btree ("round_id","application_id","expert_user_id");--> statement-breakpoint
CREATE INDEX "review_assignments_expert_idx" ON "review_assignments" USING btree ("expert_user_id","status");--> statement-breakpoint
CREATE INDEX "review_assignments_app_idx" ON "review_assignments" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_panels_round_app_idx" ON "review_panels" USING btree ("round_id","application_id");--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_invited_by_org_id_organizations_id_fk" FOREIGN KEY ("invited_by_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;