import { ChevronRight, KeyRound } from 'lucide-react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { OrgForm, type OrgFormValues } from '@/components/OrgForm.tsx';
import { PageHeader } from '@/components/PageHeader.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useOrg, useUpdateOrg } from '@/lib/queries/orgQueries.ts';

export function SettingsPage() {
  const { orgId } = useCurrentOrg();
  const org = useOrg(orgId);
  const updateOrg = useUpdateOrg(orgId);

  const submit = (values: OrgFormValues) =>
    updateOrg.mutate(values, { onSuccess: () => toast.success('Configurações salvas.') });

  return (
    <>
      <PageHeader title="Configurações" description="Dados da empresa usados pelos agentes e pela equipe." />
      <Link
        to="/configuracoes/ia"
        className="mb-5 flex items-center gap-3 rounded-xl border bg-white p-4 shadow-xs transition-colors hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-ring"
      >
        <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-violet-50 text-violet-700 ring-1 ring-violet-100">
          <KeyRound className="size-4" aria-hidden="true" />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block text-sm font-semibold text-slate-900">Chaves e modelos de IA</span>
          <span className="block text-sm text-slate-600">
            OpenAI, Anthropic, Gemini, ElevenLabs ou um servidor compatível, e o modelo de cada tarefa.
          </span>
        </span>
        <ChevronRight className="size-4 text-slate-400" aria-hidden="true" />
      </Link>
      {org.isPending ? (
        <Card aria-busy="true">
          <CardContent className="grid gap-4 pt-6">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-64 w-full" />
          </CardContent>
        </Card>
      ) : org.isError ? (
        <QueryError error={org.error} onRetry={() => org.refetch()} />
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>Empresa</CardTitle>
            <CardDescription>Nome, fuso horário e horário de atendimento.</CardDescription>
          </CardHeader>
          <CardContent>
            <OrgForm
              key={org.dataUpdatedAt}
              initial={{
                name: org.data.name,
                timeZone: org.data.timeZone,
                businessHours: org.data.businessHours,
              }}
              serverError={updateOrg.error}
              onSubmit={submit}
              actions={
                <div className="flex justify-end border-t pt-5">
                  <Button type="submit" loading={updateOrg.isPending}>
                    Salvar alterações
                  </Button>
                </div>
              }
            />
          </CardContent>
        </Card>
      )}
    </>
  );
}
