import { VOICE_CONSENT_STATEMENT } from '@piloto/contracts';
import { Mic } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { InputField } from '@/components/InputField.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog.tsx';
import { ApiError, errorMessage, type FieldErrors } from '@/lib/apiClient.ts';
import { cn } from '@/lib/cn.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useCloneVoice } from '@/lib/queries/voiceQueries.ts';
import { VoiceSamplesField } from './VoiceSamplesField.tsx';

type Draft = { name: string; speakerName: string; samples: File[]; consent: boolean };
const emptyDraft: Draft = { name: '', speakerName: '', samples: [], consent: false };

function validate(draft: Draft): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.name.trim().length < 2) errors.name = 'Dê um nome à voz';
  if (draft.speakerName.trim().length < 2) errors.speakerName = 'Informe de quem é a voz';
  if (draft.samples.length === 0) errors.samples = 'Envie ou grave ao menos uma gravação';
  if (!draft.consent) errors.consent = 'Sem a autorização da pessoa, a voz não pode ser clonada';
  return errors;
}

/** The speaker's consent, shown in full: it is stored with the voice as accepted here. */
function ConsentBox({
  speakerName,
  checked,
  onChange,
  error,
}: {
  speakerName: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}) {
  const who = speakerName.trim();
  return (
    <div
      className={cn(
        'grid gap-2 rounded-lg border p-3',
        error ? 'border-red-300 bg-red-50/50' : 'border-slate-200 bg-slate-50',
      )}
    >
      <p className="text-sm font-medium text-slate-900">Termo de consentimento</p>
      <blockquote
        id="voice-consent-statement"
        className="border-l-2 border-brand-500 pl-2.5 text-sm text-slate-700"
      >
        “{VOICE_CONSENT_STATEMENT}”
      </blockquote>
      <label className="flex items-start gap-2.5 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'voice-consent-statement voice-consent-error' : 'voice-consent-statement'}
          className="mt-0.5 size-4 shrink-0 accent-brand-600"
        />
        <span>
          A pessoa dona da voz{who ? ` (${who})` : ''} autorizou a criação e o uso da cópia digital da voz nos
          termos acima.
          <span className="mt-0.5 block text-xs text-slate-600">
            O consentimento fica registrado com o seu nome e a data.
          </span>
        </span>
      </label>
      {error && (
        <p id="voice-consent-error" className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** "Clonar voz": a partner's or seller's voice from their recordings, only with their consent. */
export function CloneVoiceDialog({ elevenLabsReady }: { elevenLabsReady: boolean }) {
  const { orgId } = useCurrentOrg();
  const clone = useCloneVoice(orgId);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [checked, setChecked] = useState(false);
  const set = (patch: Partial<Draft>) => {
    if (clone.isError) clone.reset();
    setDraft((d) => ({ ...d, ...patch }));
  };

  const serverFields = clone.error instanceof ApiError ? clone.error.fields : {};
  const errors = { ...serverFields, ...(checked ? validate(draft) : {}) };
  const formError =
    clone.isError && Object.keys(serverFields).length === 0 ? errorMessage(clone.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(validate(draft)).length > 0) return;
    clone.mutate(
      { name: draft.name.trim(), speakerName: draft.speakerName.trim(), samples: draft.samples },
      {
        onSuccess: (voice) => {
          toast.success(`${voice.name} está pronta para os agentes.`);
          setOpen(false);
          setDraft(emptyDraft);
          setChecked(false);
        },
      },
    );
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (clone.isPending) return;
        setOpen(next);
        if (!next) {
          setDraft(emptyDraft);
          setChecked(false);
          clone.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Mic aria-hidden="true" />
          Clonar voz
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>Clonar voz</DialogTitle>
          <DialogDescription>
            Os agentes passam a responder áudios com a voz de alguém da empresa — um sócio ou um vendedor.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} noValidate className="grid gap-4">
          {!elevenLabsReady && (
            <Alert variant="warning">
              A clonagem usa a ElevenLabs. Cadastre a chave em{' '}
              <Link to="/configuracoes/ia">Configurações › IA</Link> antes de clonar.
            </Alert>
          )}
          {formError && <Alert variant="error">{formError}</Alert>}
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField
              id="voice-name"
              label="Nome da voz"
              placeholder="Voz da Ana"
              maxLength={80}
              value={draft.name}
              onValueChange={(name) => set({ name })}
              error={errors.name}
            />
            <InputField
              id="voice-speaker"
              label="De quem é a voz"
              placeholder="Ana Souza"
              maxLength={120}
              autoComplete="off"
              value={draft.speakerName}
              onValueChange={(speakerName) => set({ speakerName })}
              error={errors.speakerName}
            />
          </div>
          <VoiceSamplesField
            samples={draft.samples}
            onChange={(samples) => set({ samples })}
            error={errors.samples}
          />
          <ConsentBox
            speakerName={draft.speakerName}
            checked={draft.consent}
            onChange={(consent) => set({ consent })}
            error={errors.consent}
          />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={clone.isPending}>
                Cancelar
              </Button>
            </DialogClose>
            <Button type="submit" loading={clone.isPending}>
              {clone.isPending ? 'Clonando…' : 'Clonar voz'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
