ALTER TABLE "knowledge_chunks" drop column "tsv";--> statement-breakpoint
ALTER TABLE "knowledge_chunks" ADD COLUMN "tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('portuguese'::regconfig, coalesce(heading, '') || ' ' || text) || to_tsvector('pt_unaccent'::regconfig, coalesce(heading, '') || ' ' || text)) STORED NOT NULL;--> statement-breakpoint
-- Dropping the column dropped its index: recreate it.
CREATE INDEX IF NOT EXISTS "knowledge_chunks_tsv_idx" ON "knowledge_chunks" USING gin ("tsv");