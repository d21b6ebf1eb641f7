import type { Voice } from '@piloto/contracts';
import { AudioLines, ShieldCheck, Trash2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Card } from '@/components/ui/card.tsx';
import { formatDate } from '@/lib/formatDate.ts';
import { VoicePreview } from './VoicePreview.tsx';

function ProviderBadge({ voice }: { voice: Voice }) {
  return voice.provider === 'elevenlabs' ? (
    <Badge variant="info">Clonada · ElevenLabs</Badge>
  ) : (
    <Badge>Pronta · OpenAI ({voice.providerVoiceId})</Badge>
  );
}

/** Whose voice a clone is, who recorded the consent and when; the statement itself on demand. */
function Consent({ consent }: { consent: NonNullable<Voice['consent']> }) {
  return (
    <div className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700">
      <p className="flex items-start gap-1.5">
        <ShieldCheck className="mt-0.5 size-4 shrink-0 text-brand-700" aria-hidden="true" />
        <span>
          Voz de <span className="font-medium text-slate-900">{consent.speakerName}</span>. Consentimento
          registrado
          {consent.recordedByName ? (
            <>
              {' '}
              por <span className="font-medium text-slate-900">{consent.recordedByName}</span>
            </>
          ) : null}{' '}
          em {formatDate(consent.recordedAt)}.
        </span>
      </p>
      <details className="mt-1.5 pl-5.5">
        <summary className="cursor-pointer text-xs font-medium text-slate-600 hover:text-slate-900">
          Ver o termo aceito
        </summary>
        <blockquote className="mt-1.5 border-l-2 border-slate-300 pl-2 text-xs text-slate-600 italic">
          “{consent.statement}”
        </blockquote>
      </details>
    </div>
  );
}

export function VoiceCard({ voice, onDelete }: { voice: Voice; onDelete: (voice: Voice) => void }) {
  return (
    <Card className="grid gap-4 p-5">
      <div className="flex items-start gap-3">
        <div className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-violet-50 text-violet-700 ring-1 ring-violet-100">
          <AudioLines className="size-5" aria-hidden="true" />
        </div>
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-base font-semibold text-slate-900">{voice.name}</h2>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <ProviderBadge voice={voice} />
            <span>adicionada em {formatDate(voice.createdAt)}</span>
          </div>
        </div>
        <Button
          variant="ghost"
          size="icon-sm"
          className="text-slate-500 hover:text-red-700"
          aria-label={`Excluir ${voice.name}`}
          title="Excluir voz"
          onClick={() => onDelete(voice)}
        >
          <Trash2 aria-hidden="true" />
        </Button>
      </div>
      {voice.consent && <Consent consent={voice.consent} />}
      <VoicePreview voiceId={voice.id} voiceName={voice.name} />
    </Card>
  );
}
