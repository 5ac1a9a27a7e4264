CREATE TABLE "annual_report_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
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
CREATE TABLE "annual_report_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"stage" integer NOT NULL,
	"due" date NOT NULL,
	"users" integer NOT NULL,
	"job_id" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_report_reminders_once" UNIQUE("base_id","year","kind","stage")
);
--> statement-breakpoint
ALTER TABLE "annual_report_attachments" ADD CONSTRAINT "annual_report_attachments_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_attachments" ADD CONSTRAINT "annual_report_attachments_owner_org_id_organizations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_attachments" ADD CONSTRAINT "annual_report_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_reminders" ADD CONSTRAINT "annual_report_reminders_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annual_report_attachments_report_idx" ON "annual_report_attachments" USING btree ("report_id");