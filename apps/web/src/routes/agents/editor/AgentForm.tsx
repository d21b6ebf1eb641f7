import type { Agent } from '@piloto/contracts';
import { Save } from 'lucide-react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import { ApiError, errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useCreateAgent, useUpdateAgent } from '@/lib/queries/agentQueries.ts';
import {
  type AgentFormValues,
  agentValues,
  newAgentValues,
  type SectionProps,
  validateAgent,
} from './agentFormState.ts';
import { ChannelsSection } from './ChannelsSection.tsx';
import { HandoffSection } from './HandoffSection.tsx';
import { IdentitySection, InstructionsSection } from './IdentitySection.tsx';
import { KnowledgeSection } from './KnowledgeSection.tsx';
import { ModelSection } from './ModelSection.tsx';
import { ModeSection } from './ModeSection.tsx';
import { QualificationSection } from './QualificationSection.tsx';
import { StyleSection, TimingSection } from './TimingSection.tsx';
import { VoiceSection } from './VoiceSection.tsx';

/** After a failed save, the first field with a problem gets the focus. */
function useFocusFirstError(attempt: number) {
  useEffect(() => {
    if (attempt === 0) return;
    const first = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
    first?.focus();
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [attempt]);
}

export function AgentForm({ agent }: { agent: Agent | null }) {
  const { orgId } = useCurrentOrg();
  const navigate = useNavigate();
  const create = useCreateAgent(orgId);
  const update = useUpdateAgent(orgId);
  const save = agent ? update : create;
  const [values, setValues] = useState<AgentFormValues>(() =>
    agent ? agentValues(agent) : newAgentValues(),
  );
  const [baseline, setBaseline] = useState(() => JSON.stringify(values));
  const [validating, setValidating] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(attempt);

  const dirty = JSON.stringify(values) !== baseline;
  const clientErrors = useMemo(() => (validating ? validateAgent(values) : {}), [validating, values]);
  const serverFields = save.error instanceof ApiError ? save.error.fields : {};
  const errors = { ...serverFields, ...clientErrors };
  const onChange = (patch: Partial<AgentFormValues>) => {
    if (save.isError) save.reset();
    setValues((v) => ({ ...v, ...patch }));
  };
  const section: SectionProps = { values, onChange, errors };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setValidating(true);
    if (Object.keys(validateAgent(values)).length > 0) return setAttempt((n) => n + 1);
    try {
      const saved = agent
        ? await update.mutateAsync({ agentId: agent.id, body: values })
        : await create.mutateAsync(values);
      setBaseline(JSON.stringify(values));
      setValidating(false);
      toast.success(agent ? `Salvo como versão ${saved.version}.` : `${saved.name} criado.`);
      if (!agent) navigate(`/agentes/${saved.id}`, { replace: true });
    } catch (error) {
      if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) {
        toast.error(errorMessage(error));
      }
      setAttempt((n) => n + 1);
    }
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form onSubmit={submit} noValidate className="grid gap-5">
      <IdentitySection {...section} />
      <InstructionsSection {...section} />
      <KnowledgeSection {...section} />
      <QualificationSection {...section} />
      <ModeSection {...section} />
      <HandoffSection {...section} />
      <TimingSection {...section} />
      <StyleSection {...section} />
      <VoiceSection {...section} />
      <ChannelsSection {...section} />
      <ModelSection {...section} />
      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-t bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:shadow-md">
        <div className="min-w-0 text-sm" aria-live="polite">
          {errorCount > 0 ? (
            <Alert variant="error" className="border-0 bg-transparent p-0">
              {errorCount === 1
                ? 'Corrija o campo destacado.'
                : `Corrija os ${errorCount} campos destacados.`}
            </Alert>
          ) : dirty ? (
            <span className="font-medium text-amber-800">Alterações não salvas</span>
          ) : agent ? (
            <span className="text-slate-600">Tudo salvo · versão {agent.version}</span>
          ) : (
            <span className="text-slate-600">Preencha e crie o agente</span>
          )}
        </div>
        <Button type="submit" loading={save.isPending} disabled={agent !== null && !dirty}>
          {!save.isPending && <Save aria-hidden="true" />}
          {agent ? 'Salvar nova versão' : 'Criar agente'}
        </Button>
      </div>
    </form>
  );
}
