CREATE TABLE "knowledge_lexemes" (
	"org_id" uuid NOT NULL,
	"lexeme" text NOT NULL,
	"document_id" uuid NOT NULL,
	CONSTRAINT "knowledge_lexemes_org_id_lexeme_document_id_pk" PRIMARY KEY("org_id","lexeme","document_id")
);
--> statement-breakpoint
ALTER TABLE "knowledge_lexemes" ADD CONSTRAINT "knowledge_lexemes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_lexemes" ADD CONSTRAINT "knowledge_lexemes_document_id_knowledge_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."knowledge_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_lexemes_document_idx" ON "knowledge_lexemes" USING btree ("document_id");--> statement-breakpoint
-- Documents indexed before this table existed.
INSERT INTO "knowledge_lexemes" ("org_id", "lexeme", "document_id")
  SELECT DISTINCT c."org_id", l.lexeme, c."document_id" FROM "knowledge_chunks" c, unnest(tsvector_to_array(c."tsv")) AS l(lexeme)
  ON CONFLICT DO NOTHING;