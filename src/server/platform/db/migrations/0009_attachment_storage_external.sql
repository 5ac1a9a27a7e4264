-- Uploaded files are PDFs, DOCX, JPEG and PNG: already compressed. EXTERNAL keeps them out of line
-- (TOAST) without PostgreSQL trying pglz on megabytes that will not shrink (CPU spent in every
-- upload on the deadline night, issue 8). Existing rows are unchanged; new values are stored so.
ALTER TABLE "recognition_attachments" ALTER COLUMN "content" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "annual_report_attachments" ALTER COLUMN "content" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "alliance_materials" ALTER COLUMN "content" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "recognition_documents" ALTER COLUMN "pdf" SET STORAGE EXTERNAL;
