ALTER TABLE "conversations" ADD COLUMN "last_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "conversations" c SET "last_seq" = coalesce((SELECT max(m."seq") FROM "messages" m WHERE m."conversation_id" = c."id" AND m."kind" <> 'reaction'), 0);
