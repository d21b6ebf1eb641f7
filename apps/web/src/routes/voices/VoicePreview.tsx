import { Play } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button.tsx';
import { Input } from '@/components/ui/input.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useVoicePreview } from '@/lib/queries/voiceQueries.ts';

/** Type a sentence, hear it in this voice (each "Ouvir" is a paid call, so it only runs on demand). */
export function VoicePreview({ voiceId, voiceName }: { voiceId: string; voiceName: string }) {
  const { orgId, orgName } = useCurrentOrg();
  const preview = useVoicePreview(orgId);
  const [text, setText] = useState(`Oi! Aqui é da ${orgName}. Como posso te ajudar hoje?`);
  const [audioUrl, setAudioUrl] = useState<string | null>(null);
  useEffect(() => () => void (audioUrl && URL.revokeObjectURL(audioUrl)), [audioUrl]);

  const inputId = `voice-preview-${voiceId}`;
  const errorId = `${inputId}-error`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    preview.mutate(
      { voiceId, text: text.trim() },
      { onSuccess: (blob) => setAudioUrl(URL.createObjectURL(blob)) },
    );
  };

  return (
    <form onSubmit={submit} className="grid gap-2">
      <label htmlFor={inputId} className="text-xs font-medium text-slate-700">
        Frase para ouvir
      </label>
      <div className="flex gap-2">
        <Input
          id={inputId}
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={preview.isError || undefined}
          aria-describedby={preview.isError ? errorId : undefined}
        />
        <Button
          type="submit"
          variant="outline"
          loading={preview.isPending}
          disabled={!text.trim()}
          aria-label={`Ouvir ${voiceName}`}
        >
          {!preview.isPending && <Play aria-hidden="true" />}
          Ouvir
        </Button>
      </div>
      {preview.isError && (
        <p id={errorId} className="text-xs font-medium text-red-700">
          {errorMessage(preview.error)}
        </p>
      )}
      {audioUrl && (
        <audio
          key={audioUrl}
          controls
          autoPlay
          src={audioUrl}
          className="h-10 w-full"
          aria-label={`Prévia de ${voiceName}`}
        >
          <track kind="captions" />
        </audio>
      )}
    </form>
  );
}
