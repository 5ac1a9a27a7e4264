CREATE TABLE "base_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"clauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"document_number" text,
	"note" text,
	"data" jsonb,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"programme_key" text NOT NULL,
	"type_id" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"host_org_id" uuid NOT NULL,
	"recommender_id" uuid,
	"zone_id" uuid,
	"region_code" text,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"foreign_partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recognized_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_changed_on" date,
	"application_id" uuid,
	"operating_model" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bases_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "base_events" ADD CONSTRAINT "base_events_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "base_events" ADD CONSTRAINT "base_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bases" ADD CONSTRAINT "bases_host_org_id_organizations_id_fk" FOREIGN KEY ("host_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bases" ADD CONSTRAINT "bases_recommender_id_organizations_id_fk" FOREIGN KEY ("recommender_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bases" ADD CONSTRAINT "bases_zone_id_organizations_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "base_events_base_idx" ON "base_events" USING btree ("base_id","on");--> statement-breakpoint
CREATE INDEX "bases_recommender_idx" ON "bases" USING btree ("recommender_id");--> statement-breakpoint
CREATE INDEX "bases_host_idx" ON "bases" USING btree ("host_org_id");--> statement-breakpoint
CREATE INDEX "bases_region_idx" ON "bases" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "bases_status_idx" ON "bases" USING btree ("status");