import type { Message } from '@piloto/contracts';
import { Mic, SendHorizontal } from 'lucide-react';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { toast } from 'sonner';
import { AttachFileButton } from '@/components/chat/AttachFileButton.tsx';
import { MessageList } from '@/components/chat/MessageList.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Avatar } from '@/components/ui/avatar.tsx';
import { Button } from '@/components/ui/button.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { maxUploadBytes, useUpload } from '@/lib/queries/inboxExtrasQueries.ts';
import { useSandboxMessages, useSandboxRead, useSandboxSend } from '@/lib/queries/sandboxQueries.ts';
import { useVoiceRecorder } from '@/lib/useVoiceRecorder.ts';
import { AttachmentBar, RecordingBar } from '@/routes/inbox/ComposerBars.tsx';
import type { SandboxLead } from './sandboxLead.ts';

const isLeads = (m: Message) => m.direction === 'inbound';
const unseen = new Set(['accepted', 'sent', 'delivered']);
/** Still in the outbox: a real phone shows nothing of it yet. */
const notSentYet = (m: Message) =>
  m.direction === 'outbound' && (m.status === 'queued' || m.status === 'sending');

/** While the simulator is on screen, the lead "reads" what the business sends (blue ticks there). */
function useLeadReads(orgId: string, channelId: string, lead: SandboxLead, messages: Message[] | undefined) {
  const read = useSandboxRead(orgId, channelId, lead.phone);
  const { mutate, isPending } = read;
  // Keyed by the unread ids, so a message that arrives while a read is in flight is read too.
  const unreadKey = (messages ?? [])
    .filter((m) => m.direction === 'outbound' && unseen.has(m.status))
    .map((m) => `${m.id}:${m.status}`)
    .join(',');
  useEffect(() => {
    if (!unreadKey || isPending) return;
    if (document.visibilityState === 'visible') mutate();
    const onVisible = () => document.visibilityState === 'visible' && mutate();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [unreadKey, isPending, mutate]);
}

/** The phone screen: the business on the left, the lead (you) on the right, in green. */
export function SandboxChat({
  channelId,
  channelName,
  lead,
}: {
  channelId: string;
  channelName: string;
  lead: SandboxLead;
}) {
  const { orgId } = useCurrentOrg();
  const messages = useSandboxMessages(orgId, channelId, lead.phone);
  const send = useSandboxSend(orgId, channelId, lead.phone);
  const upload = useUpload(orgId);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const recorder = useVoiceRecorder();
  useLeadReads(orgId, channelId, lead, messages.data);
  const shown = messages.data?.filter((m) => !notSentYet(m));
  // The AI's bubbles wait their typing time in the outbox; WhatsApp shows "digitando…" meanwhile.
  const typing = messages.data?.some((m) => m.senderType === 'ai' && notSentYet(m)) ?? false;

  const submit = useCallback(
    async (event: FormEvent) => {
      event.preventDefault();
      if (!text.trim() && !file) return;
      try {
        if (file && file.size > maxUploadBytes) throw new Error('Arquivo grande demais: o limite é 16 MB.');
        const uploadId = file ? (await upload.mutateAsync({ file })).id : undefined;
        await send.mutateAsync({ leadName: lead.name, text: text.trim() || undefined, uploadId });
        setText('');
        setFile(null);
      } catch (error) {
        toast.error(errorMessage(error));
      }
    },
    [text, file, upload, send, lead.name],
  );

  /** The lead's voice note, recorded with this computer's microphone. */
  const startRecording = () => recorder.start().catch((error: Error) => toast.error(error.message));
  const sendRecording = async () => {
    const recording = await recorder.stop();
    if (!recording || recording.seconds < 1) return;
    try {
      const uploaded = await upload.mutateAsync({ file: recording.blob, fileName: recording.fileName });
      await send.mutateAsync({ leadName: lead.name, uploadId: uploaded.id, voice: true });
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  const busy = send.isPending || upload.isPending;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <header className="flex items-center gap-3 bg-[#008069] px-3 py-2.5 text-white">
        <Avatar name={channelName} className="size-9 bg-white/20 [&>span]:text-white" />
        <div className="min-w-0">
          <p className="truncate text-[15px] font-semibold">{channelName}</p>
          <p className="text-xs text-white/80" aria-live="polite">
            {typing ? 'digitando…' : 'conta comercial'}
          </p>
        </div>
      </header>
      {messages.isError ? (
        <div className="chat-wallpaper flex-1 p-4">
          <QueryError error={messages.error} onRetry={() => messages.refetch()} />
        </div>
      ) : shown && shown.length > 0 ? (
        <MessageList key={lead.phone} messages={shown} isMine={isLeads} contactName={lead.name} />
      ) : (
        <div className="chat-wallpaper flex flex-1 items-center justify-center p-6 text-center">
          <p className="rounded-md bg-[#fff5c4] px-3 py-2 text-xs text-slate-700 shadow-xs">
            {messages.isPending
              ? 'Carregando…'
              : 'Mande um “Oi” como se fosse um cliente. A resposta aparece aqui.'}
          </p>
        </div>
      )}
      {file && <AttachmentBar file={file} busy={busy} onRemove={() => setFile(null)} />}
      <form onSubmit={submit} className="flex items-center gap-1.5 bg-[#f0f2f5] px-2 py-2">
        {recorder.recording ? (
          <RecordingBar
            seconds={recorder.seconds}
            onCancel={recorder.cancel}
            onSend={() => void sendRecording()}
            busy={busy}
          />
        ) : (
          <>
            <AttachFileButton
              label="Anexar foto ou documento"
              inputLabel="Arquivo do lead"
              onPick={setFile}
            />
            <input
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={file ? 'Legenda (opcional)' : 'Mensagem'}
              aria-label="Mensagem do lead"
              className="h-10 min-w-0 flex-1 rounded-full bg-white px-4 text-sm shadow-xs placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-ring/50"
            />
            {text.trim() || file ? (
              <Button
                type="submit"
                size="icon"
                className="size-10 shrink-0 rounded-full bg-[#00a884] hover:bg-[#008069]"
                loading={busy}
                aria-label="Enviar"
              >
                {!busy && <SendHorizontal className="size-5!" aria-hidden="true" />}
              </Button>
            ) : (
              <Button
                size="icon"
                className="size-10 shrink-0 rounded-full bg-[#00a884] hover:bg-[#008069]"
                loading={busy}
                onClick={startRecording}
                aria-label="Gravar áudio como o lead"
                title="Gravar áudio como o lead"
              >
                {!busy && <Mic className="size-5!" aria-hidden="true" />}
              </Button>
            )}
          </>
        )}
      </form>
    </div>
  );
}
