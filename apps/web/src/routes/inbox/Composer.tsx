import type { Message, QuickReply, Suggestion } from '@piloto/contracts';
import { Mic, SendHorizontal, Zap } from 'lucide-react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { toast } from 'sonner';
import { AttachFileButton } from '@/components/chat/AttachFileButton.tsx';
import { Button } from '@/components/ui/button.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useAcceptSuggestion } from '@/lib/queries/copilotQueries.ts';
import { useQuickReplies } from '@/lib/queries/inboxExtrasQueries.ts';
import { useVoiceRecorder } from '@/lib/useVoiceRecorder.ts';
import { AttachmentBar, RecordingBar, ReplyBar } from './ComposerBars.tsx';
import { EmojiPicker } from './EmojiPicker.tsx';
import { QuickRepliesDialog } from './QuickRepliesDialog.tsx';
import { filterQuickReplies, QuickReplyMenu } from './QuickReplyMenu.tsx';
import { EditingSuggestionBar, SuggestionCards, suggestionText } from './SuggestionCards.tsx';
import { useComposerSend } from './useComposerSend.ts';

type Props = {
  conversationId: string;
  contactName: string;
  replyTo: Message | null;
  onClearReply: () => void;
};

const maxHeight = 160;

/** Text (Enter sends, Shift+Enter breaks the line), emojis, files, voice notes and "/" quick replies. */
export function Composer({ conversationId, contactName, replyTo, onClearReply }: Props) {
  const { orgId } = useCurrentOrg();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [menuIndex, setMenuIndex] = useState(0);
  const [manageOpen, setManageOpen] = useState(false);
  const [dismissedMenu, setDismissedMenu] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const quickReplies = useQuickReplies(orgId);
  const recorder = useVoiceRecorder();
  const { submit, uploading } = useComposerSend(conversationId);
  const accept = useAcceptSuggestion(orgId, conversationId);
  const [suggestionId, setSuggestionId] = useState<string | null>(null);
  const sending = uploading || accept.isPending;

  const slash = /^\/(\S*)$/.exec(text);
  const menuItems = slash && !dismissedMenu ? filterQuickReplies(quickReplies.data ?? [], slash[1]) : null;

  const resize = () => {
    const el = textarea.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, maxHeight)}px`;
  };
  const changeText = (value: string) => {
    setText(value);
    setMenuIndex(0);
    setDismissedMenu(false);
    requestAnimationFrame(resize);
  };
  const pickQuickReply = (reply: QuickReply) => {
    changeText(reply.text);
    textarea.current?.focus();
  };
  const pickSuggestion = (suggestion: Suggestion) => {
    setSuggestionId(suggestion.id);
    changeText(suggestionText(suggestion));
    requestAnimationFrame(() => textarea.current?.focus());
  };
  const cancelSuggestion = () => {
    setSuggestionId(null);
    changeText('');
  };
  /** The edited suggestion goes through accept, so the API records what the seller changed. */
  const sendSuggestion = async (id: string, trimmed: string) => {
    setText('');
    setSuggestionId(null);
    requestAnimationFrame(resize);
    try {
      await accept.mutateAsync({ id, text: trimmed });
    } catch (error) {
      toast.error(errorMessage(error));
      setText((current) => current || trimmed);
      setSuggestionId(id);
    }
  };
  const insertEmoji = (emoji: string) => {
    const el = textarea.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    changeText(text.slice(0, start) + emoji + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  };

  const sendNow = async () => {
    const trimmed = text.trim();
    if ((!trimmed && !file) || sending) return;
    if (suggestionId && trimmed && !file) return sendSuggestion(suggestionId, trimmed);
    const pendingFile = file;
    setText('');
    setFile(null);
    onClearReply();
    requestAnimationFrame(resize);
    const ok = await submit({
      text: trimmed || undefined,
      file: pendingFile ? { blob: pendingFile, fileName: pendingFile.name } : undefined,
      replyTo,
    });
    if (!ok) {
      // Nothing is lost: the text and the file come back to try again.
      setText((current) => current || trimmed);
      setFile((current) => current ?? pendingFile);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (menuItems && menuItems.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setMenuIndex((i) => (i + step + menuItems.length) % menuItems.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pickQuickReply(menuItems[menuIndex] ?? menuItems[0]);
        return;
      }
    }
    if (menuItems && event.key === 'Escape') {
      setDismissedMenu(true);
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void sendNow();
    }
  };

  const startRecording = () => recorder.start().catch((error: Error) => toast.error(error.message));
  const sendRecording = async () => {
    const recording = await recorder.stop();
    if (!recording || recording.seconds < 1) return;
    await submit({
      file: { blob: recording.blob, fileName: recording.fileName, voice: true, seconds: recording.seconds },
      replyTo,
    });
    onClearReply();
  };

  const canSend = text.trim() !== '' || file !== null;
  const activeOption = menuItems?.[menuIndex];

  return (
    <div className="relative border-t border-slate-200 bg-[#f0f2f5]">
      {menuItems && (
        <QuickReplyMenu
          items={menuItems}
          active={menuIndex}
          onPick={pickQuickReply}
          onManage={() => setManageOpen(true)}
        />
      )}
      <SuggestionCards conversationId={conversationId} editingId={suggestionId} onUse={pickSuggestion} />
      {suggestionId && <EditingSuggestionBar onCancel={cancelSuggestion} />}
      {replyTo && (
        <ReplyBar
          message={replyTo}
          author={replyTo.direction === 'inbound' ? contactName : 'você'}
          onClear={onClearReply}
        />
      )}
      {file && <AttachmentBar file={file} busy={uploading} onRemove={() => setFile(null)} />}
      <div className="flex items-end gap-1 px-2 py-2">
        {recorder.recording ? (
          <RecordingBar
            seconds={recorder.seconds}
            onCancel={recorder.cancel}
            onSend={sendRecording}
            busy={uploading}
          />
        ) : (
          <>
            <EmojiPicker onPick={insertEmoji} />
            <AttachFileButton
              label="Anexar arquivo"
              onPick={(picked) => {
                setFile(picked);
                textarea.current?.focus();
              }}
            />
            <Button
              variant="ghost"
              size="icon"
              className="hidden shrink-0 text-slate-500 sm:inline-flex"
              aria-label="Respostas rápidas"
              title="Respostas rápidas (ou digite / na mensagem)"
              onClick={() => setManageOpen(true)}
            >
              <Zap className="size-5!" aria-hidden="true" />
            </Button>
            <textarea
              ref={textarea}
              rows={1}
              value={text}
              onChange={(e) => changeText(e.target.value)}
              onKeyDown={onKeyDown}
              placeholder={file ? 'Legenda (opcional)' : 'Digite uma mensagem'}
              aria-label="Mensagem"
              role="combobox"
              aria-expanded={Boolean(menuItems)}
              aria-controls={menuItems ? 'quick-reply-list' : undefined}
              aria-activedescendant={activeOption ? `quick-reply-${activeOption.id}` : undefined}
              aria-autocomplete="list"
              className="max-h-40 min-h-10 min-w-0 flex-1 resize-none rounded-lg border-0 bg-white px-3 py-2.5 text-sm leading-5 text-slate-900 shadow-xs placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-ring/50"
            />
            {canSend ? (
              <Button
                size="icon"
                className="size-10 shrink-0 rounded-full"
                onClick={() => void sendNow()}
                loading={sending}
                aria-label={suggestionId ? 'Enviar sugestão editada' : 'Enviar'}
              >
                {!sending && <SendHorizontal className="size-5!" aria-hidden="true" />}
              </Button>
            ) : (
              <Button
                variant="ghost"
                size="icon"
                className="size-10 shrink-0 rounded-full text-slate-600"
                onClick={startRecording}
                aria-label="Gravar mensagem de voz"
                title="Gravar mensagem de voz"
              >
                <Mic className="size-5!" aria-hidden="true" />
              </Button>
            )}
          </>
        )}
      </div>
      <QuickRepliesDialog open={manageOpen} onOpenChange={setManageOpen} />
    </div>
  );
}
