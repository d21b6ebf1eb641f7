import type { Voice } from '@piloto/contracts';
import { AudioLines } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ConfirmDialog.tsx';
import { PageHeader } from '@/components/PageHeader.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useAiSettings } from '@/lib/queries/agentQueries.ts';
import { useDeleteVoice, useVoices } from '@/lib/queries/voiceQueries.ts';
import { CloneVoiceDialog } from './CloneVoiceDialog.tsx';
import { StockVoiceDialog } from './StockVoiceDialog.tsx';
import { VoiceCard } from './VoiceCard.tsx';

/** "Vozes": the voices the agents answer voice notes with — cloned (with consent) or ready-made. */
export function VoicesPage() {
  const { orgId } = useCurrentOrg();
  const voices = useVoices(orgId);
  const ai = useAiSettings(orgId);
  const remove = useDeleteVoice(orgId);
  const [deleting, setDeleting] = useState<Voice | null>(null);
  // Unknown while loading: do not warn before we know.
  const elevenLabsReady = ai.data
    ? ai.data.elevenlabs.configured || ai.data.elevenlabs.fromEnvironment
    : true;

  return (
    <>
      <PageHeader
        title="Vozes"
        description={
          <>
            Com que voz os agentes respondem em áudio. Escolha a voz de cada agente no editor, em “Respostas
            em áudio”. Sem voz escolhida, vale a voz padrão do modelo de voz de{' '}
            <Link to="/configuracoes/ia" className="font-medium text-brand-700 underline">
              Configurações › IA
            </Link>
            .
          </>
        }
        actions={
          <>
            <StockVoiceDialog />
            <CloneVoiceDialog elevenLabsReady={elevenLabsReady} />
          </>
        }
      />
      {voices.isPending ? (
        <div className="grid gap-4 lg:grid-cols-2" aria-busy="true">
          <Skeleton className="h-52" />
          <Skeleton className="h-52" />
        </div>
      ) : voices.isError ? (
        <QueryError error={voices.error} onRetry={() => voices.refetch()} />
      ) : voices.data.length === 0 ? (
        <section className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <div className="mb-4 flex size-12 items-center justify-center rounded-xl bg-violet-50 text-violet-700 ring-1 ring-violet-100">
            <AudioLines className="size-6" aria-hidden="true" />
          </div>
          <h2 className="text-base font-semibold text-slate-900">Nenhuma voz ainda</h2>
          <p className="mt-2 max-w-md text-sm text-slate-600">
            Clone a voz de um sócio ou vendedor (com a autorização dele) para a IA responder áudios como se
            fosse ele, ou use uma voz pronta.
          </p>
        </section>
      ) : (
        <ul className="grid items-start gap-4 lg:grid-cols-2" aria-label="Vozes">
          {voices.data.map((voice) => (
            <li key={voice.id}>
              <VoiceCard voice={voice} onDelete={setDeleting} />
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Excluir ${deleting?.name ?? 'voz'}?`}
        description={
          deleting?.provider === 'elevenlabs'
            ? 'A voz clonada e as gravações enviadas são apagadas, também na ElevenLabs. Os agentes que usavam esta voz passam a responder com a voz padrão.'
            : 'Os agentes que usavam esta voz passam a responder com a voz padrão.'
        }
        confirmLabel="Excluir voz"
        destructive
        loading={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.success(`${deleting.name} excluída.`);
              setDeleting(null);
            },
            onError: (error) => toast.error(errorMessage(error)),
          })
        }
      />
    </>
  );
}
