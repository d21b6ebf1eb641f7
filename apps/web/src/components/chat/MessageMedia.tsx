import type { Message } from '@piloto/contracts';
import { Download, FileText, Loader2, MapPin, Mic, UserRound } from 'lucide-react';
import { useState } from 'react';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '@/components/ui/dialog.tsx';
import { cn } from '@/lib/cn.ts';
import { formatBytes, formatDuration } from '@/lib/formatChat.ts';

type Media = NonNullable<Message['media']>;

function ImageViewer({ media, alt }: { media: Media & { url: string }; alt: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="block overflow-hidden rounded-md focus-visible:outline-2 focus-visible:outline-ring"
        aria-label="Abrir imagem em tamanho real"
      >
        <img
          src={media.url}
          alt={alt}
          loading="lazy"
          className="max-h-72 w-full max-w-72 bg-slate-100 object-cover"
        />
      </button>
      {open && (
        <Dialog open onOpenChange={setOpen}>
          <DialogContent className="max-w-[min(96vw,64rem)] bg-slate-950 p-2 sm:p-3 [&>button]:bg-white/90">
            <DialogTitle className="sr-only">Imagem</DialogTitle>
            <DialogDescription className="sr-only">{alt}</DialogDescription>
            <img src={media.url} alt={alt} className="mx-auto max-h-[85dvh] w-auto rounded object-contain" />
            <a
              href={media.url}
              download={media.fileName ?? true}
              className="mx-auto inline-flex items-center gap-1.5 text-sm text-white underline-offset-4 hover:underline"
            >
              <Download className="size-4" aria-hidden="true" />
              Baixar
            </a>
          </DialogContent>
        </Dialog>
      )}
    </>
  );
}

function DocumentCard({ media }: { media: Media }) {
  const name = media.fileName ?? 'Documento';
  const meta = [formatBytes(media.sizeBytes), media.mimeType?.split('/')[1]?.toUpperCase()].filter(Boolean);
  return (
    <div className="flex w-64 max-w-full items-center gap-3 rounded-md bg-black/[0.04] p-2.5">
      <FileText className="size-8 shrink-0 text-slate-500" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-slate-900">{name}</p>
        <p className="text-xs text-slate-500">{meta.join(' · ')}</p>
      </div>
      {media.url && (
        <a
          href={media.url}
          download={media.fileName ?? true}
          className="rounded-full p-1.5 text-slate-600 hover:bg-black/5 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-ring"
          aria-label={`Baixar ${name}`}
        >
          <Download className="size-4" aria-hidden="true" />
        </a>
      )}
    </div>
  );
}

/** The attachment of a message: image, audio, video, document, location or shared contacts. */
export function MessageMedia({ message }: { message: Message }) {
  const { media, kind } = message;
  if (kind === 'location' && message.location) {
    const { latitude, longitude, name } = message.location;
    return (
      <a
        href={`https://www.google.com/maps?q=${latitude},${longitude}`}
        target="_blank"
        rel="noopener noreferrer"
        className="flex items-center gap-2 rounded-md bg-black/[0.04] p-2.5 text-sm hover:bg-black/[0.07]"
      >
        <MapPin className="size-5 shrink-0 text-red-600" aria-hidden="true" />
        <span className="min-w-0">
          <span className="block font-medium text-slate-900">{name ?? 'Localização'}</span>
          <span className="block text-xs text-slate-600 underline">
            {latitude.toFixed(5)}, {longitude.toFixed(5)} · abrir no mapa
          </span>
        </span>
      </a>
    );
  }
  if (kind === 'contact' && message.contacts) {
    return (
      <ul className="grid gap-1.5">
        {message.contacts.map((c) => (
          <li
            key={c.name + c.phones.join()}
            className="flex items-center gap-2 rounded-md bg-black/[0.04] p-2.5"
          >
            <UserRound className="size-5 shrink-0 text-slate-500" aria-hidden="true" />
            <span className="min-w-0 text-sm">
              <span className="block font-medium text-slate-900">{c.name}</span>
              <span className="block text-xs text-slate-600">{c.phones.join(', ')}</span>
            </span>
          </li>
        ))}
      </ul>
    );
  }
  if (!media) return null;
  if (media.error) return <p className="text-sm text-red-700">Arquivo indisponível: {media.error}</p>;
  if (!media.url) {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-600">
        <Loader2 className="size-4 animate-spin" aria-hidden="true" />
        {kind === 'audio' ? 'Carregando áudio…' : 'Carregando arquivo…'}
      </p>
    );
  }
  const url = media.url;
  if (kind === 'image' || kind === 'sticker') {
    return (
      <ImageViewer
        media={{ ...media, url }}
        alt={message.text ?? (kind === 'sticker' ? 'Figurinha' : 'Foto')}
      />
    );
  }
  if (kind === 'audio') {
    return (
      <div className="flex items-center gap-2">
        {media.voice && (
          <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-600 text-white">
            <Mic className="size-4" aria-label="Mensagem de voz" />
          </span>
        )}
        <audio controls preload="metadata" src={url} className="h-10 w-60 max-w-full">
          <track kind="captions" />
        </audio>
        {media.seconds != null && (
          <span className="text-xs text-slate-500">{formatDuration(media.seconds)}</span>
        )}
      </div>
    );
  }
  if (kind === 'video') {
    return (
      <video
        controls
        preload="metadata"
        src={url}
        className={cn('max-h-72 w-full max-w-72 rounded-md bg-black')}
      >
        <track kind="captions" />
      </video>
    );
  }
  return <DocumentCard media={media} />;
}
