import type { Message } from '@piloto/contracts';
import { FileText, Loader2, Mic, Trash2, X } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { Button } from '@/components/ui/button.tsx';
import { formatBytes, formatDuration } from '@/lib/formatChat.ts';
import { messagePreview } from '@/lib/messagePreview.ts';

/** "Respondendo a…" above the composer. */
export function ReplyBar({
  message,
  author,
  onClear,
}: {
  message: Message;
  author: string;
  onClear: () => void;
}) {
  return (
    <div className="flex items-center gap-2 border-t border-slate-200 bg-slate-50 px-3 py-2">
      <div className="min-w-0 flex-1 rounded-md border-l-4 border-brand-500 bg-white px-2.5 py-1.5 text-xs">
        <p className="font-semibold text-brand-800">Respondendo a {author}</p>
        <p className="truncate text-slate-600">{messagePreview(message)}</p>
      </div>
      <Button variant="ghost" size="icon-sm" onClick={onClear} aria-label="Cancelar resposta">
        <X aria-hidden="true" />
      </Button>
    </div>
  );
}

/** The file waiting to go, with a way to drop it. */
export function AttachmentBar({ file, busy, onRemove }: { file: File; busy: boolean; onRemove: () => void }) {
  const preview = useMemo(() => (file.type.startsWith('image/') ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  return (
    <div className="flex items-center gap-3 border-t border-slate-200 bg-slate-50 px-3 py-2">
      {preview ? (
        <img src={preview} alt="" className="size-10 rounded object-cover" />
      ) : (
        <FileText className="size-8 text-slate-500" aria-hidden="true" />
      )}
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-slate-900">{file.name}</p>
        <p className="text-xs text-slate-500">
          {busy ? 'Enviando arquivo…' : `${formatBytes(file.size)} · escreva uma legenda se quiser`}
        </p>
      </div>
      {busy ? (
        <Loader2 className="size-4 animate-spin text-slate-500" aria-label="Enviando" />
      ) : (
        <Button variant="ghost" size="icon-sm" onClick={onRemove} aria-label={`Remover ${file.name}`}>
          <X aria-hidden="true" />
        </Button>
      )}
    </div>
  );
}

/** While recording: the timer, cancel and send. */
export function RecordingBar({
  seconds,
  onCancel,
  onSend,
  busy,
}: {
  seconds: number;
  onCancel: () => void;
  onSend: () => void;
  busy: boolean;
}) {
  return (
    <div className="flex flex-1 items-center gap-3 px-2" role="status" aria-live="polite">
      <Button
        variant="ghost"
        size="icon"
        onClick={onCancel}
        aria-label="Descartar gravação"
        className="text-slate-500"
      >
        <Trash2 className="size-5!" aria-hidden="true" />
      </Button>
      <span className="size-2.5 animate-pulse rounded-full bg-red-600" aria-hidden="true" />
      <span className="flex-1 text-sm text-slate-700 tabular-nums">Gravando… {formatDuration(seconds)}</span>
      <Button
        size="icon"
        className="rounded-full"
        onClick={onSend}
        loading={busy}
        aria-label="Enviar mensagem de voz"
      >
        {!busy && <Mic aria-hidden="true" />}
      </Button>
    </div>
  );
}
