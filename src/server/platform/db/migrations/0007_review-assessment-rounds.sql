ALTER TABLE "review_declared_conflicts" DROP CONSTRAINT "review_declared_conflicts_application_id_recognition_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "review_assignments" DROP CONSTRAINT "review_assignments_application_id_recognition_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "review_panels" DROP CONSTRAINT "review_panels_application_id_recognition_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "review_rounds" ALTER COLUMN "call_id" DROP NOT NULL;