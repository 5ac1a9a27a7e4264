CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"computed" jsonb,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opinion" text,
	"opinion_signed_by" text,
	"opinion_signed_at" timestamp with time zone,
	"opinion_signer_user_id" uuid,
	"recommender_score" integer,
	"late" boolean DEFAULT false NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_reports_base_year_kind" UNIQUE("base_id","year","kind")
);
--> statement-breakpoint
CREATE TABLE "reporting_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"plan_due" date NOT NULL,
	"summary_due" date NOT NULL,
	"opened_on" date NOT NULL,
	"opened_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "base_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"people" integer DEFAULT 1 NOT NULL,
	"country" text,
	"on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "base_projects" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"base_id" uuid NOT NULL,
	"status" text DEFAULT 'ongoing' NOT NULL,
	"partner_institution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"base_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"score" double precision,
	"report_late" boolean DEFAULT false NOT NULL,
	"system_id" uuid,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_results_year_base" UNIQUE("year","base_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_rounds" (
	"year" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'computed' NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "assessment_expert_scores" (
	"year" integer NOT NULL,
	"base_id" uuid NOT NULL,
	"indicator_id" text NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_expert_scores_year_base_id_indicator_id_expert_user_id_pk" PRIMARY KEY("year","base_id","indicator_id","expert_user_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type_id" text NOT NULL,
	"version" integer NOT NULL,
	"from_year" integer NOT NULL,
	"indicators" jsonb NOT NULL,
	"thresholds" jsonb,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_systems_type_version" UNIQUE("type_id","version")
);
--> statement-breakpoint
CREATE TABLE "notice_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"triggered_in_year" integer NOT NULL,
	"run" jsonb NOT NULL,
	"reading" jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"document_number" text,
	"decided_on" date,
	"decided_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_opinion_signer_user_id_users_id_fk" FOREIGN KEY ("opinion_signer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_years" ADD CONSTRAINT "reporting_years_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "base_activities" ADD CONSTRAINT "base_activities_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "base_projects" ADD CONSTRAINT "base_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "base_projects" ADD CONSTRAINT "base_projects_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_system_id_indicator_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."indicator_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_expert_scores" ADD CONSTRAINT "assessment_expert_scores_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_expert_scores" ADD CONSTRAINT "assessment_expert_scores_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_systems" ADD CONSTRAINT "indicator_systems_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_proposals" ADD CONSTRAINT "notice_proposals_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_proposals" ADD CONSTRAINT "notice_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annual_reports_year_idx" ON "annual_reports" USING btree ("year","kind");--> statement-breakpoint
CREATE INDEX "base_activities_base_year_idx" ON "base_activities" USING btree ("base_id","year");--> statement-breakpoint
CREATE INDEX "base_projects_base_idx" ON "base_projects" USING btree ("base_id");--> statement-breakpoint
CREATE INDEX "assessment_results_base_idx" ON "assessment_results" USING btree ("base_id","year");--> statement-breakpoint
CREATE INDEX "notice_proposals_base_idx" ON "notice_proposals" USING btree ("base_id");