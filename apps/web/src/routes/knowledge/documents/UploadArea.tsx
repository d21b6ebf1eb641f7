import { AlertCircle, Clock, FileUp, Loader2, Upload, X } from 'lucide-react';
import { type DragEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button.tsx';
import { cn } from '@/lib/cn.ts';
import { ACCEPT_ATTRIBUTE, ACCEPTED_FORMATS_TEXT, formatBytes } from './documentLabels.ts';
import type { UploadQueue } from './useUploadQueue.ts';

/** Drop files here or pick them; each goes up in turn and then shows in the table as it is indexed. */
export function UploadArea({ collectionId, uploads }: { collectionId: string; uploads: UploadQueue }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const mine = uploads.items.filter((item) => item.collectionId === collectionId);

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length) uploads.add(collectionId, files);
  };

  return (
    <div className="grid gap-2">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target; the button inside is the keyboard way */}
      <div
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
        className={cn(
          'flex flex-col items-center gap-3 rounded-xl border-2 border-dashed px-5 py-4 text-center transition-colors sm:flex-row sm:text-left',
          over ? 'border-brand-500 bg-brand-50' : 'border-slate-300 bg-white',
        )}
      >
        <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700 ring-1 ring-brand-100">
          <FileUp className="size-5" aria-hidden="true" />
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-slate-900">
            {over ? 'Solte para enviar' : 'Arraste arquivos para cá'}
          </p>
          <p className="text-xs text-slate-600">
            {ACCEPTED_FORMATS_TEXT}. Pode enviar vários: vão um de cada vez.
          </p>
        </div>
        <Button onClick={() => input.current?.click()}>
          <Upload aria-hidden="true" />
          Enviar arquivos
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          className="sr-only"
          tabIndex={-1}
          aria-label="Arquivos para enviar"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length) uploads.add(collectionId, files);
          }}
        />
      </div>
      {mine.length > 0 && (
        <ul aria-label="Envios" className="grid gap-1.5">
          {mine.map((item) => (
            <li
              key={item.key}
              className={cn(
                'flex items-start gap-3 rounded-lg border px-3 py-2 text-sm',
                item.state === 'failed' ? 'border-red-200 bg-red-50' : 'bg-white',
              )}
            >
              {item.state === 'failed' ? (
                <AlertCircle className="mt-0.5 size-4 shrink-0 text-red-700" aria-hidden="true" />
              ) : item.state === 'uploading' ? (
                <Loader2 className="mt-0.5 size-4 shrink-0 animate-spin text-brand-600" aria-hidden="true" />
              ) : (
                <Clock className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden="true" />
              )}
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-slate-900">
                  {item.file.name}{' '}
                  <span className="font-normal text-slate-500">· {formatBytes(item.file.size)}</span>
                </p>
                <p className={cn('text-xs', item.state === 'failed' ? 'text-red-800' : 'text-slate-600')}>
                  {item.state === 'failed'
                    ? item.error
                    : item.state === 'uploading'
                      ? 'Enviando…'
                      : 'Na fila para envio'}
                </p>
              </div>
              {item.state === 'failed' && (
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="-my-1"
                  aria-label={`Dispensar o aviso de ${item.file.name}`}
                  onClick={() => uploads.dismiss(item.key)}
                >
                  <X aria-hidden="true" />
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
