import { and, eq } from 'drizzle-orm';
import type { Job } from 'pg-boss';
import type { Db } from '../../db/client.ts';
import { type MediaUnderstanding, messages, type StoredMedia, uploads } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { ProviderError } from '../../platform/httpClient.ts';
import type { EventBus } from '../../platform/realtime.ts';
import type { Storage } from '../../platform/storage.ts';
import type { InboundMediaRef } from '../channels/provider.ts';
import type { ChannelsService } from '../channels/service.ts';

export const MAX_MEDIA_BYTES = 64 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

/** Inbound media is copied into our storage at once (provider URLs expire) and served to members only. */
export function createMediaService(deps: {
  db: Db;
  storage: Storage;
  channels: ChannelsService;
  bus: EventBus;
  /** Called once a message's media is stored or has failed for good (the media module understands it). */
  afterFetch?: (messageId: string) => Promise<void>;
}) {
  const { db, storage, channels, bus } = deps;

  async function setMedia(row: typeof messages.$inferSelect, media: StoredMedia) {
    await db.update(messages).set({ media }).where(eq(messages.id, row.id));
    await bus.publish(`org:${row.orgId}`, {
      type: 'message.updated',
      conversationId: row.conversationId,
      messageId: row.id,
    });
  }

  return {
    /** The `media.fetch` job. */
    async fetch(messageId: string, job: Pick<Job, 'retryCount'>, retryLimit: number): Promise<void> {
      const [row] = await db.select().from(messages).where(eq(messages.id, messageId));
      if (!row?.media || row.media.storageKey) return;
      const ref = row.media.ref as InboundMediaRef | undefined;
      if (!ref) return;
      try {
        let storageKey: string;
        let data: Buffer | undefined;
        let mimeType = row.media.mimeType;
        if (ref.source === 'url' && ref.url.startsWith('storage:')) {
          storageKey = ref.url.slice('storage:'.length); // the sandbox uploaded it already
        } else {
          const loaded = channels.load(await channels.getRow(row.orgId, row.channelId));
          const downloaded = await loaded.provider.downloadMedia(loaded.ctx, ref);
          data = downloaded.data;
          if (data.length > MAX_MEDIA_BYTES)
            throw new ProviderError('media', 'Arquivo grande demais para guardar (máx. 64 MB)', {
              retryable: false,
            });
          mimeType = mimeType ?? downloaded.mimeType ?? 'application/octet-stream';
          storageKey = await storage.put(`media/${row.orgId}`, data, mimeType);
        }
        await setMedia(row, {
          ...row.media,
          storageKey,
          mimeType,
          sizeBytes: row.media.sizeBytes ?? data?.length ?? null,
          ref: undefined,
          error: null,
        });
      } catch (error) {
        const retryable = !(error instanceof ProviderError) || error.retryable;
        if (retryable && job.retryCount < retryLimit) throw error;
        await setMedia(row, {
          ...row.media,
          error: `Não foi possível baixar a mídia: ${(error as Error).message}`,
        });
      }
      await deps.afterFetch?.(row.id);
    },

    /** What the app understood of an inbound media (transcript, description, text), shown in the inbox. */
    async setUnderstanding(messageId: string, understanding: MediaUnderstanding) {
      const [row] = await db
        .update(messages)
        .set({ understanding })
        .where(eq(messages.id, messageId))
        .returning({ orgId: messages.orgId, conversationId: messages.conversationId });
      if (row)
        await bus.publish(`org:${row.orgId}`, {
          type: 'message.updated',
          conversationId: row.conversationId,
          messageId,
        });
    },

    /** A stored media's bytes and what the inbound flow knows of it. */
    async loadForUnderstanding(messageId: string) {
      const [row] = await db.select().from(messages).where(eq(messages.id, messageId));
      if (!row) return null;
      return {
        orgId: row.orgId,
        conversationId: row.conversationId,
        kind: row.kind,
        caption: row.text,
        media: row.media,
        understanding: row.understanding,
        data: row.media?.storageKey ? await storage.get(row.media.storageKey) : null,
      };
    },

    async read(orgId: string, messageId: string) {
      const [row] = await db
        .select({ media: messages.media })
        .from(messages)
        .where(and(eq(messages.orgId, orgId), eq(messages.id, messageId)));
      if (!row?.media?.storageKey) throw notFound('Arquivo não encontrado');
      return {
        data: await storage.get(row.media.storageKey),
        mimeType: row.media.mimeType ?? 'application/octet-stream',
        fileName: row.media.fileName,
      };
    },

    async saveUpload(
      orgId: string,
      memberId: string,
      file: { data: Buffer; fileName: string; mimeType: string },
    ) {
      const storageKey = await storage.put(`uploads/${orgId}`, file.data, file.mimeType);
      const [row] = await db
        .insert(uploads)
        .values({
          orgId,
          storageKey,
          fileName: file.fileName,
          mimeType: file.mimeType,
          sizeBytes: file.data.length,
          uploadedByMemberId: memberId,
        })
        .returning();
      return { id: row.id, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes };
    },

    async uploadForSandbox(orgId: string, uploadId: string) {
      const [row] = await db
        .select()
        .from(uploads)
        .where(and(eq(uploads.orgId, orgId), eq(uploads.id, uploadId)));
      if (!row) throw notFound('Anexo não encontrado');
      return {
        storageKey: row.storageKey,
        mimeType: row.mimeType,
        fileName: row.fileName,
        sizeBytes: row.sizeBytes,
      };
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
