CREATE TABLE "portal_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"base_id" uuid,
	"title_zh" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"body_zh" text NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"published_at" timestamp with time zone,
	"accepted_year" integer,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"application_id" uuid,
	"text" text NOT NULL,
	"contact" text NOT NULL,
	"receipt" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"recognition_objection_id" uuid,
	"forwarded_by" uuid,
	"forwarded_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_objections_receipt_unique" UNIQUE("receipt")
);--> statement-breakpoint
ALTER TABLE "portal_items" ADD CONSTRAINT "portal_items_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_items" ADD CONSTRAINT "portal_items_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_items" ADD CONSTRAINT "portal_items_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_objections" ADD CONSTRAINT "portal_objections_notice_id_recognition_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."recognition_public_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_objections" ADD CONSTRAINT "portal_objections_forwarded_by_users_id_fk" FOREIGN KEY ("forwarded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_items_public_idx" ON "portal_items" USING btree ("status","kind","published_at");--> statement-breakpoint
CREATE INDEX "portal_items_base_idx" ON "portal_items" USING btree ("base_id","accepted_year");--> statement-breakpoint
CREATE INDEX "portal_objections_notice_idx" ON "portal_objections" USING btree ("notice_id","status");
