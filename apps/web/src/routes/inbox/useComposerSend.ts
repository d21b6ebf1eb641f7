import type { Message, MessageKindName } from '@piloto/contracts';
import { toast } from 'sonner';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { maxUploadBytes, useUpload } from '@/lib/queries/inboxExtrasQueries.ts';
import { useSendMessage } from '@/lib/queries/inboxQueries.ts';

export type Outgoing = {
  text?: string;
  file?: { blob: Blob; fileName: string; voice?: boolean; seconds?: number };
  replyTo?: Message | null;
};

function kindOf(mimeType: string): MessageKindName {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('audio/')) return 'audio';
  if (mimeType.startsWith('video/')) return 'video';
  return 'document';
}

/** Uploads the attachment (if any), then sends; the bubble shows up at once with a clock. */
export function useComposerSend(conversationId: string) {
  const { orgId } = useCurrentOrg();
  const upload = useUpload(orgId);
  const send = useSendMessage(orgId, conversationId);

  const submit = async ({ text, file, replyTo }: Outgoing): Promise<boolean> => {
    const quoted = replyTo
      ? { id: replyTo.id, text: replyTo.text, kind: replyTo.kind, senderType: replyTo.senderType }
      : null;
    try {
      if (!file) {
        await send.mutateAsync({ text, quotedMessageId: replyTo?.id, preview: { quoted } });
        return true;
      }
      if (file.blob.size > maxUploadBytes) {
        toast.error('Arquivo grande demais: o limite é 16 MB.');
        return false;
      }
      const uploaded = await upload.mutateAsync({ file: file.blob, fileName: file.fileName });
      const localUrl = URL.createObjectURL(file.blob);
      await send.mutateAsync({
        uploadId: uploaded.id,
        text: text || undefined,
        voice: file.voice || undefined,
        quotedMessageId: replyTo?.id,
        preview: {
          kind: kindOf(uploaded.mimeType),
          quoted,
          media: {
            url: localUrl,
            mimeType: uploaded.mimeType,
            fileName: uploaded.fileName,
            sizeBytes: uploaded.sizeBytes,
            seconds: file.seconds ?? null,
            voice: Boolean(file.voice),
            error: null,
          },
        },
      });
      return true;
    } catch (error) {
      toast.error(errorMessage(error));
      return false;
    }
  };

  return { submit, uploading: upload.isPending };
}
