import { FileAudio, Mic, Square, Trash2, Upload, X } from 'lucide-react';
import { useRef } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button.tsx';
import { formatBytes, formatDuration } from '@/lib/formatChat.ts';
import { maxVoiceSampleBytes, maxVoiceSamples } from '@/lib/queries/voiceQueries.ts';
import { useVoiceRecorder } from '@/lib/useVoiceRecorder.ts';

/** A short text to read aloud while recording: natural speech, with questions and numbers. */
const readingPrompt =
  'Oi, tudo bem? Obrigado por chamar a gente! Me conta um pouquinho do que você precisa, que eu já te passo os valores e o prazo de entrega. Se preferir, posso te ligar às três da tarde. Combinado?';

/** Files have no id: name, size and date tell them apart. */
const sampleKey = (file: File) => `${file.name}:${file.size}:${file.lastModified}`;

/**
 * The recordings a voice is cloned from: audio files picked from the computer or recorded here with
 * the microphone (1 to 10, up to 10 MB each).
 */
export function VoiceSamplesField({
  samples,
  onChange,
  error,
}: {
  samples: File[];
  onChange: (samples: File[]) => void;
  error?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const recorder = useVoiceRecorder();
  const full = samples.length >= maxVoiceSamples;

  const add = (picked: File[]) => {
    // The same file picked twice would be sent twice.
    const known = new Set(samples.map(sampleKey));
    const files = picked.filter((f) => !known.has(sampleKey(f)));
    const tooBig = files.filter((f) => f.size > maxVoiceSampleBytes);
    if (tooBig.length) toast.error(`${tooBig[0].name} passa de 10 MB. Envie uma gravação menor.`);
    const fit = files.filter((f) => f.size <= maxVoiceSampleBytes);
    const room = maxVoiceSamples - samples.length;
    if (fit.length > room) toast.error(`São no máximo ${maxVoiceSamples} gravações.`);
    onChange([...samples, ...fit.slice(0, Math.max(room, 0))]);
  };
  const startRecording = () => recorder.start().catch((e: Error) => toast.error(e.message));
  const stopRecording = async () => {
    const recording = await recorder.stop();
    if (!recording || recording.seconds < 1) return;
    const extension = recording.fileName.split('.').pop() ?? 'webm';
    const name = `gravacao-${samples.length + 1}.${extension}`;
    add([new File([recording.blob], name, { type: recording.blob.type })]);
  };

  return (
    <fieldset
      className="grid gap-2"
      aria-describedby={error ? 'voice-samples-error voice-samples-hint' : 'voice-samples-hint'}
    >
      <legend className="mb-1.5 text-sm font-medium text-slate-900">Gravações da voz</legend>
      <p id="voice-samples-hint" className="-mt-1 text-xs text-slate-600">
        De 1 a {maxVoiceSamples} gravações, até 10 MB cada. O ideal é de 1 a 3 minutos de fala natural no
        total, num lugar silencioso, sem música.
      </p>
      {recorder.recording ? (
        <div className="grid gap-2 rounded-lg border border-red-200 bg-red-50/60 p-3" role="status">
          <p className="text-xs text-slate-700">
            <span className="font-medium text-slate-900">Leia em voz alta, com calma:</span> “{readingPrompt}”
          </p>
          <div className="flex items-center gap-3">
            <span className="size-2.5 animate-pulse rounded-full bg-red-600" aria-hidden="true" />
            <span className="flex-1 text-sm text-slate-800 tabular-nums">
              Gravando… {formatDuration(recorder.seconds)}
            </span>
            <Button variant="ghost" size="sm" onClick={recorder.cancel}>
              <X aria-hidden="true" />
              Descartar
            </Button>
            <Button size="sm" onClick={() => void stopRecording()}>
              <Square aria-hidden="true" />
              Parar e adicionar
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" size="sm" disabled={full} onClick={() => input.current?.click()}>
            <Upload aria-hidden="true" />
            Escolher arquivos
          </Button>
          <Button variant="outline" size="sm" disabled={full} onClick={startRecording}>
            <Mic aria-hidden="true" />
            Gravar agora
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            accept="audio/*,.mp3,.m4a,.ogg,.opus,.wav,.webm"
            className="sr-only"
            tabIndex={-1}
            aria-label="Arquivos de gravação da voz"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length) add(files);
            }}
          />
        </div>
      )}
      {samples.length > 0 && (
        <ul aria-label="Gravações escolhidas" className="grid gap-1.5">
          {samples.map((sample) => (
            <li
              key={sampleKey(sample)}
              className="flex items-center gap-2 rounded-md border bg-white px-2.5 py-1.5 text-sm"
            >
              <FileAudio className="size-4 shrink-0 text-slate-500" aria-hidden="true" />
              <span className="min-w-0 flex-1 truncate">{sample.name}</span>
              <span className="shrink-0 text-xs text-slate-500">{formatBytes(sample.size)}</span>
              <Button
                variant="ghost"
                size="icon-sm"
                className="size-7 text-slate-500"
                aria-label={`Remover ${sample.name}`}
                onClick={() => onChange(samples.filter((s) => s !== sample))}
              >
                <Trash2 aria-hidden="true" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id="voice-samples-error" className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
