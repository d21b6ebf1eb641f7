import type { Message } from '@piloto/contracts';
import { ChevronDown, Loader2, TriangleAlert } from 'lucide-react';
import { useId, useState } from 'react';
import { cn } from '@/lib/cn.ts';

type Understanding = NonNullable<Message['understanding']>;

/** Longer than this, an audio transcript or image text opens clamped, with "Ver tudo". */
const longText = 280;

const pendingLabels: Partial<Record<Message['kind'], string>> = {
  audio: 'Transcrevendo…',
  image: 'Lendo a imagem…',
  document: 'Lendo o documento…',
};

const failedTitles: Partial<Record<Message['kind'], string>> = {
  audio: 'Não foi possível transcrever o áudio',
  image: 'Não foi possível ler a imagem',
  document: 'Não foi possível ler o documento',
};

function labelOf(message: Message, understanding: Understanding): string {
  // The AI's own voice note carries what it said.
  if (message.direction === 'outbound') return 'Texto do áudio';
  switch (understanding.source) {
    case 'vision':
      return 'Descrição da imagem';
    case 'ocr':
      return 'Texto lido na imagem';
    case 'document':
      return 'Texto extraído';
    default:
      return 'Transcrição';
  }
}

function UnderstoodText({ label, text, collapsed }: { label: string; text: string; collapsed: boolean }) {
  const id = useId();
  const long = text.length > longText;
  // Documents start closed; a long transcript or description shows its beginning.
  const [open, setOpen] = useState(!collapsed);
  const [full, setFull] = useState(false);
  return (
    <div className="mt-1.5 rounded-md bg-black/[0.04] px-2 py-1.5 text-[13px]">
      {collapsed ? (
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          aria-controls={id}
          className="flex w-full items-center gap-1 text-left text-xs font-semibold text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-ring"
        >
          {label}
          <ChevronDown className={cn('size-3.5', open && 'rotate-180')} aria-hidden="true" />
        </button>
      ) : (
        <p className="text-xs font-semibold text-slate-600">{label}</p>
      )}
      {open && (
        <div id={id}>
          <p
            className={cn(
              'mt-0.5 whitespace-pre-wrap text-slate-800',
              long && !full && !collapsed && 'line-clamp-5',
              collapsed && 'max-h-72 overflow-y-auto',
            )}
          >
            {text}
          </p>
          {long && !collapsed && (
            <button
              type="button"
              onClick={() => setFull(!full)}
              aria-expanded={full}
              aria-controls={id}
              className="mt-0.5 text-xs font-medium text-brand-800 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
            >
              {full ? 'Ver menos' : 'Ver tudo'}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * What the app understood of a media, for the seller: the transcript of a voice note, the description
 * or the text read in a photo, the text of a document — or why it could not.
 */
export function MessageUnderstanding({ message }: { message: Message }) {
  const understanding = message.understanding;
  if (!understanding || message.deletedAt) return null;
  if (understanding.status === 'pending') {
    return (
      <p className="mt-1 flex items-center gap-1.5 text-xs text-slate-600" role="status">
        <Loader2 className="size-3.5 animate-spin" aria-hidden="true" />
        {pendingLabels[message.kind] ?? 'Processando…'}
      </p>
    );
  }
  if (understanding.status === 'failed') {
    return (
      <div className="mt-1.5 flex gap-1.5 rounded-md border border-amber-200 bg-amber-50 px-2 py-1.5 text-xs text-amber-900">
        <TriangleAlert className="mt-px size-3.5 shrink-0 text-amber-700" aria-hidden="true" />
        <div className="min-w-0">
          <p className="font-semibold">{failedTitles[message.kind] ?? 'Não foi possível abrir o arquivo'}</p>
          {understanding.error && <p className="mt-0.5">{understanding.error}</p>}
        </div>
      </div>
    );
  }
  if (!understanding.text) return null;
  return (
    <UnderstoodText
      label={labelOf(message, understanding)}
      text={understanding.text}
      collapsed={message.kind === 'document'}
    />
  );
}
