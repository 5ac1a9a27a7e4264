CREATE TABLE "audit_anchors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" text,
	"anchored_at" timestamp with time zone NOT NULL,
	"head_id" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"payload" text NOT NULL,
	"signature" text NOT NULL,
	"public_key_pem" text NOT NULL,
	"public_key_fingerprint" text NOT NULL,
	"instance" text,
	CONSTRAINT "audit_anchors_jobId_unique" UNIQUE("job_id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"route" text NOT NULL,
	"request_hash" text NOT NULL,
	"state" text NOT NULL,
	"owner" text NOT NULL,
	"status" integer,
	"content_type" text,
	"body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE INDEX "audit_anchors_at_idx" ON "audit_anchors" USING btree ("anchored_at");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");